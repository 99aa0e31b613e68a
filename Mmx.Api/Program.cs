using Mmx.Api.Chat;
using Mmx.Api.Live;
using Mmx.Api.Providers;
using Mmx.Grains;
using Mmx.Grains.Common;
using Mmx.Api.Accounts;
using Mmx.Api.Admin;
using Mmx.Api.Catalogue;
using Mmx.Api.Hosting;
using Mmx.Api.Images;
using Mmx.Api.Lookups;
using Mmx.Api.Messages;
using Mmx.Api.Merchants;
using Mmx.Api.Operations;
using Mmx.Api.Reference;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Orleans.Dashboard;
using Mmx.Api.ShopLife;
using Mmx.Api.Social;
using Mmx.Api.ThirdParty;
using Mmx.Api.TryOn;
using Mmx.Api.Wire;
using Microsoft.Extensions.DependencyInjection.Extensions;

using Mmx.Grains.Configuration;
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = ProgramDefaults.ContentRoot("Mmx.Api", args) });
// The embedded default's address and its co-hosted silo's ports, beneath every configuration source.
ProgramDefaults.Beneath(builder.Configuration, ProgramDefaults.Logging, new Dictionary<string, string?>
{
    ["Urls"] = "http://127.0.0.1:5000",
    ["Mmx:Orleans:SiloPort"] = "11411",
    ["Mmx:Orleans:GatewayPort"] = "30411",
});

// Every setting is read and checked first: a bad one ends the process, with its key named.
try
{
    builder.Services.AddMmxSettings(builder.Configuration);
    var front = Settings.Read<FrontSettings>(builder.Configuration);
    var cluster = builder.AddMmxOrleans();
    if (cluster.IsCluster) ProgramDefaults.Beneath(builder.Configuration, ProgramDefaults.JsonConsole);
    builder.Services.AddSingleton(cluster);
    var operators = Settings.Read<Mmx.Api.Access.Operators.OperatorSettings>(builder.Configuration);
    var adminKey = AdminKey.From(front, cluster, hasRoleKeys: operators.ByRole.Any(r => r.Entries.Length > 0));
    if (cluster.IsCluster) PublicUrls.RequireConfiguredHost(builder.Configuration);
    builder.Services.AddSingleton(new Mmx.Api.Access.Operators.OperatorKeys(adminKey, operators));
    builder.Services.AddSingleton<Mmx.Api.Access.Operators.FailedOperatorKeys>();
    builder.Services.AddSingleton<Mmx.Api.Operations.DashboardRevocations>();
    builder.Services.AddSingleton<CatalogueImporter>();
    builder.Services.AddSingleton<LiveConnections>();
    builder.Services.AddHostedService(services => services.GetRequiredService<LiveConnections>());
    builder.Services.AddSingleton<SessionCache>();
    builder.Services.AddSingleton<UnknownTokens>();
    builder.Services.AddSingleton<Mmx.Api.Lookups.KnownIds>();
    builder.Services.AddCatalogueCopy();
    builder.Services.AddHostedService(services => services.GetRequiredService<SessionCache>());
    builder.Services.AddSingleton<EventHub>();
    builder.Services.AddHostedService(services => services.GetRequiredService<EventHub>());
    builder.Services.ConfigureHttpJsonOptions(o =>
    {
        Json.Configure(o.SerializerOptions);
        // Answers are written by the source-generated wire context; anything it does not know still by reflection.
        o.SerializerOptions.TypeInfoResolverChain.Insert(0, WireJsonContext.Default);
    });
    // Every body is held to the contract's 64 KB by the server itself, also on routes that read no
    // JSON (a form, a body nobody reads); the admin import says it takes more (its endpoint's
    // request size limit).
    builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = JsonBody.DefaultLimit);
    builder.Services.AddMmxHealth();
    builder.Services.AddMmxRateLimits(builder.Configuration);
    builder.Services.AddMmxOpenApi();
    builder.Services.TryAddSingleton(TimeProvider.System);
    builder.Services.TryAddKeyedSingleton(MmxClock.Key, TimeProvider.System);
    builder.Services.AddThirdPartyProviders(builder.Configuration);
    builder.Services.AddImageFetching(cluster);
    builder.Services.AddWireProfile();
    builder.Services.AddMmxCrossOrigin(builder.Configuration);
    builder.Services.AddMmxProxyHeaders(builder.Configuration);
    builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
        .AddAspNetCoreInstrumentation()
        .AddRuntimeInstrumentation()
        .AddOrleansMeters()
        .AddMeter(MmxMetrics.MeterName)
        .AddPrometheusExporter());
    builder.Services.AddMmxTracing(builder.Configuration, "mmx-api", tracing => tracing.AddAspNetCoreInstrumentation());
    builder.Services.AddSingleton<Mmx.Api.Images.DemoPictures>();
    if (front.DemoData ?? !cluster.IsCluster)
    {
        builder.Services.AddHostedService<DemoDataLoader>();
    }

    var app = builder.Build();
    // First: everything after it sees the client behind a known proxy (limits, logs, answered URLs).
    app.UseForwardedHeaders();
    // After it: HSTS goes to clients that reached the proxy over TLS.
    app.UseSecurityHeaders();
    // Outermost, so that a preflight is answered before limits and every answer can carry the headers.
    app.UseMmxCrossOrigin();
    app.UseContractErrors();
    if (cluster.Dashboard) app.UseDashboardGuard();
    // The session first: the limits tell signed-in requests from anonymous ones by it.
    app.UseSessionResolution();
    app.UseRateLimiter();
    app.UseWebSockets();
    app.MapMmxHealth();
    app.MapMmxOpenApi();
    app.MapPrometheusScrapingEndpoint("/metrics");
    if (cluster.Dashboard) app.MapOrleansDashboard(routePrefix: DashboardAccess.Path);
    app.MapCatalogueApi();
    app.MapShopsApi();
    app.MapShopPageApi();
    app.MapBasicApi();
    app.MapUploadApi();
    app.MapGoodsApi();
    app.MapActivitiesApi();
    app.MapSmsApi();
    app.MapAccountApi();
    app.MapLeavingApi();
    app.MapProfileApi();
    app.MapQrCardApi();
    app.MapPublicCardApi();
    app.MapImageApi();
    app.MapDemoPictureApi();
    app.MapProviderInfoApi();
    app.MapWeChatWebLoginApi();
    app.MapGoodsFitApi();
    app.MapAddressApi();
    app.MapFeedbackApi();
    app.MapPresenceApi();
    app.MapFansApi();
    app.MapFavoritesApi();
    app.MapFfvApi();
    app.MapFriendsApi();
    app.MapFriendViewsApi();
    app.MapSocialV2Api();
    app.MapAdminApi();
    app.MapMerchantAuditApi();
    app.MapShopStatusApi();
    app.MapMerchantAccountApi();
    app.MapMerchantPasswordResetApi();
    app.MapMerchantInfoApi();
    app.MapMerchantShopApi();
    app.MapMerchantGoodsApi();
    app.MapMerchantActivitiesApi();
    app.MapMerchantFansApi();
    app.MapOperatorDeskApi();
    app.MapTakedownApi();
    app.MapMessagesApi();
    app.MapEventsApi();
    app.MapChatSocketApi();
    app.MapChatHttpApi();

    StartupBanner.PrintWhenStarted(app, cluster, adminKey);
    app.Run();
    return 0;
}
catch (SettingsException bad)
{
    Console.Error.WriteLine($"MMX cannot start: {bad.Message}");
    return 2;
}
