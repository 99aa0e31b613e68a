using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Mmx.Grains.Common;

namespace Mmx.Tests.Infrastructure;

/// <summary>
/// The real Mmx.Api in process. Embedded mode by default (co-hosted silo on free ports, demo data
/// loaded); pass a connection string to run it as a cluster-mode client instead.
/// </summary>
public class ApiFactory(string? connectionString = null, string? clusterId = null,
    IReadOnlyDictionary<string, string>? settings = null) : WebApplicationFactory<Program>
{
    public const string AdminKey = "test-admin-key-0123456789";

    /// <summary>
    /// The key that turns the Orleans Dashboard on (it is on by default in the product). Test fronts
    /// run without it, unless a test of the dashboard passes it: its statistics and the grain
    /// profiler cost every front and its co-hosted silo a share of the machine's two cores.
    /// </summary>
    public const string DashboardSetting = "Mmx:Dashboard:Enabled";
    public static readonly IReadOnlyDictionary<string, string> DashboardOn = new Dictionary<string, string> { [DashboardSetting] = "true" };

    /// <summary>MMX's clock in the embedded silo: starts now, moved only by the tests.</summary>
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public ApiClient NewClient() => new(CreateClient(), Clock);

    private Task<ContractCheck>? _contract;

    /// <summary>This front's OpenAPI document as the check every answer of its clients goes through.</summary>
    public Task<ContractCheck> Contract => _contract ??= LoadContract();

    private async Task<ContractCheck> LoadContract()
    {
        using var http = _loopbackPort != 0 ? CreateDefaultClient(LoopbackBase()) : CreateDefaultClient();
        return new ContractCheck(JsonNode.Parse(await http.GetStringAsync("/openapi/v1.json"))!);
    }

    /// <summary>A client (cookies kept, redirects followed) whose every JSON answer is checked against the OpenAPI document.</summary>
    public new HttpClient CreateClient() => CreateClient(new WebApplicationFactoryClientOptions());

    /// <summary><see cref="CreateClient()"/> with options; the answers are checked against the document as well.</summary>
    public new HttpClient CreateClient(WebApplicationFactoryClientOptions options)
    {
        var handlers = new List<DelegatingHandler>();
        if (options.AllowAutoRedirect) handlers.Add(new Microsoft.AspNetCore.Mvc.Testing.Handlers.RedirectHandler(options.MaxAutomaticRedirections));
        if (options.HandleCookies) handlers.Add(new Microsoft.AspNetCore.Mvc.Testing.Handlers.CookieContainerHandler());
        handlers.Add(new ContractCheckHandler(() => Contract));
        if (_loopbackPort != 0)
        {
            return CreateDefaultClient(LoopbackBase(), [.. handlers]);
        }
        return CreateDefaultClient(options.BaseAddress, [.. handlers]);
    }

    /// <summary>This front's image store folder, its own for every factory.</summary>
    public string ImageFolder { get; } = Path.Combine(Path.GetTempPath(), "mmx-test-images", Guid.NewGuid().ToString("N"));

    /// <summary>Where a test fixture replaces services of the app (a resolver, a provider stub).</summary>
    protected virtual void ConfigureTestServices(IServiceCollection services)
    {
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.ConfigureTestServices(services =>
        {
            services.AddKeyedSingleton<TimeProvider>(MmxClock.Key, Clock);
            services.AddSingleton<IStartupFilter, TestRemoteAddress>();
            ConfigureTestServices(services);
        });
        builder.UseSetting("Mmx:AdminKey", AdminKey);
        builder.UseSetting("Mmx:Images:Folder", ImageFolder);
        // In-process requests have no client address: they all share one partition of the front's
        // limits, so tests get generous ones unless they set their own (RateLimitTests does).
        foreach (var (key, value) in RateLimitsOff.Settings()) builder.UseSetting(key, value);
        builder.UseSetting("Mmx:Orleans:SiloPort", FreePorts.Next().ToString());
        builder.UseSetting("Mmx:Orleans:GatewayPort", FreePorts.Next().ToString());
        builder.UseSetting(DashboardSetting, "false");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) builder.UseSetting(key, value);
        if (connectionString is not null)
        {
            builder.UseSetting("ConnectionStrings:Orleans", connectionString);
            // The test's cluster lives on loopback (a fixture that gives certificates overrides it).
            if (settings?.ContainsKey("Mmx:Tls:Certificate") != true) builder.UseSetting("Mmx:Tls:AllowPlaintext", "true");
            builder.UseSetting("Mmx:Orleans:ClusterId", clusterId ?? "mmx");
            builder.UseSetting("Mmx:Orleans:ServiceId", clusterId ?? "mmx");
            // Cluster mode takes the base of the URLs it answers from configuration, never from Host.
            builder.UseSetting("Mmx:PublicWebBaseUrl", "http://localhost");
        }
    }

    private int _loopbackPort;

    /// <summary>
    /// Serves on a real loopback port (Kestrel) instead of the in-memory test server, so that a real
    /// WebSocket client can connect (<see cref="WebSocketUri"/>). Call before the front is first used.
    /// </summary>
    public ApiFactory ListenOnLoopback()
    {
        _loopbackPort = FreePorts.Next();
        UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, _loopbackPort));
        return this;
    }

    /// <summary>http://127.0.0.1:{port} of a front started by <see cref="ListenOnLoopback"/>, started if it was not yet.</summary>
    public Uri LoopbackBase()
    {
        StartServer();
        return new Uri($"http://127.0.0.1:{_loopbackPort}");
    }

    /// <summary>ws://127.0.0.1:{port}{pathAndQuery} of a front started by <see cref="ListenOnLoopback"/>.</summary>
    public Uri WebSocketUri(string pathAndQuery)
    {
        if (_loopbackPort == 0) throw new InvalidOperationException("This front was not started with ListenOnLoopback().");
        StartServer();
        return new Uri($"ws://127.0.0.1:{_loopbackPort}{pathAndQuery}");
    }

    public async Task<JsonNode> GetJson(string url)
    {
        using var response = await CreateClient().GetAsync(url);
        return await ReadJson(response);
    }

    public async Task<JsonNode> Import(string json, string? adminKey = AdminKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/admin/import")
        {
            Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json"),
        };
        if (adminKey is not null) request.Headers.Add("X-Admin-Key", adminKey);
        using var response = await CreateClient().SendAsync(request);
        return await ReadJson(response);
    }

    /// <summary>Stops the front, then removes its image folder (each factory has its own).</summary>
    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try
        {
            if (Directory.Exists(ImageFolder)) Directory.Delete(ImageFolder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left to the system's temp clean-up.
        }
        GC.SuppressFinalize(this);
    }

    /// <summary>Every answer must be JSON with an err, whatever went wrong.</summary>
    public static async Task<JsonNode> ReadJson(HttpResponseMessage response)
    {
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var node = await response.Content.ReadFromJsonAsync<JsonNode>();
        Assert.NotNull(node);
        Assert.NotNull(node["err"]);
        return node;
    }
}
