using Mmx.Api.Lookups;
using Mmx.Api.Validation;
using Mmx.Grains.Accounts;
using QRCoder;

namespace Mmx.Api.Images;

/// <summary>
/// /userweb/qcode/{mcode}.png: the QR card of /user/personal's `qcode`, a PNG whose code reads
/// the user's public card URL in the iOS scanner's form (<see cref="PublicUrls.ScanText"/>) (the `qrcode` the apps read, <see cref="PublicCardApi"/>), so another
/// phone can scan it and find the user. Public: the card shows nothing private. An unknown mcode is
/// HTTP 404, as for any missing picture.
/// </summary>
public static class QrCardApi
{
    public static IEndpointRouteBuilder MapQrCardApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/userweb/qcode/{file}", Card).WithTags("Profile").WithSummary("A user's QR card (PNG encoding the public card URL)")
            .Produces<Stream>(StatusCodes.Status200OK, contentType: "image/png")
            .Produces<ErrorReply>(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<IResult> Card(string file, HttpContext context, IGrainFactory grains)
    {
        var text = file.EndsWith(".png", StringComparison.Ordinal) ? file[..^4] : file;
        if (text.Length != 9 || !text.All(char.IsAsciiDigit)) throw ApiException.ResourceNotFound("card");
        if (await AccountNumber.McodeOwner(grains, long.Parse(text)) is not { } accId) throw ApiException.ResourceNotFound("user");

        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(PublicUrls.ScanText(context.Request, "user", accId), QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(pixelsPerModule: 8);
        // An mcode never changes owner or value: the card can be cached for long (a day, in case the
        // operator moves the public base URL).
        context.Response.Headers.CacheControl = "public, max-age=86400";
        return Results.Bytes(png, "image/png");
    }
}
