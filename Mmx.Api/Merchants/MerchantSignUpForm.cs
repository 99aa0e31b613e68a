using System.Text.Json;
using Mmx.Api.Lookups;
using Mmx.Api.Validation;
using Mmx.Grains.Merchants;

namespace Mmx.Api.Merchants;

/// <summary>
/// The sign-up form checked field by field against the rules users' input follows and against the
/// catalogue (the city, its district and the categories must exist): the first problem is err 1
/// (err 4 for an unknown city, district or category), and nothing is stored.
/// </summary>
public static class MerchantSignUpForm
{
    /// <summary>Login names: a letter, then letters, digits or underscores (a name never looks like a phone number).</summary>
    public static string Account(string? text)
    {
        var name = text?.Trim().ToLowerInvariant();
        if (name is not { Length: >= 4 and <= 32 } || !char.IsAsciiLetterLower(name[0]) || !name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_'))
            throw ApiException.BadRequest("account must be 4 to 32 letters, digits or underscores, starting with a letter");
        return name;
    }

    public static MerchantContact Contact(string? name, string verifiedPhone, string? email, string? qq, string portrait = "") => new()
    {
        Name = Text.SingleLine(name?.Trim() ?? "", "contact_name", 1, 32),
        Phone = verifiedPhone,
        Email = Email(email),
        Qq = Qq(qq),
        Portrait = portrait,
    };

    private static string Email(string? text)
    {
        var email = Text.SingleLine(text?.Trim() ?? "", "contact_email", 0, 128);
        if (email.Length > 0 && (email.IndexOf('@') is var at && (at <= 0 || at == email.Length - 1 || email.Contains(' '))))
            throw ApiException.BadRequest("contact_email must be an email address");
        return email;
    }

    private static string Qq(string? text)
    {
        var qq = text?.Trim() ?? "";
        if (qq.Length > 0 && (qq.Length is < 5 or > 12 || !qq.All(char.IsAsciiDigit))) throw ApiException.BadRequest("contact_qq must be 5 to 12 digits");
        return qq;
    }

    /// <summary>The shop of the form, as users will see it once approved (its id is set by the merchant's grain).</summary>
    public static Task<(Shop Shop, ShopExtras Extras)> Shop(MerchantSignUpRequest body, IGrainFactory grains, KnownIds known) =>
        Shop(new ShopFieldsRequest(body.ShopName, body.BrandName, body.BusinessHours, body.ContactPhoneNo, body.CityId, body.DistrictId,
            body.BusinessArea, body.Address, body.Longitude, body.Latitude, body.CategoryList), grains, known);

    /// <summary>The shop's fields of a form (sign-up or PUT /shop/{sid}) checked.</summary>
    public static async Task<(Shop Shop, ShopExtras Extras)> Shop(ShopFieldsRequest body, IGrainFactory grains, KnownIds known)
    {
        var city = body.CityId is > 0 and var c ? c : throw ApiException.BadRequest("city_id is required");
        await known.RequireCity(city);
        var district = body.DistrictId ?? 0;
        if (district < 0) throw ApiException.BadRequest("district_id must be a district of the city, or 0");
        var catalogue = grains.GetGrain<ICatalogueGrain>(ICatalogueGrain.Key);
        if (district > 0 && !(await catalogue.GetPlaces()).Districts.Any(d => d.Id == district && d.City == city))
            throw new ApiException(Err.NotFound, $"district {district} is not a district of city {city}");
        var categories = CategoryIds(body.CategoryList);
        var knownCategories = (await catalogue.GetCategoryTree()).SelectMany(n => n.Children.Select(k => k.Id).Prepend(n.Id)).ToHashSet();
        if (categories.FirstOrDefault(id => !knownCategories.Contains(id)) is var missing and > 0) throw new ApiException(Err.NotFound, $"category {missing} does not exist");
        var longitude = body.Longitude is >= -180 and <= 180 and var lng ? lng : throw ApiException.BadRequest("longitude must be -180 to 180");
        var latitude = body.Latitude is >= -90 and <= 90 and var lat ? lat : throw ApiException.BadRequest("latitude must be -90 to 90");
        var shop = new Shop
        {
            Id = 0,
            Name = Text.SingleLine(body.ShopName?.Trim(), "shop_name", 1, 64),
            City = city,
            Category = categories[0],
            Address = Text.SingleLine(body.Address?.Trim() ?? "", "address", 0, 128),
            Long = longitude,
            Lat = latitude,
            Hours = Text.SingleLine(body.BusinessHours?.Trim() ?? "", "business_hours", 0, 32),
            Phone = Text.SingleLine(body.TelephoneNo?.Trim() ?? "", "telephone_no", 0, 32),
        };
        var extras = new ShopExtras
        {
            Brand = Text.SingleLine(body.BrandName?.Trim() ?? "", "brand_name", 0, 64),
            District = district,
            BusinessArea = Text.SingleLine(body.BusinessArea?.Trim() ?? "", "business_area", 0, 64),
            Categories = [.. categories],
        };
        return (shop, extras);
    }

    private const int MaxCategories = 10;

    /// <summary>category_list as the portal sends it (a list of ids) or as one id; numbers or strings.</summary>
    private static List<long> CategoryIds(JsonElement? list) => JsonLists.Ids(list, "category_list", MaxCategories);
}
