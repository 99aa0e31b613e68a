using Mmx.Api.Lookups;
using Mmx.Api.Validation;
using Mmx.Grains.Accounts;
using QRCoder;

namespace Mmx.Api.Images;

/// <summary>
/// /userweb/qcode/{mcode}.png: the QR card of /user/personal's `qcode`, a PNG whose code reads
/// the user's public card URL in the iOS scanner's form (<see cref="PublicUrls.ScanText"/>) (the `qrcode` the apps read, <see cref="PublicCardApi"/>), so another
/// phone can scan it and find the user. Public: the card shows nothing private. An unknown mcode is
/// HTTP 404, as for any missing picture. /shop/{sid}/qcode.png is a shop's, for its door and the
/// portal (its public card, <c>GET /shop/{sid}</c> as HTML, behind it).
/// </summary>
public static class QrCardApi
{
    public static IEndpointRouteBuilder MapQrCardApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/userweb/qcode/{file}", Card).WithTags("Profile").WithSummary("A user's QR card (PNG encoding the public card URL)")
            .Produces<Stream>(StatusCodes.Status200OK, contentType: "image/png")
            .Produces<ErrorReply>(StatusCodes.Status404NotFound);
        app.MapGet("/shop/{sid:long}/qcode.png", ShopCard).WithTags("Shops").WithSummary("A shop's QR card (PNG encoding its public card URL), for the shop's door")
            .Produces<Stream>(StatusCodes.Status200OK, contentType: "image/png")
            .Produces<ErrorReply>(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<IResult> Card(string file, HttpContext context, IGrainFactory grains)
    {
        var text = file.EndsWith(".png", StringComparison.Ordinal) ? file[..^4] : file;
        if (text.Length != 9 || !text.All(char.IsAsciiDigit)) throw ApiException.ResourceNotFound("card");
        if (await AccountNumber.McodeOwner(grains, long.Parse(text)) is not { } accId) throw ApiException.ResourceNotFound("user");
        // An mcode never changes owner or value: the card can be cached for long (a day, in case the
        // operator moves the public base URL).
        return Png(context, PublicUrls.ScanText(context.Request, "user", accId), "public, max-age=86400");
    }

    /// <summary>
    /// The shop's card, in the iOS scanner's form as the user's: only a shop users can see has one
    /// (HTTP 404 otherwise), so it is cached for an hour only, as a shop may close.
    /// </summary>
    private static async Task<IResult> ShopCard(long sid, HttpContext context, IGrainFactory grains, KnownIds known)
    {
        if (!await known.IsShop(sid) || !(await grains.GetGrain<IShopGrain>(sid).GetDetails()).IsOk) throw ApiException.ResourceNotFound("shop");
        return Png(context, PublicUrls.ScanText(context.Request, "shop", sid), "public, max-age=3600");
    }

    private static IResult Png(HttpContext context, string text, string cacheControl)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(pixelsPerModule: 8);
        context.Response.Headers.CacheControl = cacheControl;
        return Results.Bytes(png, "image/png");
    }
}
