using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mmx.Api.Http;

/// <summary>
/// The JSON rules of the wire: camelCase names (as the spec spells them); input strict in shape
/// but liberal in how the shipped clients spell integers (<see cref="LiberalIntegerConverterFactory"/>).
/// </summary>
public static class Json
{
    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        // A key given twice is ambiguous input, not "last one wins".
        options.AllowDuplicateProperties = false;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.ReadCommentHandling = JsonCommentHandling.Disallow;
    }

    /// <summary>The options request bodies are read with; answers are written by the framework's (no converter on the write path).</summary>
    public static readonly JsonSerializerOptions Options = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Configure(options);
        options.Converters.Add(new LiberalIntegerConverterFactory());
        return options;
    }
}
