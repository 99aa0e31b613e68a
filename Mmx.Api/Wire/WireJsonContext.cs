using System.Text.Json;
using System.Text.Json.Serialization;
using Mmx.Api.Catalogue;

namespace Mmx.Api.Wire;

/// <summary>
/// The source-generated JSON of every wire type (no reflection on the answer path). Each area's
/// wire file adds its types with <c>[JsonSerializable]</c> on its own part of this class, so the
/// list stays beside the types; the options are the wire's (<see cref="Http.Json"/>).
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(OkReply))]
[JsonSerializable(typeof(ErrorReply))]
// Catalogue
[JsonSerializable(typeof(CityListReply))]
[JsonSerializable(typeof(CategoryListReply))]
[JsonSerializable(typeof(VersionReply))]
[JsonSerializable(typeof(ShopListReply))]
[JsonSerializable(typeof(RecommendedShopsReply))]
[JsonSerializable(typeof(ShopNameReply))]
[JsonSerializable(typeof(ShopInfoReply))]
[JsonSerializable(typeof(GoodsListReply))]
[JsonSerializable(typeof(GoodsInfoReply))]
[JsonSerializable(typeof(ShopGoodsReply))]
[JsonSerializable(typeof(ShopActivitiesReply))]
[JsonSerializable(typeof(CityActivitiesReply))]
[JsonSerializable(typeof(ActivityReply))]
[JsonSerializable(typeof(ImmutableArray<GoodsAttribute>))]
public sealed partial class WireJsonContext : JsonSerializerContext;
