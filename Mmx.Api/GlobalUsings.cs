global using System.Collections.Immutable;
global using Mmx.Api.Access;
global using Mmx.Api.Errors;
global using Mmx.Api.Http;
global using Mmx.Api.Wire;
global using Mmx.Grains;
global using Mmx.Grains.Catalogue;
global using Orleans;
