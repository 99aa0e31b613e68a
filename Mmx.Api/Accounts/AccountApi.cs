using Mmx.Api.Providers;
using Mmx.Api.Lookups;
using Mmx.Api.Operations;
using Mmx.Api.Validation;
using Mmx.Grains.Accounts;

namespace Mmx.Api.Accounts;

/// <summary>Sign-up and sign-in: /user/register, /user/login, /user/loginex, /user/logout, /user/resetpw, /user/bindphone.</summary>
public static class AccountApi
{
    public const int AppUserType = 4;
    public const int MaxDeviceLength = 64;

    public static IEndpointRouteBuilder MapAccountApi(this IEndpointRouteBuilder app)
    {
        var user = app.MapGroup("/user").WithTags("Accounts");
        user.MapPost("/register", Register).WithBody<PhonePasswordRequest>().WithSummary("Create an account for a verified phone; answers accID and a session token")
            .RequireRateLimiting(RateLimits.SignIn);
        user.MapPost("/login", Login).WithBody<LoginRequest>().WithSummary("Log in by account (mode 1) or phone (mode 2); answers accID, the previous device and a token")
            .RequireRateLimiting(RateLimits.SignIn);
        // The original backend's third-party login route, which the web client's QQ button calls:
        // the same as /user/login with modes 4-7 (the first login registers, isReg 1).
        user.MapPost("/loginex", LoginEx).WithBody<LoginRequest>().WithSummary("Third-party login (modes 4-7 only), as /user/login")
            .RequireRateLimiting(RateLimits.SignIn);
        user.MapPost("/resetpw", ResetPassword).WithBody<PhonePasswordRequest>().WithSummary("Set a new password for a verified phone; ends every session")
            .RequireRateLimiting(RateLimits.SignIn);

        var session = app.MapGroup("/user").WithTags("Accounts").RequireSession();
        session.MapPost("/logout", Logout).WithSummary("End this session everywhere");
        session.MapPost("/bindphone", BindPhone).WithBody<BindPhoneRequest>().WithSummary("Bind a phone: its ticket, and proof of the current phone (its ticket or the password) to move an account")
            .RequireRateLimiting(RateLimits.SignIn);
        return app;
    }

    private static async Task<RegisterReply> Register(HttpRequest request, IGrainFactory grains, HttpResponse response)
    {
        var body = await JsonBody.Read<PhonePasswordRequest>(request);
        var phoneGrain = grains.GetGrain<IPhoneGrain>(Phone.Required(body.Phone));
        var password = Passwords.Validate(body.Password);
        // The ticket before anything else (without it nothing tells a registered number from a
        // free one) and before the deliberate cost of hashing; Register checks it again.
        var ticket = await VerificationTickets.RequireLiveTicket(phoneGrain, VerificationTickets.Offered(request, body.Ticket));

        var accId = await phoneGrain.Register(ticket, Passwords.Hash(password)).OrFail();
        VerificationTickets.ClearCookie(response);
        MmxMetrics.SignedUp();
        var token = Sessions.NewToken();
        await grains.GetGrain<IUserGrain>(accId).OpenSession(Sessions.HashOf(token));
        Sessions.SetCookie(response, token);
        return new(Err.Ok, accId, token);
    }

