using System.Text.Json;

namespace Mmx.Api.Http;

/// <summary>Reads a JSON request body with a size limit, whatever server runs the app.</summary>
public static class JsonBody
{
    /// <summary>The contract's limit for every user route: 64 KB.</summary>
    public const int DefaultLimit = 64 * 1024;

    public static async Task<byte[]> ReadBytes(HttpRequest request, int limit = DefaultLimit)
    {
        if (request.ContentLength > limit) throw ApiException.BadRequest($"the body is over {limit} bytes");
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            if (buffer.Length + read > limit) throw ApiException.BadRequest($"the body is over {limit} bytes");
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    public static async Task<T> Read<T>(HttpRequest request, int limit = DefaultLimit) where T : class
    {
        var bytes = await ReadBytes(request, limit);
        return Parse<T>(bytes);
    }

    public static T Parse<T>(ReadOnlySpan<byte> bytes) where T : class
    {
        if (bytes.IsEmpty) throw ApiException.BadRequest("the body is empty");
        try
        {
            var value = JsonSerializer.Deserialize<T>(bytes, Json.Options)
                ?? throw ApiException.BadRequest("the body is null");
            RefuseOnlyUnknownFields<T>(bytes);
            return value;
        }
        catch (JsonException ex)
        {
            var where = ex.Path is { Length: > 0 } path ? $" at {path}" : "";
            throw ApiException.BadRequest($"the body is not valid JSON of the expected shape{where}");
        }
    }

    /// <summary>
    /// A body whose fields are all unknown to the route (<c>{"phone": {"$gt": ""}}</c> to a settings
    /// route) is err 1, not a success that changed nothing (contract, "Wire format"); unknown fields
    /// beside known ones are ignored, and <c>{}</c> is the route's own business.
    /// </summary>
    private static void RefuseOnlyUnknownFields<T>(ReadOnlySpan<byte> bytes)
    {
        var info = Json.Options.GetTypeInfo(typeof(T));
        if (info.Kind != System.Text.Json.Serialization.Metadata.JsonTypeInfoKind.Object || info.Properties.Count == 0) return;
        var reader = new Utf8JsonReader(bytes);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return;
        var sawAny = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            sawAny = true;
            var name = reader.GetString();
            if (info.Properties.Any(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))) return;
            reader.Skip();
        }
        if (sawAny) throw ApiException.BadRequest("none of the body's fields is one this route takes");
    }
}
