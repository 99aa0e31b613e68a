using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Mmx.Api.Operations.OpenApi;

/// <summary>
/// Examples in the spec's spelling for every request body and answer, built from the schemas so
/// they cannot drift from the types: a field gets the value the demo catalogue and the spec's own
/// examples would give it (by its wire name), else one its schema allows. An answer shows the
/// typed reply (err 0) and an error reply side by side.
/// </summary>
public static class ContractExamples
{
    /// <summary>Plausible values by wire name: the demo city (Shenzhen, 1) and its coordinates, a phone, an MD5 password.</summary>
    private static readonly Dictionary<string, JsonNode> ByName = new(StringComparer.Ordinal)
    {
        ["phone"] = "13800138000", ["phone_no"] = "13800138000", ["password"] = "4c9894f99114160e70582fa6a5d739c4",
        ["code"] = "123456", ["ticket"] = "3q2-7wEAAAAxMjM0NTY3ODkwYWJjZA", ["token"] = "IPZp9ZVomRF36BJZ4FTOIAg3Pse1Pq1vs3bhjNEOxZM",
        ["dev"] = "iPhone", ["long"] = 113.94, ["lat"] = 22.52, ["distance"] = 350.5, ["city"] = 1, ["city_id"] = 1,
        ["city_name"] = "深圳", ["name"] = "海岸城", ["shopName"] = "海岸城", ["shop_name"] = "海岸城", ["nickName"] = "喵喵",
        ["friend_name"] = "小明", ["rmkName"] = "小明", ["remark"] = "小明", ["mcode"] = 100000001, ["accID"] = 10001,
        ["uid"] = 10002, ["userID"] = 10002, ["user_id"] = 10001, ["frdID"] = 10002, ["friend_id"] = 10002, ["sid"] = 1,
        ["shopID"] = 1, ["shop_id"] = 1, ["gid"] = 1, ["goodsID"] = 1, ["actID"] = 1, ["addrID"] = 1, ["category"] = 1,
        ["gender"] = 1, ["birthday"] = "1990-01-01", ["email"] = "miao@example.com", ["address"] = "南山区海德三道",
        ["postcode"] = "518000", ["price"] = 299.0, ["promot"] = 199.0, ["time"] = 1445846400, ["bt"] = "2015-10-26",
        ["et"] = "2015-11-26", ["title"] = "双十一大促", ["content"] = "全场五折", ["msg"] = "success", ["desp"] = "潮流女装",
        ["pic"] = "http://127.0.0.1:5000/img/shop1.jpg", ["portrait"] = "http://127.0.0.1:5000/img/portrait.jpg",
        ["url"] = "http://127.0.0.1:5000/img/portrait.jpg", ["qrcode"] = "http://127.0.0.1:5000/user/10001",
        ["qcode"] = "http://127.0.0.1:5000/userweb/qcode/100000001.png", ["total_num"] = 1, ["count"] = 1, ["is_success"] = true,
        ["feedback"] = "希望增加更多商店", ["hours"] = "10:00-22:00", ["intro"] = "深圳南山的购物中心", ["version"] = "1.0.2", ["barcode"] = "6901234567892",
    };

    public static void Add(OpenApiOptions options)
    {
        options.AddOperationTransformer(Given);
        options.AddDocumentTransformer(Document);
    }

    /// <summary>A request whose fields depend on each other (login's modes) shows the examples written on its type.</summary>
    private static Task Given(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken _)
    {
        var type = context.Description.ActionDescriptor.EndpointMetadata.OfType<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>()
            .FirstOrDefault()?.RequestType;
        var given = type?.GetCustomAttributes(typeof(WireExample), inherit: false).OfType<WireExample>().ToList() ?? [];
        if (given.Count == 0 || operation.RequestBody?.Content?.TryGetValue("application/json", out var body) != true || body is null) return Task.CompletedTask;
        body.Examples = given.ToDictionary(g => g.Name, g => (IOpenApiExample)new OpenApiExample { Summary = g.Summary, Value = JsonNode.Parse(g.Json) });
        return Task.CompletedTask;
    }

