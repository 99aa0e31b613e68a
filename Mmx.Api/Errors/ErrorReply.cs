using System.Text.Json.Serialization;

namespace Mmx.Api.Errors;

/// <summary>
/// Every failure's answer: the err, a message for people, and where it helps a correlation id
/// (the log line carries it too), <c>retry: true</c> for a fault a retry can cure, and on the
/// spec's version 2 routes <c>is_success: false</c>.
/// </summary>
public sealed record ErrorReply(
    Err Err,
    string Msg,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Cid = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? Retry = null,
    [property: JsonPropertyName("is_success"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? IsSuccess = null);
