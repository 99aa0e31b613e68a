using System.Text.Json.Serialization;
using Microsoft.Net.Http.Headers;
using Mmx.Api.Lookups;

namespace Mmx.Api.Catalogue;

/// <summary>
/// GET /shop/{sid}: a shop read-only, public. The web client asks it (XHR) for a shop's name and
/// pictures (<c>shop_name</c>, <c>pic_url_list[0]</c>) when it shows a fan message or sends a shop
/// to a friend; a browser or a phone that scanned the shop's QR code asks for HTML and gets the
/// shop's public card, as <c>/user/{id}</c> is a user's. An unknown shop: err 4 (JSON), HTTP 404 (HTML).
/// </summary>
public static class ShopPageApi
{
    public static IEndpointRouteBuilder MapShopPageApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/shop/{sid:long}", Get).WithTags("Shops")
            .WithSummary("A shop read-only (the web client's shop_name and pic_url_list); HTML asked for: its public card")
            // The HTML card (Accept: text/html) is left out of the document, which describes the JSON API.
            .Produces<ShopPageReply>(StatusCodes.Status200OK, "application/json")
            .Produces<ErrorReply>(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<IResult> Get(long sid, HttpContext context, IGrainFactory grains, KnownIds known)
    {
        var wantsPage = context.Request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));
        context.Response.Headers.Append(HeaderNames.Vary, HeaderNames.Accept);
        var shop = await known.IsShop(sid) ? (await grains.GetGrain<IShopGrain>(sid).GetDetails()).Value : null;
        if (wantsPage)
        {
            if (shop is null) throw ApiException.ResourceNotFound("shop");
            return PublicPage.Card(context, shop.Name, shop.FirstPic, "width=\"240\"", "", shop.Address, shop.Hours);
        }
        if (shop is null) throw ApiException.NotFound("shop");
        var qrcode = context.LegacyWire() ? PublicUrls.ScanText(context.Request, "shop", sid) : PublicUrls.ShopCard(context.Request, sid);
        return Results.Json(new ShopPageReply(Err.Ok, shop.Id, shop.Name, qrcode, PublicUrls.ShopQrCard(context.Request, sid), shop.Hours, shop.Phone, shop.City, shop.Address,
            shop.Long, shop.Lat, shop.Pics, [shop.Category], shop.Intro), Json.Options);
    }
}

/// <summary>GET /shop/{sid} as the original's shop route answered it (its field names).</summary>
public sealed record ShopPageReply(Err Err,
    [property: JsonPropertyName("shop_id")] long ShopId,
    [property: JsonPropertyName("shop_name")] string ShopName,
    string Qrcode,
    /// <summary>The QR card PNG of <see cref="Qrcode"/> (the user profile's <c>qcode</c> is the same for a user).</summary>
    string Qcode,
    [property: JsonPropertyName("business_hours")] string BusinessHours,
    [property: JsonPropertyName("telephone_no")] string TelephoneNo,
    [property: JsonPropertyName("city_id")] long CityId,
    string Address,
    double Longitude,
    double Latitude,
    [property: JsonPropertyName("pic_url_list")] ImmutableArray<string> PicUrlList,
    [property: JsonPropertyName("category_list")] ImmutableArray<long> CategoryList,
    string Introduction);
