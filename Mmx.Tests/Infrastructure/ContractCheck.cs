using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;

namespace Mmx.Tests.Infrastructure;

/// <summary>
/// The front's own OpenAPI document as a check on its answers: every JSON answer an API test
/// receives is validated against the schema of its route and status, and a mismatch fails the
/// test that made the call (the handler throws). Routes the document leaves out (the dashboard)
/// and answers of the routing layer (404/405 for no route) are not checked.
/// </summary>
public sealed class ContractCheck
{
    private readonly List<Route> _routes = [];
    private readonly ConcurrentDictionary<string, JsonSchema> _built = new();
    private readonly JsonObject _definitions;

    private sealed record Route(string Method, Regex Pattern, int Parameters, JsonObject Responses, string Template);

    public ContractCheck(JsonNode document)
    {
        // Components' schemas become $defs of every built schema, with their references rewritten to match.
        var text = document.ToJsonString().Replace("#/components/schemas/", "#/$defs/");
        var rewritten = JsonNode.Parse(text)!;
        _definitions = rewritten["components"]?["schemas"]?.AsObject() ?? [];
        foreach (var (path, item) in rewritten["paths"]!.AsObject())
        {
            var parameters = Regex.Matches(path, "{[^}]+}").Count;
            var pattern = new Regex("^" + Regex.Replace(Regex.Escape(path).Replace("\\{", "{"), "{[^}]+}", "[^/]+") + "$");
            foreach (var (method, operation) in item!.AsObject())
            {
                if (operation?["responses"] is JsonObject responses) _routes.Add(new Route(method.ToUpperInvariant(), pattern, parameters, responses, path));
            }
        }
    }

    /// <summary>Null when the answer fits the document, else what does not.</summary>
    public string? Check(string method, string path, int status, JsonNode answer)
    {
        var route = _routes.Where(r => r.Method == method && r.Pattern.IsMatch(path)).OrderBy(r => r.Parameters).FirstOrDefault();
        if (route is null) return null;
        var response = route.Responses[status.ToString()] ?? route.Responses["default"];
        if (response is null)
        {
            return status is 404 or 405 ? null : $"{method} {route.Template}: HTTP {status} is not in the document";
        }
        if (response["content"]?["application/json"]?["schema"] is not JsonObject schema)
        {
            return $"{method} {route.Template}: HTTP {status} answered JSON, which the document does not describe";
        }
        var key = $"{method} {route.Template} {status}";
        var built = _built.GetOrAdd(key, _ => Build(schema));
        var problem = Explain(built.Evaluate(JsonSerializer.SerializeToElement(answer), new EvaluationOptions { OutputFormat = OutputFormat.List }));
        if (problem is null) return null;
        var text = answer.ToJsonString();
        return $"{method} {route.Template}: the answer does not fit the document: {problem}\n{text[..Math.Min(600, text.Length)]}";
    }

    /// <summary>Null when the value fits the schema (a schema of the document: its references resolve), else what does not.</summary>
    public string? Fits(JsonNode schema, JsonNode? value)
    {
        var rewritten = JsonNode.Parse(schema.ToJsonString().Replace("#/components/schemas/", "#/$defs/"))!.AsObject();
        return Explain(Build(rewritten).Evaluate(JsonSerializer.SerializeToElement(value), new EvaluationOptions { OutputFormat = OutputFormat.List }));
    }

    private static string? Explain(EvaluationResults result) => result.IsValid ? null : string.Join("; ",
        (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Value}")).Take(8));

    private JsonSchema Build(JsonObject schema)
    {
        var whole = (JsonObject)schema.DeepClone();
        whole["$schema"] = "https://json-schema.org/draft/2020-12/schema";
        whole["$defs"] = _definitions.DeepClone();
        return JsonSchema.FromText(whole.ToJsonString(), baseUri: new Uri($"https://mmx.test/contract/{Guid.NewGuid():N}"));
    }
}

/// <summary>The HTTP handler that puts every JSON answer through <see cref="ContractCheck"/>.</summary>
public sealed class ContractCheckHandler(Func<Task<ContractCheck>> contract) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (response.Content.Headers.ContentType?.MediaType != "application/json") return response;
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var headers = response.Content.Headers.ToList();
        // The content is read here, so the test gets a fresh copy with the same headers.
        response.Content = new ByteArrayContent(bytes);
        foreach (var (name, values) in headers) response.Content.Headers.TryAddWithoutValidation(name, values);
        JsonNode? answer;
        try { answer = JsonNode.Parse(bytes); } catch (JsonException) { return response; }
        if (answer is null) return response;
        var problem = (await contract()).Check(request.Method.Method, request.RequestUri!.AbsolutePath, (int)response.StatusCode, answer);
        if (problem is not null) throw new ContractViolation(problem);
        return response;
    }
}

public sealed class ContractViolation(string message) : Exception(message);
