using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Mmx.Api.Chat;

/// <summary>Fields of the clients' frames, read as liberally as the HTTP bodies (contract, "Wire format").</summary>
public static class ChatInput
{
    /// <summary>A positive id given as a JSON number or a string of digits; null otherwise.</summary>
    public static long? Id(JsonNode? node)
    {
        if (node is not JsonValue value) return null;
        if (value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<long>(out var number)) return number > 0 ? number : null;
        return value.TryGetValue<string>(out var text) && text.Length is > 0 and <= 18 && text.All(char.IsAsciiDigit)
            && long.Parse(text, CultureInfo.InvariantCulture) is > 0 and var parsed ? parsed : null;
    }
}
