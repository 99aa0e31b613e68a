using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Mmx.Tests.Operations;

/// <summary>
/// /openapi/v1.json as a client developer reads it: every operation named, tagged and typed, its
/// examples valid, the security it names the security the route asks for, and the /docs page
/// working without the internet.
/// </summary>
public sealed class OpenApiDocumentTests(OpenApiDocumentTests.Api api) : IClassFixture<OpenApiDocumentTests.Api>
{
    public sealed class Api() : ApiFactory(settings: DashboardOn);

    private async Task<JsonNode> Document() => JsonNode.Parse(await api.CreateClient().GetStringAsync("/openapi/v1.json"))!;

    private static IEnumerable<(string Method, string Path, JsonObject Operation)> Operations(JsonNode document) =>
        document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject()
            .Select(op => (op.Key.ToUpperInvariant(), path.Key, op.Value!.AsObject())));

    [Fact]
    public async Task Every_operation_has_an_id_a_tag_its_parameters_and_a_typed_answer()
    {
        var document = await Document();
        var ids = new HashSet<string>();
        var operations = Operations(document).ToList();
        Assert.True(operations.Count > 80, $"only {operations.Count} operations");
        foreach (var (method, path, operation) in operations)
        {
            var name = $"{method} {path}";
            Assert.True(ids.Add((string?)operation["operationId"] ?? ""), $"{name}: no operationId, or one used twice");
            Assert.True(operation["tags"] is JsonArray { Count: > 0 }, $"{name}: no tag");
            var ok = operation["responses"]?["200"]?["content"]?.AsObject();
            Assert.True(ok is { Count: > 0 }, $"{name}: no answer content for HTTP 200");
            foreach (var (media, content) in ok!)
            {
                Assert.True(content?["schema"] is JsonObject, $"{name}: {media} answer without a schema");
            }
            if (ok.ContainsKey("text/event-stream"))
            {
                // A stream answers JSON only when it is refused before it starts.
                Assert.True((string?)ok["application/json"]?["schema"]?["$ref"] == "#/components/schemas/ErrorReply",
                    $"{name}: a refused stream's JSON answer is not the ErrorReply");
            }
            else if (ok.ContainsKey("application/json"))
            {
                // A JSON answer is the typed reply or the error reply (HTTP 200 either way, the contract).
                var anyOf = ok["application/json"]!["schema"]!["anyOf"]?.AsArray();
                Assert.True(anyOf is { Count: 2 } && anyOf.Any(s => (string?)s!["$ref"] == "#/components/schemas/ErrorReply"),
                    $"{name}: the JSON answer is not 'typed reply or ErrorReply'");
            }
            if (operation["requestBody"] is { } body)
            {
                Assert.True(body["content"]?["application/json"]?["schema"] is JsonObject, $"{name}: a request body without a JSON schema");
            }
            foreach (Match parameter in Regex.Matches(path, "{([^}]+)}"))
            {
                var declared = operation["parameters"]?.AsArray().FirstOrDefault(p => (string?)p!["name"] == parameter.Groups[1].Value && (string?)p["in"] == "path");
                Assert.True(declared?["schema"]?["type"] is not null, $"{name}: path parameter {parameter.Value} is not typed");
            }
            foreach (var parameter in operation["parameters"]?.AsArray() ?? [])
            {
                Assert.True(parameter!["schema"]?["type"] is not null, $"{name}: parameter {parameter["name"]} has no type");
            }
        }
        Assert.DoesNotContain(operations, o => o.Path.StartsWith("/dashboard", StringComparison.Ordinal) || o.Path == "/metrics");
    }

    [Fact]
    public async Task Every_tag_an_operation_uses_is_described()
    {
        var document = await Document();
        var described = document["tags"]!.AsArray()
            .Where(t => !string.IsNullOrWhiteSpace((string?)t!["description"])).Select(t => (string)t!["name"]!).ToHashSet();
        var used = document["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject())
            .SelectMany(o => o.Value!["tags"]?.AsArray().Select(t => (string)t!) ?? []).ToHashSet();
        Assert.Empty(used.Except(described));
    }

    [Fact]
    public async Task Paged_routes_say_their_range_and_default()
    {
        var document = await Document();
        var count = document["paths"]!["/user/shop"]!["get"]!["parameters"]!.AsArray().Single(p => (string?)p!["name"] == "count")!["schema"]!;
        Assert.Equal(1, (int)count["minimum"]!);
        Assert.Equal(100, (int)count["maximum"]!);
        Assert.NotNull(count["default"]);
        var city = document["paths"]!["/user/shop"]!["get"]!["parameters"]!.AsArray().Single(p => (string?)p!["name"] == "city")!;
        Assert.True((bool)city["required"]!);
    }

    [Fact]
    public async Task The_err_table_says_0_is_success_and_lists_every_code()
    {
        var table = (string)(await Document())["info"]!["description"]!;
        Assert.Contains("| 0 | Ok | success |", table);
        foreach (var err in Enum.GetValues<Mmx.Grains.Err>()) Assert.Contains($"| {(int)err} | {err} |", table);
    }

    [Fact]
    public async Task Every_example_fits_its_schema()
    {
        var document = await Document();
        var check = await api.Contract;
        var examples = 0;
        foreach (var (method, path, operation) in Operations(document))
        {
            var media = new List<(string Where, JsonObject Content)>();
            if (operation["requestBody"]?["content"]?["application/json"] is JsonObject body) media.Add(("request", body));
            foreach (var (status, response) in operation["responses"]!.AsObject())
            {
                if (response?["content"]?["application/json"] is JsonObject answer) media.Add(($"HTTP {status}", answer));
            }
            foreach (var (where, content) in media)
            {
                var values = content["examples"]?.AsObject().Select(e => e.Value!["value"]).ToList() ?? [];
                if (content["example"] is { } single) values.Add(single);
                Assert.True(values.Count > 0, $"{method} {path}: the {where} has no example");
                foreach (var value in values)
                {
                    examples++;
                    var problem = check.Fits(content["schema"]!, value);
                    Assert.True(problem is null, $"{method} {path}: the {where}'s example {value?.ToJsonString()} does not fit: {problem}");
                }
            }
        }
        Assert.True(examples > 300, $"only {examples} examples");
    }

    [Fact]
    public async Task The_login_examples_are_spelled_as_the_spec_and_log_in()
    {
        var document = await Document();
        var examples = document["paths"]!["/user/login"]!["post"]!["requestBody"]!["content"]!["application/json"]!["examples"]!.AsObject();
        var phone = examples["phone"]!["value"]!.AsObject();
        Assert.Equal(["mode", "type", "phone", "password", "dev"], phone.Select(p => p.Key));

        // The example works as written once the account exists: a client developer can paste it.
        var client = api.NewClient();
        var number = AccountTestKit.NewPhone();
        await client.SignUp(number, "example-pass-1");
        phone["phone"] = number;
        phone["password"] = "example-pass-1";
        var answer = await client.Literal(HttpMethod.Post, "/user/login", phone.ToJsonString());
        Assert.Equal(0, (int)answer["err"]!);
    }

    /// <summary>
    /// The register example, sent as printed (its number made fresh and verified), signs up, and
    /// the login example's password then logs in: no example carries a password the server refuses.
    /// </summary>
    [Fact]
    public async Task The_register_and_login_examples_work_as_printed()
    {
        var document = await Document();
        JsonObject Example(string path) => ((document["paths"]![path]!["post"]!["requestBody"]!["content"]!["application/json"]!["examples"]
            ?.AsObject().First().Value!["value"]) ?? document["paths"]![path]!["post"]!["requestBody"]!["content"]!["application/json"]!["example"])!.DeepClone().AsObject();
        var register = Example("/user/register");
        var client = api.NewClient();
        var number = AccountTestKit.NewPhone();
        register["phone"] = number;
        if (register.ContainsKey("ticket")) register["ticket"] = await client.VerifyPhone(number);
        else await client.VerifyPhone(number);
        var signedUp = await client.Literal(HttpMethod.Post, "/user/register", register.ToJsonString());
        Assert.True((int)signedUp["err"]! == 0, $"the register example {register.ToJsonString()} answered {signedUp.ToJsonString()}");

        var login = document["paths"]!["/user/login"]!["post"]!["requestBody"]!["content"]!["application/json"]!["examples"]!["phone"]!["value"]!.DeepClone().AsObject();
        Assert.Equal((string?)register["password"], (string?)login["password"]);
        login["phone"] = number;
        Assert.Equal(0, (int)(await api.NewClient().Literal(HttpMethod.Post, "/user/login", login.ToJsonString()))["err"]!);
    }

    /// <summary>
    /// Each operation called with no credentials at all: one the document says needs a session
    /// answers err 2, one that needs the admin key err 3, and one it calls public neither.
    /// </summary>
    [Fact]
    public async Task The_security_the_document_names_is_what_each_route_asks_for()
    {
        var document = await Document();
        using var client = api.CreateClient();
        foreach (var (method, path, operation) in Operations(document))
        {
            var schemes = operation["security"]?.AsArray().SelectMany(r => r!.AsObject().Select(s => s.Key)).ToHashSet() ?? [];
            var url = Regex.Replace(path, "{[^}]+}", "1");
            using var request = new HttpRequestMessage(new HttpMethod(method), url);
            if (operation["requestBody"] is not null) request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
            using var response = await client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            var err = response.Content.Headers.ContentType?.MediaType == "application/json" ? (int?)JsonNode.Parse(text)?["err"] : null;
            var name = $"{method} {path} (err {err?.ToString() ?? "none"}, HTTP {(int)response.StatusCode})";
            if (schemes.Contains("bearer"))
            {
                // A user's session or a merchant's (each with its own cookie).
                Assert.True(schemes.Contains("mmx_token") || schemes.Contains("mmx_merchant"), $"{name}: a session route names the bearer token but not a cookie");
                Assert.True(err == 2, $"{name}: the document says it needs a session, the route did not ask for one");
            }
            else if (schemes.Contains("adminKey")) Assert.True(err == 3, $"{name}: the document says it needs the admin key, the route did not ask for it");
            else Assert.True(err is not (2 or 3), $"{name}: the document calls it public, the route refused a caller without credentials");
        }
    }

    [Fact]
    public async Task The_docs_page_loads_nothing_from_the_internet_and_offers_no_online_feature()
    {
        var client = api.CreateClient(new() { AllowAutoRedirect = true });
        var page = await client.GetStringAsync("/docs/");
        foreach (Match source in Regex.Matches(page, "(?:src|href)=\"([^\"]+)\""))
        {
            Assert.False(Regex.IsMatch(source.Groups[1].Value, "^(https?:)?//"), $"the page loads {source.Groups[1].Value}");
            using var local = await client.GetAsync("/docs/" + source.Groups[1].Value);
            Assert.Equal(System.Net.HttpStatusCode.OK, local.StatusCode);
        }
        var configuration = JsonNode.Parse(Regex.Match(page, @"initialize\(\s*'[^']*',\s*\w+,\s*(\{.*\}),", RegexOptions.Singleline).Groups[1].Value)!;
        Assert.False((bool)configuration["withDefaultFonts"]!);
        Assert.False((bool)configuration["telemetry"]!);
        Assert.True((bool)configuration["hideClientButton"]!);
        Assert.True((bool)configuration["agent"]!["disabled"]!);
        Assert.True((bool)configuration["mcp"]!["disabled"]!);
        // Scalar's deploy/share/SDK toolbar (shown on localhost by default) stays off.
        Assert.Equal("never", ((string?)configuration["showDeveloperTools"])?.ToLowerInvariant());
        Assert.Null(configuration["proxyUrl"]);
        Assert.Equal("openapi/v1.json", (string?)configuration["sources"]![0]!["url"]);
    }
}