    private static async Task<LoginReply> Login(HttpRequest request, IGrainFactory grains, KnownIds known, HttpResponse response)
    {
        var body = await JsonBody.Read<LoginRequest>(request);
        if (body.Type != AppUserType) throw ApiException.BadRequest("type must be 4");
        var device = Text.SingleLine(body.Dev, "dev", 0, MaxDeviceLength);
        if (body.Mode is >= 4 and <= 7) return await ThirdPartyLogin(request, body, device, grains, response);
        var password = Passwords.Offered(body.Password);
        var phoneGrain = body.Mode == 2 ? grains.GetGrain<IPhoneGrain>(Phone.Required(body.Phone)) : null;
        var (accId, typed) = body.Mode switch
        {
            1 => (await AccountNumber.Resolve(grains, known, body.Account, "account", checkExists: false), $"x:{body.Account?.Trim()}"),
            2 => (await phoneGrain!.Owner(), $"p:{phoneGrain.GetPrimaryKeyString()}"),
            3 => throw new ApiException(Err.Unsupported, "email login is not supported"),
            _ => throw ApiException.BadRequest("mode must be 1 to 7"),
        };
        var guard = LoginGuard.For(grains, request.HttpContext, accId is { } named ? $"a:{named}" : typed);
        // The owner's way past a hold (a spread attack, the daily ceiling): a fresh SMS ticket of
        // the account's own phone. The password is checked all the same.
        var ownerTicket = phoneGrain is not null && accId is not null
            ? await VerificationTickets.LiveTicketOf(phoneGrain, VerificationTickets.Offered(request, body.Ticket))
            : null;
        if (ownerTicket is null) await guard.Admit(password);

        var user = accId is { } id ? grains.GetGrain<IUserGrain>(id) : null;
        var challenge = user is null ? null : (await user.BeginLogin()).Value;
        var matched = Passwords.VerifyOrDecoy(password, challenge?.PasswordHash, out var needsUpgrade);
        if (user is null || !matched)
        {
            await guard.Failed();
            MmxMetrics.LoggedIn(false);
            throw new ApiException(Err.WrongCredentials, ErrTexts.Of(Err.WrongCredentials));
        }
        // Told only to whoever knows the password: a disabled account's own user.
        if (challenge!.Disabled) throw ApiException.Forbidden(IUserGrain.AccountDisabled);

        var token = Sessions.NewToken();
        var previousDevice = await user.CompleteLogin(new LoginAttempt
        {
            Device = device,
            TokenHash = Sessions.HashOf(token),
            UpgradedHash = needsUpgrade ? Passwords.Hash(password) : null,
        });
        MmxMetrics.LoggedIn(previousDevice.IsOk);
        var previous = previousDevice.OrFail();
        await guard.Succeeded();
        if (ownerTicket is not null)
        {
            await phoneGrain!.SpendTicket(ownerTicket);
            VerificationTickets.ClearCookie(response);
        }
        Sessions.SetCookie(response, token);
        return new(Err.Ok, accId!.Value, null, previous, token);
    }

    private static async Task<LoginReply> LoginEx(HttpRequest request, IGrainFactory grains, HttpResponse response)
    {
        var body = await JsonBody.Read<LoginRequest>(request);
        if (body.Type != AppUserType) throw ApiException.BadRequest("type must be 4");
        if (body.Mode is not (>= 4 and <= 7)) throw ApiException.BadRequest("loginex takes modes 4 to 7; log in by account or phone at /user/login");
        return await ThirdPartyLogin(request, body, Text.SingleLine(body.Dev, "dev", 0, MaxDeviceLength), grains, response);
    }

    /// <summary>
    /// Modes 4-7 (QQ, WeChat, Weibo, Alipay): the first login of an openID registers an account
    /// (isReg 1), later ones log into it. <see cref="OpenIdVerifier"/> decides whether the openID
    /// is trusted: checked with the provider, trusted as sent, or refused.
    /// </summary>
    private static async Task<LoginReply> ThirdPartyLogin(HttpRequest request, LoginRequest body, string device,
        IGrainFactory grains, HttpResponse response)
    {
        var openId = Text.SingleLine(body.OpenID?.Trim(), "openID", 1, 128);
        // The web client's WeChat login sends no token: the code exchange's cookie proves the openID.
        var byWebTicket = await WeChatWebTickets.Redeem(request, grains, body.Mode!.Value, openId, body.AccessToken);
        if (!byWebTicket)
            await request.HttpContext.RequestServices.GetRequiredService<OpenIdVerifier>()
                .Check(body.Mode!.Value, openId, body.AccessToken, request.HttpContext.RequestAborted);
        var token = Sessions.NewToken();
        var outcome = await grains.GetGrain<IOpenIdGrain>($"{body.Mode}:{openId}").Login(device, Sessions.HashOf(token));
        if (outcome.Value?.Registered == true) MmxMetrics.SignedUp();
        MmxMetrics.LoggedIn(outcome.IsOk);
        var login = outcome.OrFail();
        Sessions.SetCookie(response, token);
        if (byWebTicket) WeChatWebTickets.Clear(response);
        return new(Err.Ok, login.AccId, login.Registered ? 1 : 0, login.PreviousDevice, token);
    }

