global using System.Collections.Immutable;
global using Mmx.Grains;
global using Mmx.Grains.Catalogue;
global using Mmx.Tests.Infrastructure;
global using Mmx.Tests.Accounts;
global using Orleans;
