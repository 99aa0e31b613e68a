global using System.Collections.Immutable;
global using Microsoft.Extensions.Logging;
global using Mmx.Grains.Accounts;
global using Mmx.Grains.Catalogue;
global using Orleans;
global using Orleans.Runtime;
global using Microsoft.Extensions.DependencyInjection;
global using Mmx.Grains.Common;
