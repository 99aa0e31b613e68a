namespace Mmx.Api.Admin;

// The import document as it arrives (docs/api-contract.md, "Catalogue data"). Every field is
// nullable so that a missing field is told apart from a zero; ImportChecks turns a document into
// the grains' records or names the first bad field.

public sealed record ImportDocument(
    List<CityInput>? Cities, List<CategoryInput>? Categories, List<ShopInput>? Shops,
    List<GoodsInput>? Goods, List<ActivityInput>? Activities, List<VersionInput>? Versions,
    List<ProvinceInput>? Provinces = null, List<DistrictInput>? Districts = null);

public sealed record CityInput(long? Id, string? Name, long? Province = null);

public sealed record ProvinceInput(long? Id, string? Name);

public sealed record DistrictInput(long? Id, string? Name, long? City);

public sealed record CategoryInput(long? Id, string? Name, string? Pic, long? Parent);

public sealed record ShopInput(
    long? Id, string? Name, long? City, long? Category, List<string>? Pics, string? Address,
    double? Long, double? Lat, string? Hours, string? Phone, string? Intro, bool? Recommend, string? Dec, long? Updated);

public sealed record GoodsInput(
    long? Id, long? Shop, string? Desp, decimal? Price, decimal? Promot, List<string>? Pics,
    List<AttributeInput>? Basic, string? Barcode, long? Time, int? Status, string? Detail = null, string? Brand = null, string? Remark = null, long? Updated = null);

public sealed record AttributeInput(string? Key, string? Value);

public sealed record ActivityInput(long? Id, long? Shop, string? Title, string? Content, string? Bt, string? Et);

public sealed record VersionInput(int? Sys, string? Version, long? Time, string? Remark, string? Packet);