    private static Task Document(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken _)
    {
        foreach (var operation in document.Paths.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? []))
        {
            if (operation.RequestBody?.Content?.TryGetValue("application/json", out var body) == true && body.Schema is { } request
                && body.Examples is not { Count: > 0 })
            {
                body.Example = Example(document, request, null, [], request: true);
            }
            foreach (var (status, response) in operation.Responses ?? [])
            {
                if (response.Content is null || !response.Content.TryGetValue("application/json", out var json) || json.Schema is not { } schema) continue;
                if (status == "200" && schema.AnyOf is [var typed, _])
                {
                    json.Examples = new Dictionary<string, IOpenApiExample>
                    {
                        ["ok"] = new OpenApiExample { Summary = "Done (err 0)", Value = Example(document, typed, null, []) },
                        ["error"] = new OpenApiExample { Summary = "Refused: invalid input (err 1)", Value = Failure(Err.BadRequest) },
                    };
                }
                else if (status != "200")
                {
                    json.Example = Failure(status switch { "404" => Err.NotFound, "429" => Err.TooManyRequests, _ => Err.Internal });
                }
                else json.Example = Example(document, schema, null, []);
            }
        }
        return Task.CompletedTask;
    }

    /// <summary>An error answer as the front writes it, with the message of <see cref="Messages"/>.</summary>
    private static JsonObject Failure(Err err) => new() { ["err"] = (int)err, ["msg"] = ErrTexts.Of(err) };

    private static JsonNode? Example(OpenApiDocument document, IOpenApiSchema schema, string? name, ImmutableHashSet<string> path, bool request = false)
    {
        if (schema is OpenApiSchemaReference { Reference.Id: { } id }) path = path.Add(id);
        schema = Resolve(document, schema);
        if (name == "err") return 0;
        if (name is not null && ByName.TryGetValue(name, out var known) && Fits(schema, known)) return known.DeepClone();
        if (schema.Default is { } given) return given.DeepClone();
        if (schema.Enum is { Count: > 0 } values) return values[0]?.DeepClone();
        if (schema.AnyOf is { Count: > 0 } choices)
        {
            var choice = choices.Select(c => Resolve(document, c)).FirstOrDefault(c => c.Type != JsonSchemaType.Null) ?? choices[0];
            return Example(document, choice, name, path, request);
        }
        var type = (schema.Type ?? (schema.Properties is { Count: > 0 } ? JsonSchemaType.Object : 0)) & ~JsonSchemaType.Null;
        switch (type)
        {
            case JsonSchemaType.Object:
                var example = new JsonObject();
                var properties = schema.Properties ?? new Dictionary<string, IOpenApiSchema>();
                // A request shows the fields a client would send: an optional one only where it has a telling value.
                var shown = properties.Where(p => !request || schema.Required?.Contains(p.Key) == true || ByName.ContainsKey(p.Key)).ToList();
                foreach (var (property, child) in shown.Count > 0 ? shown : [.. properties])
                {
                    example[property] = Example(document, child, property, path, request);
                }
                return example;
            case JsonSchemaType.Array:
                // A tree (categories' children) stops where its type repeats: the first level shows the shape.
                return schema.Items is null || schema.Items is OpenApiSchemaReference { Reference.Id: { } item } && path.Contains(item)
                    ? new JsonArray()
                    : new JsonArray(Example(document, schema.Items, Singular(name), path, request));
            case JsonSchemaType.Integer:
                return schema.Minimum is { } min && long.TryParse(min, NumberStyles.Integer, CultureInfo.InvariantCulture, out var least) ? least : 1;
            case JsonSchemaType.Number:
                return 1.5;
            case JsonSchemaType.Boolean:
                return false;
            case JsonSchemaType.String:
                return schema.Format switch { "date" => "2015-10-26", "date-time" => "2015-10-26T10:00:00Z", "binary" => null, _ => name ?? "string" };
            default:
                return null;
        }
    }

    /// <summary>A list's items take the example of one (<c>shopIDs</c> → <c>shopID</c>, <c>picList</c> → <c>pic</c>).</summary>
    private static string? Singular(string? name) => name switch
    {
        null => null,
        _ when name.EndsWith("IDs", StringComparison.Ordinal) => name[..^1],
        _ when name.EndsWith("List", StringComparison.Ordinal) => name[..^4],
        "pics" => "pic",
        _ => null,
    };

    private static bool Fits(IOpenApiSchema schema, JsonNode value)
    {
        if (schema.AnyOf is { Count: > 0 }) return true;
        var type = schema.Type ?? 0;
        return value.GetValueKind() switch
        {
            System.Text.Json.JsonValueKind.String => type.HasFlag(JsonSchemaType.String),
            System.Text.Json.JsonValueKind.Number => type.HasFlag(JsonSchemaType.Number)
                || (type.HasFlag(JsonSchemaType.Integer) && !value.ToJsonString().Contains('.')),
            System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False => type.HasFlag(JsonSchemaType.Boolean),
            _ => false,
        };
    }

    private static IOpenApiSchema Resolve(OpenApiDocument document, IOpenApiSchema schema) =>
        schema is OpenApiSchemaReference { Reference.Id: { } id } && document.Components?.Schemas?.TryGetValue(id, out var target) == true
            ? target
            : schema;
}