    private static async Task<OkReply> ResetPassword(HttpRequest request, HttpResponse response, IGrainFactory grains)
    {
        var body = await JsonBody.Read<PhonePasswordRequest>(request);
        var phoneGrain = grains.GetGrain<IPhoneGrain>(Phone.Required(body.Phone));
        var password = Passwords.Validate(body.Password);
        var ticket = await VerificationTickets.RequireLiveTicket(phoneGrain, VerificationTickets.Offered(request, body.Ticket));
        var err = await phoneGrain.ResetPassword(ticket, Passwords.Hash(password));
        if (err == Err.Ok) VerificationTickets.ClearCookie(response);
        return ApiResults.Done(err);
    }

    private static async Task<OkReply> Logout(HttpContext context, IGrainFactory grains, SessionCache sessions)
    {
        var tokenHash = Sessions.HashOf(Sessions.TokenOf(context.Request)!);
        // Close tells every subscribed front, this one included; forgetting it here as well
        // covers a front whose subscription lapsed a moment ago.
        await grains.GetGrain<ISessionGrain>(tokenHash).Close();
        sessions.Forget(tokenHash, context.AccId());
        context.Response.Cookies.Delete(Sessions.CookieName);
        return ApiResults.Done();
    }

    /// <summary>
    /// Binds a phone (contract: "Sessions"). An account without a phone needs the new number's
    /// ticket. One that has a phone needs proof of it, so a stolen session alone cannot move the
    /// account: a ticket of the current number or the account's password; the new binding is
    /// confirmed with the new number's ticket as well, else unconfirmed (the shipped app verifies
    /// the old number, then sends the new one).
    /// </summary>
    private static async Task<OkReply> BindPhone(HttpContext context, IGrainFactory grains)
    {
        var body = await JsonBody.Read<BindPhoneRequest>(context.Request);
        var phone = Phone.Required(body.Phone);
        var accId = context.AccId();
        var offered = VerificationTickets.Offered(context.Request, body.Ticket);
        var target = grains.GetGrain<IPhoneGrain>(phone);
        var newTicket = await VerificationTickets.LiveTicketOf(target, offered);

        var current = (await grains.GetGrain<IUserGrain>(accId).GetProfile()).Value?.Phone ?? "";
        string? currentTicket = null;
        var moving = current.Length > 0 && current != phone;
        if (moving)
        {
            var currentGrain = grains.GetGrain<IPhoneGrain>(current);
            currentTicket = await VerificationTickets.LiveTicketOf(currentGrain, offered.Where(h => h != newTicket).ToList());
            if (currentTicket is null)
            {
                if (body.Password is null) throw new ApiException(Err.PhoneNotVerified, "verify the account's current phone first, or send its password");
                await PasswordProof.Check(grains, context, accId, body.Password);
            }
        }
        else if (newTicket is null)
        {
            throw new ApiException(Err.PhoneNotVerified, ErrTexts.Of(Err.PhoneNotVerified));
        }

        var err = await target.Bind(accId, newTicket, unconfirmedAllowed: moving);
        if (err == Err.Ok && currentTicket is not null) await grains.GetGrain<IPhoneGrain>(current).SpendTicket(currentTicket);
        if (err == Err.Ok) VerificationTickets.ClearCookie(context.Response);
        return ApiResults.Done(err);
    }

}
