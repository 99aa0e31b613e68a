using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Mmx.Api.Wire;

namespace Mmx.Api.Operations.OpenApi;

/// <summary>
/// What the framework cannot see in the routes, added to the document: operationIds, the query
/// parameters each route declares, the security it needs, the error answer every route may give
/// (with HTTP 200 as the contract says, and 429/500/503), and the operator routes left out.
/// </summary>
public static class ContractTransformers
{
    public const string Bearer = "bearer";
    public const string Cookie = "mmx_token";
    public const string AdminKey = "adminKey";
    public const string MerchantCookie = "mmx_merchant";
    private const string ErrorSchema = nameof(ErrorReply);

    /// <summary>Routes that are not the API: the Orleans Dashboard's pages and data, Prometheus' scrape.</summary>
    private static readonly string[] LeftOut = ["/dashboard", "/metrics"];

    public static void Add(OpenApiOptions options)
    {
        options.AddSchemaTransformer(Union);
        options.AddSchemaTransformer(Omittable);
        options.AddOperationTransformer(Operation);
        options.AddDocumentTransformer(Document);
    }

    /// <summary>A <see cref="WireUnion"/> property (typed object) gets the types it takes on the two wires.</summary>
    private static Task Union(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken _)
    {
        var union = context.JsonPropertyInfo?.AttributeProvider?.GetCustomAttributes(typeof(WireUnion), inherit: false)
            .OfType<WireUnion>().FirstOrDefault();
        if (union is null && context.JsonPropertyInfo?.CustomConverter is Http.StringOrNumberConverter)
        {
            // Phone numbers and codes: a string of digits, or the bare number some clients send.
            // A type list rather than anyOf: generators make it one property a client sets either way.
            schema.Type = JsonSchemaType.String | JsonSchemaType.Integer | JsonSchemaType.Null;
            return Task.CompletedTask;
        }
        if (union is null && context.JsonPropertyInfo?.CustomConverter is Http.SwitchConverter)
        {
            // A 0/1 switch: the number, its digit as a string, or false/true (contract: liberal input).
            schema.Type = JsonSchemaType.Integer | JsonSchemaType.String | JsonSchemaType.Boolean | JsonSchemaType.Null;
            return Task.CompletedTask;
        }
        if (union is null) return Task.CompletedTask;
        schema.AnyOf = [.. union.Types.Select(type => (IOpenApiSchema)(type switch
        {
            WireUnion.Integer => new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int64" },
            WireUnion.Array => new OpenApiSchema { Type = JsonSchemaType.Array },
            WireUnion.Number => new OpenApiSchema { Type = JsonSchemaType.Number },
            WireUnion.Date => new OpenApiSchema { Type = JsonSchemaType.String, Format = "date" },
            _ => new OpenApiSchema { Type = JsonSchemaType.String },
        }))];
        schema.Description = "The contract's type, or on the legacy wire of the shipped apps the original backend's (docs/decisions.md)";
        return Task.CompletedTask;
    }

    /// <summary>
    /// The wire leaves a null out (<see cref="Http.Json"/>: WhenWritingNull), and a request may omit
    /// it, so a property that can be null is not required, although the framework marks every
    /// constructor parameter so (<c>isReg</c> when the login did not register).
    /// </summary>
    private static Task Omittable(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken _)
    {
        if (schema.Required is not { Count: > 0 } required || schema.Properties is null || context.JsonPropertyInfo is not null) return Task.CompletedTask;
        foreach (var (name, property) in schema.Properties)
        {
            if (Nullable(property)) required.Remove(name);
        }
        return Task.CompletedTask;
    }

    private static bool Nullable(IOpenApiSchema schema) =>
        schema.Type is { } type ? type.HasFlag(JsonSchemaType.Null) : schema.AnyOf?.Any(Nullable) == true || schema.OneOf?.Any(Nullable) == true;

