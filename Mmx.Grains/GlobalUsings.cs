global using System.Collections.Immutable;
global using Microsoft.Extensions.Logging;
global using Mmx.Grains.Accounts;
global using Mmx.Grains.Catalogue;
global using Orleans;
global using Orleans.Runtime;
