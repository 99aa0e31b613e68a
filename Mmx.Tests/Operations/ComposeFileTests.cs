using System.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Mmx.Tests.Operations;

/// <summary>
/// docker-compose.yml is valid YAML describing the cluster an operator expects, and what can run
/// without Docker runs: the silo's health check against a silo started with the compose file's
/// settings (on loopback addresses instead of the compose network's).
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ComposeFileTests(PostgresServer postgres)
{
    private static readonly string[] MmxServices = ["schema", "silo1", "silo2", "api"];

    private static YamlMappingNode Root()
    {
        var yaml = new YamlStream();
        using var reader = new StreamReader(Path.Combine(ScriptedCluster.RepoRoot, "docker-compose.yml"));
        yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    /// <summary>A mapping with its YAML merge keys (<c>&lt;&lt;: *anchor</c>) applied, as compose reads it.</summary>
    private static Dictionary<string, YamlNode> Merged(YamlNode node)
    {
        var merged = new Dictionary<string, YamlNode>();
        foreach (var (key, value) in ((YamlMappingNode)node).Children)
        {
            if (key.ToString() == "<<")
            {
                foreach (var (k, v) in Merged(value)) merged.TryAdd(k, v);
            }
            else merged[key.ToString()] = value;
        }
        return merged;
    }

    private static Dictionary<string, YamlNode> Services() => Merged(Root()["services"]);
    private static Dictionary<string, YamlNode> Service(string name) => Merged(Services()[name]);
    private static Dictionary<string, string> Environment(string service) =>
        Merged(Service(service)["environment"]).ToDictionary(e => e.Key, e => e.Value.ToString());

    [Fact]
    public void Compose_describes_postgres_the_schema_step_two_silos_the_api_and_its_proxy()
    {
        var services = Services();
        Assert.Equal(["postgres", "certs", .. MmxServices, "proxy"], services.Keys);
        foreach (var name in services.Keys.Where(n => n is not ("schema" or "certs")))
        {
            Assert.True(Service(name).ContainsKey("healthcheck"), $"{name} has no health check");
            Assert.Equal("unless-stopped", Service(name)["restart"].ToString());
        }
        // Every service on the network the others reach it on (the certificate step needs none).
        foreach (var name in services.Keys.Where(n => n != "certs")) Assert.True(Merged(Service(name)["networks"]).ContainsKey("mmx"), $"{name} is not on the mmx network");

        // The schema: a one-shot step at every up, before any silo; not a first-start-only init script.
        var schema = Service("schema");
        Assert.Contains("--apply-schema", ((YamlSequenceNode)schema["command"]).Children.Select(c => c.ToString()));
        Assert.Equal("no", schema["restart"].ToString());
        foreach (var silo in new[] { "silo1", "silo2" })
        {
            Assert.Equal("service_completed_successfully", Merged(Merged(Service(silo)["depends_on"])["schema"])["condition"].ToString());
        }
        var pgVolumes = ((YamlSequenceNode)Service("postgres")["volumes"]).Children.Select(v => v.ToString()).ToList();
        Assert.DoesNotContain(pgVolumes, v => v.Contains("docker-entrypoint-initdb.d"));
        Assert.Contains(pgVolumes, v => v.StartsWith("pgdata:"));
        Assert.Contains(((YamlSequenceNode)Service("api")["volumes"]).Children, v => v.ToString().StartsWith("images:"));

        // One image for every MMX role, built once.
        Assert.Single(MmxServices.Select(s => Service(s)["image"].ToString()).Distinct());
        Assert.All(MmxServices, s => Assert.Equal(".", Service(s)["build"].ToString()));

        // Configuration through the environment; secrets must be given, none has a default.
        foreach (var name in MmxServices) Assert.StartsWith("Host=postgres;", Environment(name)["ConnectionStrings__Orleans"]);
        Assert.Contains(":?", Environment("api")["Mmx__AdminKey"]);
        Assert.Contains(":?", Environment("silo1")["ConnectionStrings__Orleans"]);
        Assert.Contains(":?", Environment("silo1")["Mmx__Sms__GatewayUrl"]);
        var text = File.ReadAllText(Path.Combine(ScriptedCluster.RepoRoot, "docker-compose.yml"));
        foreach (var secret in new[] { "MMX_DB_PASSWORD", "MMX_DB_ADMIN_PASSWORD", "MMX_ADMIN_KEY", "MMX_SMS_GATEWAY_URL" }) Assert.DoesNotContain("${" + secret + ":-", text);
        // Security round three, point 16: every process connected as the database's superuser.
        // Only the schema step is the owner; it makes the role the silos and the API use.
        Assert.Contains("Username=postgres;", Environment("schema")["ConnectionStrings__Orleans"]);
        Assert.Equal("mmx", Environment("schema")["Mmx__Database__AppRole"]);
        foreach (var name in MmxServices.Where(n => n != "schema")) Assert.Contains("Username=mmx;", Environment(name)["ConnectionStrings__Orleans"]);
        Assert.Equal("postgres", Merged(Service("postgres")["environment"])["POSTGRES_USER"].ToString());
        // Silo metrics for other containers: all addresses inside the container, no port on the host.
        Assert.Equal("*", Environment("silo1")["Mmx__Metrics__Host"]);
        Assert.False(Service("silo1").ContainsKey("ports"));
        // Only the proxy is published (on loopback unless MMX_HTTP_BIND says otherwise): every outside
        // request reaches the API through it.
        Assert.Equal(["proxy"], services.Keys.Where(name => Service(name).ContainsKey("ports")));
        var ports = ((YamlSequenceNode)Service("proxy")["ports"]).Children.Select(p => p.ToString()).ToList();
        Assert.Equal(["${MMX_HTTP_BIND:-127.0.0.1}:5080:8080", "127.0.0.1:5081:8081"], ports);
    }

    /// <summary>The proxy's address on the compose network, and its nginx.conf as mounted.</summary>
    private static (string Address, string Config) Proxy()
    {
        var address = Merged(Merged(Service("proxy")["networks"])["mmx"])["ipv4_address"].ToString();
        var mount = ((YamlSequenceNode)Service("proxy")["volumes"]).Children.Select(v => v.ToString()).Single(v => v.Contains("/etc/nginx/nginx.conf"));
        var config = File.ReadAllText(Path.Combine(ScriptedCluster.RepoRoot, mount.Split(':')[0]));
        return (address, config);
    }

    [Fact]
    public void The_proxy_sends_the_clients_own_address_to_the_api_which_believes_only_the_proxy()
    {
        var (address, config) = Proxy();
        // The address nginx received the connection from, replacing any X-Forwarded-For the client
        // sent ($proxy_add_x_forwarded_for would pass a forged one on).
        Assert.Contains("proxy_set_header X-Forwarded-For $remote_addr;", config);
        Assert.DoesNotContain("$proxy_add_x_forwarded_for", config);
        Assert.Contains("proxy_set_header X-Forwarded-Proto $scheme;", config);
        // To the API service on the port it listens on; event streams unbuffered.
        Assert.Contains("server api:8080;", config);
        Assert.EndsWith(":8080", Environment("api")["ASPNETCORE_URLS"]);
        Assert.Matches(@"location = /user/events \{[^}]*proxy_buffering off;", config);
        // The chat socket is upgraded, with the client's address set again (a location's own headers replace the server's).
        Assert.Matches(@"location /chat/ \{[^}]*proxy_set_header Upgrade \$http_upgrade;[^}]*proxy_set_header X-Forwarded-For \$remote_addr;", config);
        // Security round three, point 10: the operator endpoints are not on the public side.
        Assert.Matches(@"location ~ \^/\(health\|metrics\|admin\|dashboard\)\(/\|\$\) \{\s*return 404;", config);
        Assert.Contains("listen 8081;", config);
        Assert.Contains("listen 8080;", config);
        // The API believes forwarded headers from the proxy's address and nobody else's.
        var api = Environment("api");
        Assert.Equal(address, api["Mmx__ForwardedHeaders__KnownProxies__0"]);
        Assert.DoesNotContain(api.Keys, k => k.StartsWith("Mmx__ForwardedHeaders__KnownNetworks"));
    }

    [Fact]
    public async Task With_composes_settings_each_client_behind_the_proxy_has_its_own_rate_limit_and_a_direct_caller_cannot_pose_as_one()
    {
        var (proxy, _) = Proxy();
        // The API's forwarded-header settings exactly as compose gives them (environment names as configuration keys).
        var settings = Environment("api").Where(e => e.Key.StartsWith("Mmx__ForwardedHeaders__"))
            .ToDictionary(e => e.Key.Replace("__", ":"), e => e.Value);
        settings["Mmx:RateLimits:SignInPerMinute"] = "2";
        await using var api = new ApiFactory(settings: settings);
        async Task<int> Login(string from, string forwardedFor)
        {
            using var response = await api.NewClient().SendLiteral(HttpMethod.Post, "/user/login",
                """{"mode":2,"type":4,"phone":"13811112222","password":"whatever-1"}""",
                (TestRemoteAddress.Header, from), ("X-Forwarded-For", forwardedFor));
            return (int)response.StatusCode;
        }

        // Through the proxy: two clients, two allowances.
        Assert.Equal(200, await Login(proxy, "203.0.113.1"));
        Assert.Equal(200, await Login(proxy, "203.0.113.1"));
        Assert.Equal(429, await Login(proxy, "203.0.113.1"));
        Assert.Equal(200, await Login(proxy, "203.0.113.2"));
        // Another container on the network (or Docker's gateway) naming clients: one caller, one allowance.
        Assert.Equal(200, await Login("172.30.0.1", "198.51.100.1"));
        Assert.Equal(200, await Login("172.30.0.1", "198.51.100.2"));
        Assert.Equal(429, await Login("172.30.0.1", "198.51.100.3"));
    }

    /// <summary>Security round three, point 2: before it, compose ran the cluster's transport in plain TCP.</summary>
    [Fact]
    public void Every_mmx_service_talks_mutual_tls_with_certificates_the_certs_step_makes_first()
    {
        var certs = Service("certs");
        Assert.Equal(["dotnet", "/app/silo/Mmx.Silo.dll", "--make-certificates", "/certs"], ((YamlSequenceNode)certs["command"]).Children.Select(c => c.ToString()));
        Assert.Equal("no", certs["restart"].ToString());
        Assert.Equal("service_completed_successfully", Merged(Merged(Service("schema")["depends_on"])["certs"])["condition"].ToString());
        foreach (var name in MmxServices)
        {
            var environment = Environment(name);
            Assert.Equal("/certs/member.pem", environment["Mmx__Tls__Certificate"]);
            Assert.Equal("/certs/member.key", environment["Mmx__Tls__Key"]);
            Assert.Equal("/certs/ca.pem", environment["Mmx__Tls__Authority"]);
            Assert.DoesNotContain("Mmx__Tls__AllowPlaintext", environment.Keys);
            if (name == "schema") continue;
            Assert.Contains(((YamlSequenceNode)Service(name)["volumes"]).Children, v => v.ToString() == "certs:/certs:ro");
        }
    }

    [Fact]
    public void The_image_runs_as_a_user_who_is_not_root()
    {
        var lines = File.ReadAllLines(Path.Combine(ScriptedCluster.RepoRoot, "Dockerfile")).Select(l => l.Trim()).ToList();
        var runtime = lines.FindLastIndex(l => l.StartsWith("FROM "));
        var user = lines.FindLastIndex(l => l.StartsWith("USER "));
        Assert.True(user > runtime, "the runtime stage sets no USER");
        Assert.DoesNotContain(lines[user]["USER ".Length..].Trim(), new[] { "root", "0" });
    }

    [Fact]
    public async Task The_silo_health_check_passes_while_the_silo_serves_and_fails_when_it_does_not()
    {
        var healthCheck = ((YamlSequenceNode)Merged(Service("silo1")["healthcheck"])["test"]).Children.Select(c => c.ToString()).ToList();
        Assert.Equal("CMD-SHELL", healthCheck[0]);
        // Compose turns $$ into $ before the shell sees the command.
        var command = healthCheck[1].Replace("$$", "$");

        // silo1's settings, with a loopback address other than 127.0.0.1 standing in for its
        // address on the compose network, and this test's PostgreSQL and free ports.
        var environment = Environment("silo1");
        environment["ConnectionStrings__Orleans"] = postgres.ConnectionString;
        environment["Mmx__Sms__GatewayUrl"] = "http://127.0.0.1:9/sms";
        environment["Mmx__Orleans__ClusterId"] = environment["Mmx__Orleans__ServiceId"] = $"compose-{Guid.NewGuid():N}";
        environment["Mmx__Orleans__AdvertisedIp"] = "127.0.0.2";
        environment["Mmx__Orleans__SiloPort"] = FreePorts.Next().ToString();
        environment["Mmx__Orleans__GatewayPort"] = FreePorts.Next().ToString();
        environment["Mmx__Metrics__Host"] = "127.0.0.2";
        environment["Mmx__Metrics__Port"] = FreePorts.Next().ToString();
        environment["Mmx__Dashboard__Enabled"] = "false";
        // The certificates as compose's certs step makes them (the same command), in a folder of this test's own for /certs.
        var certificates = Path.Combine(Path.GetTempPath(), $"mmx-compose-certs-{Guid.NewGuid():N}");
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
        var siloDll = Path.Combine(ScriptedCluster.RepoRoot, "Mmx.Silo", "bin", configuration, "net10.0", "Mmx.Silo.dll");
        Assert.Equal(0, await Shell($"dotnet {siloDll} --make-certificates {certificates}", environment));
        foreach (var key in environment.Keys.Where(k => k.StartsWith("Mmx__Tls__")).ToList()) environment[key] = environment[key].Replace("/certs", certificates);

        Assert.NotEqual(0, await Shell(command, environment));
        var start = new ProcessStartInfo("dotnet", [siloDll])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in environment) start.Environment[key] = value;
        using var silo = Process.Start(start)!;
        _ = silo.StandardOutput.ReadToEndAsync();
        _ = silo.StandardError.ReadToEndAsync();
        try
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (await Shell(command, environment) != 0)
            {
                Assert.False(silo.HasExited, "the silo exited");
                Assert.True(DateTime.UtcNow < deadline, "the health check did not pass within 60 s of the silo starting");
                await Task.Delay(500);
            }
            // The check compose had before: 127.0.0.1, where the silo does not listen.
            Assert.NotEqual(0, await Shell($"bash -c '</dev/tcp/127.0.0.1/{environment["Mmx__Orleans__SiloPort"]}'", environment));
        }
        finally
        {
            silo.Kill();
            await silo.WaitForExitAsync();
        }
        Assert.NotEqual(0, await Shell(command, environment));
    }

    /// <summary>Runs a CMD-SHELL health check as Docker does (sh -c) with the container's environment; answers its exit code.</summary>
    private static async Task<int> Shell(string command, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("sh", ["-c", command]) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var (key, value) in environment) start.Environment[key] = value;
        using var shell = Process.Start(start)!;
        await shell.StandardError.ReadToEndAsync();
        await shell.WaitForExitAsync();
        return shell.ExitCode;
    }
}
