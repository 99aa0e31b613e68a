using System.Text.Json.Serialization;

namespace Mmx.Api.Reference;

// The /basic/* answers in the original's field names (snake_case), each list with its total_num.

public sealed record BasicProvinceWire([property: JsonPropertyName("province_id")] long ProvinceId, [property: JsonPropertyName("province_name")] string ProvinceName);
public sealed record BasicProvincesReply(Err Err, [property: JsonPropertyName("total_num")] int TotalNum, ImmutableArray<BasicProvinceWire> Provinces);

public sealed record BasicCityWire([property: JsonPropertyName("city_id")] long CityId, [property: JsonPropertyName("city_name")] string CityName);
public sealed record BasicCitiesReply(Err Err, [property: JsonPropertyName("total_num")] int TotalNum, ImmutableArray<BasicCityWire> Cities);

/// <summary>A city with its province (province_id 0 and an empty name when the import named none).</summary>
public sealed record BasicCityInfoReply(Err Err,
    [property: JsonPropertyName("city_id")] long CityId, [property: JsonPropertyName("city_name")] string CityName,
    [property: JsonPropertyName("province_id")] long ProvinceId, [property: JsonPropertyName("province_name")] string ProvinceName);

public sealed record BasicDistrictWire([property: JsonPropertyName("district_id")] long DistrictId, [property: JsonPropertyName("district_name")] string DistrictName);
public sealed record BasicDistrictsReply(Err Err, [property: JsonPropertyName("total_num")] int TotalNum, ImmutableArray<BasicDistrictWire> Districts);
public sealed record BasicDistrictInfoReply(Err Err,
    [property: JsonPropertyName("district_id")] long DistrictId, [property: JsonPropertyName("district_name")] string DistrictName,
    [property: JsonPropertyName("city_id")] long CityId);

/// <summary>
/// A goods category as the original's two forms named it: goodscategory_id/_name in lists, id/name
/// (and son, the children) in the tree the merchant portal reads; parent_id 0 at the top.
/// </summary>
public sealed record BasicGoodsCategoryWire(
    [property: JsonPropertyName("goodscategory_id")] long GoodsCategoryId,
    [property: JsonPropertyName("goodscategory_name")] string GoodsCategoryName,
    long Id, string Name,
    [property: JsonPropertyName("parent_id")] long ParentId,
    ImmutableArray<BasicGoodsCategoryWire>? Son);
public sealed record BasicGoodsCategoriesReply(Err Err, [property: JsonPropertyName("total_num")] int TotalNum,
    ImmutableArray<BasicGoodsCategoryWire> Goodscategories);
