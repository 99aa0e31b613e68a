using Mmx.Api.Providers;
using Mmx.Api.Operations;
using Mmx.Grains.Accounts;
using Mmx.Grains.ShopLife;
using Mmx.Grains.Social;

namespace Mmx.Api.Accounts;

/// <summary>
/// Leaving the app (China's PIPL and the app stores require both): POST /user/delete erases the
/// account, GET /user/export answers everything MMX holds about the caller, in the spec's names.
/// </summary>
public static class LeavingApi
{
    public static IEndpointRouteBuilder MapLeavingApi(this IEndpointRouteBuilder app)
    {
        var user = app.MapGroup("/user").WithTags("Accounts").RequireSession();
        user.MapPost("/delete", Delete).WithBody<DeleteAccountRequest>().WithSummary("Erase your account (proof: password, a ticket of the bound phone, or a provider accessToken)")
            .RequireRateLimiting(RateLimits.SignIn);
        user.MapGet("/export", Export).WithSummary("Everything MMX holds about you, as one JSON document");
        return app;
    }

    private static async Task<OkReply> Delete(HttpContext context, IGrainFactory grains)
    {
        var body = await JsonBody.Read<DeleteAccountRequest>(context.Request);
        var accId = context.AccId();
        var user = grains.GetGrain<IUserGrain>(accId);
        var challenge = await user.BeginLogin().OrFail("user");
        var profile = await user.GetProfile().OrFail("user");
        string? spentTicket = null;
        if (challenge.PasswordHash.Length > 0)
        {
            var password = Passwords.Offered(body.Password);
            await PasswordProof.Check(grains, context, accId, password);
        }
        else if (profile.Phone.Length > 0)
        {
            // A third-party account with a phone proves it with that phone's SMS.
            spentTicket = await VerificationTickets.RequireLiveTicket(grains.GetGrain<IPhoneGrain>(profile.Phone),
                VerificationTickets.Offered(context.Request, body.Ticket));
        }
        else if (ThirdPartyIdentity(challenge.OpenIdKey) is var (mode, openId)
                 && context.RequestServices.GetRequiredService<OpenIdVerifier>() is var verifier && verifier.Verifies(mode))
        {
            // A third-party account without phone or password proves it with a fresh provider token.
            await verifier.Check(mode, openId, body.AccessToken, context.RequestAborted);
        }
        // Where its provider is not checked, the live session is all the proof the login needed too.

        if (spentTicket is not null) await grains.GetGrain<IPhoneGrain>(profile.Phone).SpendTicket(spentTicket);
        await user.Erase();
        VerificationTickets.ClearCookie(context.Response);
        context.Response.Cookies.Delete(Sessions.CookieName, new CookieOptions { Path = "/" });
        MmxMetrics.AccountErased();
        return ApiResults.Done();
    }

    /// <summary>"{mode}:{openID}" as stored by the openID grain, or null.</summary>
    private static (int Mode, string OpenId)? ThirdPartyIdentity(string key) =>
        key.IndexOf(':') is > 0 and var colon && int.TryParse(key.AsSpan(0, colon), out var mode)
            ? (mode, key[(colon + 1)..])
            : null;

    private static async Task<ExportReply> Export(HttpContext context, IGrainFactory grains)
    {
        var accId = context.AccId();
        var user = grains.GetGrain<IUserGrain>(accId);
        var social = grains.GetGrain<IUserSocialGrain>(accId);
        var shops = grains.GetGrain<IUserShopsGrain>(accId);
        var profile = await user.GetProfile().OrFail("user");
        var addresses = await user.GetAddresses();
        var feedback = await user.ListFeedback(0, UserGrain.MaxFeedback);
        var privacy = await social.GetPrivacy();
        return new(Err.Ok,
            new ExportedProfileWire(accId, profile.Name, profile.Portrait, profile.Gender, profile.City, profile.Phone, profile.Mcode),
            [.. addresses.Addresses.Select(a => AddressWire.Of(a, addresses.DefaultId))],
            [.. feedback.Select(f => new ExportedFeedbackWire(f.Content, f.Time, f.Direction))],
            [.. (await social.Friends()).Select(f => new ExportedFriendWire(f.FriendId, f.Remark, f.Since))],
            [.. (await social.Invitations()).Select(i => new ExportedInvitationWire(i.From, i.Remark, i.Time))],
            await social.Sent(),
            new ExportedPrivacyWire(privacy.FavoriteEnable ? 1 : 0, privacy.FansEnable ? 1 : 0, privacy.VisitEnable ? 1 : 0),
            [.. (await shops.FanShops()).Select(f => new ExportedFanShopWire(f.ShopId, f.Since, f.MessagesOn ? 2 : 0))],
            [.. (await shops.Favorites()).Select(f => new ExportedSavedGoodsWire(f.GoodsId, f.Since))],
            [.. (await shops.Visits(0, 1, UserShopsGrain.MaxVisits)).Select(v => new ExportedVisitWire(v.ShopId, v.Time))]);
    }
}
