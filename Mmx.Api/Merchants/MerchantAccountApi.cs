using Mmx.Api.Lookups;
using Mmx.Api.Operations;
using Mmx.Api.Validation;
using Mmx.Grains.Accounts;
using Mmx.Grains.Merchants;

namespace Mmx.Api.Merchants;

/// <summary>
/// Merchant accounts as the shipped portal uses them (contract: "Merchants"): sign-up with a
/// verified phone and the shop's details (the shop waits for an operator), login by name or
/// phone, logout, password change. Passwords, lock-out and tickets follow the users' rules.
/// </summary>
public static class MerchantAccountApi
{
    public static IEndpointRouteBuilder MapMerchantAccountApi(this IEndpointRouteBuilder app)
    {
        var open = app.MapGroup("/merchant").WithTags("Merchants");
        open.MapPost("", SignUp).WithBody<MerchantSignUpRequest>().RequireRateLimiting(RateLimits.SignIn)
            .WithSummary("Sign up a shop with a phone verified by SMS; the shop waits for an operator's audit");
        open.MapGet("/isexist", Exists).WithQuery(QueryDocs.Text("account", "a login name", 32, required: true)).RequireRateLimiting(RateLimits.Lookup)
            .WithSummary("Whether a merchant login name is taken");
        open.MapPost("/login", Login).WithBody<MerchantLoginRequest>().RequireRateLimiting(RateLimits.SignIn)
            .WithSummary("Log in by login name or verified phone; answers the shop, its service status and a merchant token");
        open.MapMethods("/logout", ["GET", "POST"], Logout).WithSummary("End this merchant session everywhere");

        var own = app.MapGroup("/merchant/{sid:long}").WithTags("Merchants").RequireMerchant();
        own.MapPut("/password", ChangePassword).WithBody<MerchantPasswordRequest>().RequireRateLimiting(RateLimits.SignIn)
            .WithSummary("Change the merchant's password (the old one as proof); other sessions stay");
        return app;
    }

    private static async Task<MerchantSignUpReply> SignUp(HttpRequest request, IGrainFactory grains, KnownIds known)
    {
        var body = await JsonBody.Read<MerchantSignUpRequest>(request);
        var account = MerchantSignUpForm.Account(body.Account);
        var password = Passwords.Validate(body.Password);
        var phone = Phone.Required(body.TelephoneNo, "telephone_no");
        var contact = MerchantSignUpForm.Contact(body.ContactName, phone, body.ContactEmail, body.ContactQq);
        var (shop, extras) = await MerchantSignUpForm.Shop(body, grains, known);
        var phoneGrain = grains.GetGrain<IPhoneGrain>(phone);
        var ticket = await VerificationTickets.RequireLiveTicket(phoneGrain, VerificationTickets.Offered(request, body.Ticket));

        var shopId = await grains.GetGrain<IShopIdGrain>(IShopIdGrain.Key).Next();
        var name = grains.GetGrain<IMerchantNameGrain>(MerchantNames.NameKey(account));
        var byPhone = grains.GetGrain<IMerchantNameGrain>(MerchantNames.PhoneKey(phone));
        if (await Claim(grains, name, shopId) != shopId) throw new ApiException(Err.AlreadyExists, "this login name is taken");
        if (await Claim(grains, byPhone, shopId) != shopId)
        {
            await name.Release(shopId);
            throw new ApiException(Err.AlreadyExists, "this phone already belongs to a merchant");
        }
        (await phoneGrain.SpendTicket(ticket)).OrFail();
        VerificationTickets.ClearCookie(request.HttpContext.Response);
        (await grains.GetGrain<IMerchantGrain>(shopId).SignUp(new MerchantSignUp
        {
            Account = account, PasswordHash = Passwords.Hash(password), Contact = contact, Shop = shop, Extras = extras,
        })).OrFail();
        return new(Err.Ok, true, shopId);
    }

    /// <summary>Claims a name; a holder whose sign-up never completed (no account behind it) gives way.</summary>
    private static async Task<long> Claim(IGrainFactory grains, IMerchantNameGrain name, long shopId)
    {
        var holder = await name.Owner();
        var abandoned = holder is { } h && !(await grains.GetGrain<IMerchantGrain>(h).BeginLogin()).IsOk ? h : 0;
        return await name.Claim(shopId, abandoned);
    }

    private static async Task<MerchantExistsReply> Exists(HttpRequest request, IGrainFactory grains)
    {
        var account = request.Query.RequiredText("account", 32).Trim().ToLowerInvariant();
        var owner = await grains.GetGrain<IMerchantNameGrain>(MerchantNames.NameKey(account)).Owner();
        return new(Err.Ok, owner is { } shop && (await grains.GetGrain<IMerchantGrain>(shop).BeginLogin()).IsOk);
    }

    private static async Task<MerchantLoginReply> Login(HttpRequest request, IGrainFactory grains, HttpResponse response)
    {
        var body = await JsonBody.Read<MerchantLoginRequest>(request);
        var typed = body.Account?.Trim() ?? "";
        if (typed.Length is 0 or > 32) throw ApiException.BadRequest("account is required");
        var password = Passwords.Offered(body.Password);
        var key = MerchantNames.KeyOfTyped(typed, "account");
        var shopId = await grains.GetGrain<IMerchantNameGrain>(key).Owner();
        var guard = LoginGuard.For(grains, request.HttpContext, shopId is { } named ? $"m:{named}" : $"m:{key}");
        await guard.Admit(password);

        var merchant = shopId is { } id ? grains.GetGrain<IMerchantGrain>(id) : null;
        var login = merchant is null ? null : (await merchant.BeginLogin()).Value;
        var matched = Passwords.VerifyOrDecoy(password, login?.PasswordHash, out var needsUpgrade);
        if (login is null || !matched)
        {
            await guard.Failed();
            throw new ApiException(Err.WrongCredentials, ErrTexts.Of(Err.WrongCredentials));
        }
        if (needsUpgrade) await merchant!.SetPassword(Passwords.Hash(password));
        await guard.Succeeded();
        var token = MerchantSessions.NewToken();
        (await merchant!.OpenSession(MerchantSessions.KeyOf(token))).OrFail();
        MerchantSessions.SetCookie(response, token);
        return new(Err.Ok, true, shopId!.Value, login.Portrait.Length > 0 ? login.Portrait : null, (int)login.Status, token);
    }

    private static async Task<OkReply> Logout(HttpRequest request, IGrainFactory grains, HttpResponse response)
    {
        if (MerchantSessions.TokenOf(request) is { } token) await MerchantSessions.Grain(grains, token).Close();
        MerchantSessions.ClearCookie(response);
        return ApiResults.Done();
    }

    private static async Task<MerchantDoneReply> ChangePassword(HttpContext context, long sid, IGrainFactory grains)
    {
        var shopId = context.OwnShop(sid);
        var body = await JsonBody.Read<MerchantPasswordRequest>(context.Request);
        var old = Passwords.Offered(body.OldPassword, "old_password");
        var next = Passwords.Validate(body.NewPassword);
        var merchant = grains.GetGrain<IMerchantGrain>(shopId);
        var guard = LoginGuard.For(grains, context, $"m:{shopId}");
        await guard.Admit(old);
        var login = (await merchant.BeginLogin()).OrFail();
        if (!Passwords.Verify(old, login.PasswordHash, out _))
        {
            await guard.Failed();
            throw new ApiException(Err.WrongCredentials, "old_password is not the current password");
        }
        await guard.Succeeded();
        (await merchant.SetPassword(Passwords.Hash(next))).OrFail();
        return new(Err.Ok, true, shopId);
    }
}
