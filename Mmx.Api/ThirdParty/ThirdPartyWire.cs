using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Mmx.Api.ThirdParty;

/// <summary>A provider's user info as the provider sent it (its own fields, not MMX's).</summary>
public sealed record ProviderInfoReply(Err Err, [property: JsonPropertyName("is_success")] bool IsSuccess, JsonNode Userinfo);
