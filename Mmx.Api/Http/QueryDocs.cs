namespace Mmx.Api.Http;

/// <summary>
/// A query parameter as the OpenAPI document describes it. Routes read their query with
/// <see cref="QueryReader"/> (the contract's liberal rules do not fit model binding) and declare
/// what they read with <see cref="QueryDocExtensions.WithQuery"/>; the ranges come from the
/// same constants the reader enforces.
/// </summary>
public sealed record QueryDoc(string Name, string Description, QuerySchema Schema, bool Required = false, bool Repeated = false);

/// <summary>The few schema keywords query parameters need.</summary>
public sealed record QuerySchema(string Type, string? Format = null, double? Minimum = null, double? Maximum = null,
    long? Default = null, int? MaxLength = null, long[]? Enum = null, QuerySchema? Items = null, int? MaxItems = null);

/// <summary>The parameters the routes share, with the ranges <see cref="QueryReader"/> enforces.</summary>
public static class QueryDocs
{
    private static QuerySchema Integer(long? minimum = null, long? maximum = null, long? @default = null, string format = "int64") =>
        new("integer", format, minimum, maximum, @default);

    public static QueryDoc Id(string name, string what, bool required = true) =>
        new(name, $"{what} (a positive integer)", Integer(minimum: 1), required);

    public static QueryDoc Ids(string name, string what) =>
        new(name, $"{what}: 1 to {QueryReader.MaxListLength} ids as repeated keys (?{name}=1&{name}=2)",
            new QuerySchema("array", Items: Integer(minimum: 1), MaxItems: QueryReader.MaxListLength),
            Required: true, Repeated: true);

    public static QueryDoc Int(string name, string what, int minimum, int maximum, bool required = true) =>
        new(name, what, Integer(minimum, maximum, format: "int32"), required);

    public static QueryDoc Text(string name, string what, int maxLength, bool required = false) =>
        new(name, what, new QuerySchema("string", MaxLength: maxLength), required);

    public static QueryDoc Switch(string name, string what) =>
        new(name, $"{what} (0 or 1; false/true also read)", new QuerySchema("integer", Enum: [0, 1]));

    public static readonly QueryDoc City = Id("city", "the city");
    public static readonly QueryDoc Shop = Id("sid", "the shop");
    public static readonly QueryDoc Category = new("category", "a category id (a parent includes its children); 0 or absent: every category", Integer(minimum: 0));
    public static readonly QueryDoc Long = new("long", "the caller's longitude (with lat): nearest first, distance in km",
        new QuerySchema("number", Minimum: -180, Maximum: 180));
    public static readonly QueryDoc Lat = new("lat", "the caller's latitude (with long)",
        new QuerySchema("number", Minimum: -90, Maximum: 90));
    public static readonly QueryDoc Offset = new("offset", "items to skip", Integer(minimum: 0, @default: 0, format: "int32"));

    public static QueryDoc Count(int @default = QueryReader.DefaultCount, string name = "count") =>
        new(name, "items on the page", Integer(1, QueryReader.MaxPage, @default, "int32"));

    /// <summary>offset and count, as <see cref="QueryReader.Paging"/> reads them.</summary>
    public static QueryDoc[] Paging(int defaultCount = QueryReader.DefaultCount, string countKey = "count") => [Offset, Count(defaultCount, countKey)];
}

public static class QueryDocExtensions
{
    /// <summary>Declares the query parameters a route reads (for the OpenAPI document).</summary>
    public static TBuilder WithQuery<TBuilder>(this TBuilder builder, params QueryDoc[] parameters) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new QueryDocList(parameters));

    /// <summary>
    /// Declares a JSON request body of <typeparamref name="T"/>, read by <see cref="JsonBody"/>. The
    /// same JSON is taken as text/plain: browsers send that type for AngularJS DELETE with data (the
    /// web client), and the body is parsed as JSON whatever the label says.
    /// </summary>
    public static RouteHandlerBuilder WithBody<T>(this RouteHandlerBuilder builder) where T : class =>
        builder.Accepts<T>("application/json", "text/plain");
}

/// <summary>The metadata <see cref="QueryDocExtensions.WithQuery"/> leaves on an endpoint.</summary>
public sealed record QueryDocList(IReadOnlyList<QueryDoc> Parameters);
