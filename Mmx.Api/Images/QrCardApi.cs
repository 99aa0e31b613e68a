using Mmx.Grains.Accounts;
using QRCoder;

namespace Mmx.Api.Images;

/// <summary>
/// /userweb/qcode/{mcode}.png: the QR card of /user/personal's `qcode`, a PNG whose code reads
/// the user's mcode (喵喵号), so another phone can scan it and search or invite by mcode. Public:
/// it shows nothing but the mcode, which is what the card is for.
/// </summary>
public static class QrCardApi
{
    public static IEndpointRouteBuilder MapQrCardApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/userweb/qcode/{file}", Card).WithTags("Profile").WithSummary("A user's QR card (PNG encoding the mcode)");
        return app;
    }

    private static async Task<IResult> Card(string file, HttpContext context, IGrainFactory grains)
    {
        var text = file.EndsWith(".png", StringComparison.Ordinal) ? file[..^4] : file;
        if (text.Length != 9 || !text.All(char.IsAsciiDigit)) throw ApiException.BadRequest("a card is /userweb/qcode/{9-digit mcode}.png");
        if (await grains.GetGrain<IMcodeGrain>(long.Parse(text)).Owner() is null) throw ApiException.NotFound("user");

        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(pixelsPerModule: 8);
        // An mcode never changes owner or value: the card can be cached for long.
        context.Response.Headers.CacheControl = "public, max-age=86400";
        return Results.Bytes(png, "image/png");
    }
}
