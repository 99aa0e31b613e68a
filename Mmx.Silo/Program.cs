using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Mmx.Grains;
using Mmx.Grains.Configuration;
using OpenTelemetry.Metrics;

// A cluster-mode silo. `--apply-schema` applies the PostgreSQL schema and exits (safe to repeat);
// without it the silo joins the cluster named by the configuration (see README, "Cluster mode").
if (args is ["--make-certificates", var certificateFolder, ..])
{
    // docker-compose.yml's one-shot step: the cluster's own CA and member certificate, once.
    Console.WriteLine(ClusterCertificates.EnsureIn(certificateFolder)
        ? $"Made the cluster's certificates in {certificateFolder}."
        : $"The cluster's certificates in {certificateFolder} are kept.");
    return 0;
}

var hostArgs = args.Where(a => a != "--apply-schema").ToArray();
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = hostArgs, ContentRootPath = ProgramDefaults.ContentRoot("Mmx.Silo", hostArgs) });
ProgramDefaults.Beneath(builder.Configuration, ProgramDefaults.Logging, ProgramDefaults.JsonConsole, new Dictionary<string, string?>
{
    // Membership changes are what an operator of a silo wants to see.
    ["Logging:LogLevel:Orleans.Runtime.Silo"] = "Information",
    ["Logging:LogLevel:Orleans.Runtime.MembershipService"] = "Information",
});
// Every setting the silo reads is checked first: a bad one ends the process, with its key named.
ClusterSettings settings;
MetricsSettings metrics;
try
{
    settings = ClusterSettings.From(builder.Configuration);
    metrics = Settings.Read<MetricsSettings>(builder.Configuration);
}
catch (SettingsException bad)
{
    Console.Error.WriteLine($"Mmx.Silo cannot start: {bad.Message}");
    return 2;
}
if (!settings.IsCluster)
{
    Console.Error.WriteLine("Mmx.Silo needs ConnectionStrings:Orleans (PostgreSQL). For a single process, run Mmx.Api instead.");
    return 2;
}

if (!args.Contains("--apply-schema"))
{
    try
    {
        settings.RequireTransportSecurity();
    }
    catch (SettingsException plain)
    {
        Console.Error.WriteLine($"Mmx.Silo cannot start: {plain.Message}");
        return 2;
    }
}

if (args.Contains("--apply-schema"))
{
    DatabaseSettings database;
    try
    {
        database = Settings.Read<DatabaseSettings>(builder.Configuration);
    }
    catch (SettingsException bad)
    {
        Console.Error.WriteLine($"Mmx.Silo cannot start: {bad.Message}");
        return 2;
    }
    await PostgresSchema.Apply(settings.ConnectionString!, database.AppRole, database.AppPassword);
    Console.WriteLine(database.AppRole is { Length: > 0 } role
        ? $"The Orleans schema is in place; role {role} has the rights the silos and fronts need."
        : "The Orleans schema is in place.");
    return 0;
}

// On SIGTERM the silo finishes its requests and hands its grains over before it exits; give it
// the time to (docker-compose allows 60 s before it kills).
builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(55));
try
{
    builder.UseOrleans(silo =>
    {
        silo.AddMmxSilo(builder.Configuration);
        // In a Kubernetes pod (deploy/kubernetes): the silo's name is the pod's, it advertises the
        // pod's IP, and silos whose pods are gone are declared dead at once, not after probes fail.
        // Clustering stays on PostgreSQL. After AddMmxSilo, so that the pod's identity wins.
        if (Environment.GetEnvironmentVariable("KUBERNETES_SERVICE_HOST") is { Length: > 0 } && Environment.GetEnvironmentVariable("POD_NAME") is { Length: > 0 })
        {
            silo.UseKubernetesHosting();
        }
    });
}
catch (SettingsException bad)
{
    Console.Error.WriteLine($"Mmx.Silo cannot start: {bad.Message}");
    return 2;
}

// The silo's own meters (Orleans: grains, messaging, storage; .NET runtime) in Prometheus text on
// http://{Mmx:Metrics:Host}:{Mmx:Metrics:Port}/metrics (loopback unless set), when a port is configured.
if (metrics.Port is { } metricsPort)
{
    builder.Services.AddOpenTelemetry().WithMetrics(meters => meters
        .AddOrleansMeters()
        .AddRuntimeInstrumentation()
        .AddPrometheusHttpListener(o =>
        {
            o.Host = metrics.Host;
            o.Port = metricsPort;
        }));
}
builder.Services.AddMmxTracing(builder.Configuration, "mmx-silo");
await builder.Build().RunAsync();
return 0;
