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
            return JsonSerializer.Deserialize<T>(bytes, Json.Options)
                ?? throw ApiException.BadRequest("the body is null");
        }
        catch (JsonException ex)
        {
            var where = ex.Path is { Length: > 0 } path ? $" at {path}" : "";
            throw ApiException.BadRequest($"the body is not valid JSON of the expected shape{where}");
        }
    }
}
