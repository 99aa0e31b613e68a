using Mmx.Api.Lookups;
using Mmx.Grains.Accounts;

namespace Mmx.Api.Images;

/// <summary>
/// GET /user/{accID}: the user's public card, a small HTML page with the nickname, portrait and
/// mcode and nothing private. Its URL is the `qrcode` the shipped apps draw as a QR code and
/// scan back (they read the id after the URL's prefix); an unknown id is HTTP 404.
/// </summary>
public static class PublicCardApi
{
    public static IEndpointRouteBuilder MapPublicCardApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/user/{accId:long}", Card).WithTags("Profile").WithSummary("A user's public card (HTML: nickname, portrait, mcode)")
            .Produces<string>(StatusCodes.Status200OK, contentType: "text/html")
            .Produces<ErrorReply>(StatusCodes.Status404NotFound);
        // The padded paths of the QR texts (PublicUrls.ScanText) lead to the cards.
        app.MapGet("/{pad:regex(^q+$)}/{kind:regex(^(user|shop)$)}/{id:long}", (string kind, long id) => ToCard(kind, id)).ExcludeFromDescription();
        app.MapGet("/{kind:regex(^(users|shops)$)}/{id:long}", (string kind, long id) => ToCard(kind[..^1], id)).ExcludeFromDescription();
        return app;
    }

    private static IResult ToCard(string kind, long id) => Results.Redirect($"/{kind}/{id}", permanent: true);

    private static async Task<IResult> Card(long accId, HttpContext context, IGrainFactory grains, KnownIds known)
    {
        var profile = await known.MayBeAccount(accId) ? (await grains.GetGrain<IUserGrain>(accId).GetProfile()).Value : null;
        if (profile is null) throw ApiException.ResourceNotFound("user");
        return PublicPage.Card(context, profile.Name, profile.Portrait, "width=\"96\" height=\"96\"", "img{border-radius:50%}", $"喵喵号 m{profile.Mcode}");
    }
}
