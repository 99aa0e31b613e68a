using Mmx.Api.Validation;
using Mmx.Grains.Accounts;

namespace Mmx.Api.Accounts;

/// <summary>/user/personal: read the profile, or change one attribute of it (attr 1 name, 2 portrait, 3 gender, 4 city).</summary>
public static class ProfileApi
{
    public static IEndpointRouteBuilder MapProfileApi(this IEndpointRouteBuilder app)
    {
        var user = app.MapGroup("/user").WithTags("Profile").RequireSession();
        user.MapGet("/personal", Get).WithSummary("The logged-in user's profile");
        user.MapPost("/personal", Update).WithBody<PersonalRequest>().WithSummary("Change the name (1), portrait (2), gender (3) or city (4)");
        return app;
    }

    private static async Task<ProfileReply> Get(HttpContext context, IGrainFactory grains)
    {
        var profile = await grains.Own<IUserGrain>(context).GetProfile().OrFail("user");
        var legacy = context.LegacyWire();
        // The shipped apps draw qrcode as their QR code and scan it back in their own rule.
        var qrcode = legacy ? PublicUrls.ScanText(context.Request, "user", context.AccId()) : PublicUrls.Card(context.Request, context.AccId());
        return new(Err.Ok, new ProfileWire(profile.Name, profile.Portrait, profile.Gender, legacy && profile.City == 0 ? null : profile.City,
            profile.Phone, profile.Mcode, PublicUrls.QrCard(context.Request, profile.Mcode), qrcode));
    }

    private static async Task<OkReply> Update(HttpContext context, IGrainFactory grains)
    {
        var body = await JsonBody.Read<PersonalRequest>(context.Request);
        var change = body.Attr switch
        {
            1 => new ProfileChange { Name = Text.SingleLine(body.Name?.Trim(), "name", 1, 32) },
            2 => new ProfileChange { Portrait = Text.Url(body.Portrait, "portrait") },
            3 => new ProfileChange { Gender = body.Gender is 1 or 2 ? body.Gender.Value : throw ApiException.BadRequest("gender must be 1 or 2") },
            4 => new ProfileChange { City = await ExistingCity(grains, body.City) },
            _ => throw ApiException.BadRequest("attr must be 1 to 4"),
        };
        return ApiResults.Done(await grains.Own<IUserGrain>(context).ChangeProfile(change));
    }

    private static async Task<long> ExistingCity(IGrainFactory grains, long? city) =>
        city is > 0 && await grains.GetGrain<Grains.Catalogue.ICatalogueGrain>(Grains.Catalogue.ICatalogueGrain.Key).CityExists(city.Value)
            ? city.Value
            : throw ApiException.BadRequest("city must be one of /user/city");
}
