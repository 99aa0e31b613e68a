using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Mmx.Grains;

// A cluster-mode silo. `--apply-schema` applies the PostgreSQL schema and exits (safe to repeat);
// without it the silo joins the cluster named by the configuration (see README, "Cluster mode").
var builder = Host.CreateApplicationBuilder(args.Where(a => a != "--apply-schema").ToArray());
var settings = ClusterSettings.From(builder.Configuration);
if (!settings.IsCluster)
{
    Console.Error.WriteLine("Mmx.Silo needs ConnectionStrings:Orleans (PostgreSQL). For a single process, run Mmx.Api instead.");
    return 2;
}

if (args.Contains("--apply-schema"))
{
    await PostgresSchema.Apply(settings.ConnectionString!);
    Console.WriteLine("The Orleans schema is in place.");
    return 0;
}

builder.UseOrleans(silo => silo.AddMmxSilo(builder.Configuration));
await builder.Build().RunAsync();
return 0;