    private static Task Operation(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken _)
    {
        var description = context.Description;
        operation.OperationId ??= OperationIds.For(description.HttpMethod ?? "get", "/" + description.RelativePath);
        var metadata = description.ActionDescriptor.EndpointMetadata;
        foreach (var list in metadata.OfType<Http.QueryDocList>())
        {
            operation.Parameters ??= [];
            foreach (var doc in list.Parameters) operation.Parameters.Add(Parameter(doc));
        }
        foreach (var security in metadata.OfType<RouteSecurity>().Distinct())
        {
            operation.Security ??= [];
            foreach (var scheme in security switch
            {
                RouteSecurity.Session => new[] { Bearer, Cookie },
                RouteSecurity.MerchantSession => [Bearer, MerchantCookie],
                _ => [AdminKey],
            })
            {
                operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(scheme, context.Document)] = [] });
            }
        }
        // A public route says so: one requirement with no scheme (anyone), not "nothing said".
        operation.Security ??= [new OpenApiSecurityRequirement()];
        return Task.CompletedTask;
    }

    private static async Task Document(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellation)
    {
        foreach (var path in document.Paths.Keys.Where(p => LeftOut.Any(p.StartsWith)).ToList()) document.Paths.Remove(path);
        var used = document.Paths.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? []).SelectMany(o => o.Tags ?? new HashSet<OpenApiTagReference>())
            .Select(t => t.Name).OfType<string>().ToHashSet();
        document.Tags = new HashSet<OpenApiTag>(used.Order().Select(name => new OpenApiTag { Name = name, Description = AreaTags.Describe(name) }));
        foreach (var server in document.Servers ?? []) server.Url = server.Url?.TrimEnd('/');
        document.Info.License ??= new OpenApiLicense { Name = "Proprietary: the MMX app's own backend", Identifier = "LicenseRef-Proprietary" };

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[Bearer] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http, Scheme = "bearer", Description = "The session token login and register answer (`token`).",
        };
        document.Components.SecuritySchemes[Cookie] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Cookie, Name = "mmx_token",
            Description = "The same token as the HttpOnly cookie login sets (what the shipped apps send).",
        };
        document.Components.SecuritySchemes[MerchantCookie] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Cookie, Name = "mmx_merchant",
            Description = "A merchant's session token as the HttpOnly cookie /merchant/login sets (what the portal sends); the same token works as a bearer token.",
        };
        document.Components.SecuritySchemes[AdminKey] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = "X-Admin-Key", Description = "The operator's key.",
        };

        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[ErrorSchema] = await context.GetOrCreateSchemaAsync(typeof(ErrorReply), null, cancellation);
        var error = new OpenApiSchemaReference(ErrorSchema, document);
        foreach (var operation in document.Paths.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? []))
        {
            operation.Responses ??= [];
            if (operation.Responses.TryGetValue("200", out var ok) && ok.Content?.TryGetValue("application/json", out var json) == true
                && json.Schema is { } typed)
            {
                // A failure is an ErrorReply with HTTP 200 too (the contract), so the answer is one of the two.
                json.Schema = new OpenApiSchema { AnyOf = [typed, error] };
                ok.Description = "The answer (err 0), or an ErrorReply (err > 0)";
            }
            else if (ok?.Content?.ContainsKey("text/event-stream") == true)
            {
                // A stream refused before it starts (no session) answers an ordinary error instead.
                ok.Content["application/json"] = new OpenApiMediaType { Schema = error };
                ok.Description = "The event stream, or an ErrorReply (err > 0) when it is refused before it starts";
            }
            operation.Responses["429"] = ErrorResponse(error, "Too many requests (err 7)");
            operation.Responses["500"] = ErrorResponse(error, "An unexpected fault (err 99, with a correlation id)");
            operation.Responses["503"] = ErrorResponse(error, "The cluster is briefly unavailable (err 99, retry: true)");
        }
    }

    private static OpenApiResponse ErrorResponse(IOpenApiSchema error, string description) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = error } },
    };

    private static OpenApiParameter Parameter(Http.QueryDoc doc) => new()
    {
        Name = doc.Name,
        In = ParameterLocation.Query,
        Required = doc.Required,
        Description = doc.Description,
        Schema = Schema(doc.Schema),
        Style = doc.Repeated ? ParameterStyle.Form : null,
        Explode = doc.Repeated,
    };

    private static OpenApiSchema Schema(Http.QuerySchema schema) => new()
    {
        Type = schema.Type switch
        {
            "integer" => JsonSchemaType.Integer,
            "number" => JsonSchemaType.Number,
            "array" => JsonSchemaType.Array,
            _ => JsonSchemaType.String,
        },
        Format = schema.Format,
        Minimum = schema.Minimum?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Maximum = schema.Maximum?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Default = schema.Default is { } d ? JsonValue.Create(d) : null,
        MaxLength = schema.MaxLength,
        Enum = schema.Enum?.Select(e => (JsonNode)JsonValue.Create(e)).ToList(),
        Items = schema.Items is { } items ? Schema(items) : null,
        MinItems = schema.Items is null ? null : 1,
        MaxItems = schema.MaxItems,
    };
}
