using Mmx.Api.Operations;
using Mmx.Api.Validation;
using Mmx.Grains.Accounts;
using Mmx.Grains.Merchants;

namespace Mmx.Api.Merchants;

/// <summary>
/// /merchant/forgetpassword, the portal's forgotten password in its four steps (<c>step</c>):
/// <c>is_account_exist</c> (<c>acc_or_pho</c>: a login name or phone) answers the account's shop
/// and its verified phone masked; <c>get_phone_captcha</c> (<c>phone</c>) texts that phone a code;
/// <c>validate_phone_captcha</c> (<c>phone</c>, <c>phone_captcha</c>) hands out a verification ticket
/// as /user/vercode does; <c>reset_password</c> (<c>shop_id</c>, <c>new_password</c>) needs that
/// ticket, sets the password and ends every session of the merchant. The original answered the
/// full phone and the code itself, and reset any shop's password on its id alone: MMX masks the
/// phone, only texts the code, and resets nothing without the phone's ticket.
/// </summary>
public static class MerchantPasswordResetApi
{
    public const string Path = "/merchant/forgetpassword";
    /// <summary>Which account the masked phone of the first step belongs to (the portal sends the phone only).</summary>
    private const string ResetCookie = "mmx_reset";

    public static IEndpointRouteBuilder MapMerchantPasswordResetApi(this IEndpointRouteBuilder app)
    {
        var reset = app.MapGroup(Path).WithTags("Merchants").RequireRateLimiting(RateLimits.Sms);
        reset.MapGet("", FromQuery).WithSummary("Forgotten password, steps is_account_exist (?acc_or_pho) and get_phone_captcha (?phone, as masked)")
            .WithQuery(QueryDocs.Text("step", "is_account_exist or get_phone_captcha", 32, required: true),
                QueryDocs.Text("acc_or_pho", "the login name or phone", 32), QueryDocs.Text("phone", "the phone as is_account_exist masked it, or in full", 32));
        reset.MapPost("", FromBody).WithBody<MerchantResetRequest>()
            .WithSummary("Forgotten password, any step: validate_phone_captcha answers a ticket; reset_password with it ends every session");
        return app;
    }

    private static Task<MerchantResetReply> FromQuery(HttpContext context, IGrainFactory grains) =>
        Step(context, grains, new MerchantResetRequest(context.Request.Query.RequiredText("step", 32), context.Request.Query.OptionalText("acc_or_pho", 32),
            context.Request.Query.OptionalText("phone", 32), null, null, null, null));

    private static async Task<MerchantResetReply> FromBody(HttpContext context, IGrainFactory grains) =>
        await Step(context, grains, await JsonBody.Read<MerchantResetRequest>(context.Request));

    private static async Task<MerchantResetReply> Step(HttpContext context, IGrainFactory grains, MerchantResetRequest body) => body.Step?.Trim() switch
    {
        "is_account_exist" => await Find(context, grains, body.AccOrPho),
        "get_phone_captcha" => await SendCode(context, grains, body.Phone),
        "validate_phone_captcha" => await Verify(context, grains, body.Phone, body.PhoneCaptcha),
        "reset_password" => await Reset(context, grains, body),
        _ => throw ApiException.BadRequest("step must be is_account_exist, get_phone_captcha, validate_phone_captcha or reset_password"),
    };

    private static async Task<MerchantResetReply> Find(HttpContext context, IGrainFactory grains, string? typed)
    {
        var text = typed?.Trim() ?? "";
        if (text.Length is 0 or > 32) throw ApiException.BadRequest("acc_or_pho is required");
        var shopId = await MerchantNames.Find(grains, MerchantNames.KeyOfTyped(text, "acc_or_pho"));
        var contact = shopId is { } id ? (await grains.GetGrain<IMerchantGrain>(id).GetContact()).Value : null;
        if (contact is null) return new(Err.Ok, true, false, null, null, null);
        context.Response.Cookies.Append(ResetCookie, shopId!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Sessions.ProofCookie(context.Request, PhoneGrain.VerificationLifetime, Path));
        return new(Err.Ok, true, true, Masked(contact.Phone), shopId, null);
    }

    private static async Task<MerchantResetReply> SendCode(HttpContext context, IGrainFactory grains, string? phoneText)
    {
        var (shopId, phone) = await Resolve(context, grains, phoneText);
        ApiResults.Done(await grains.GetGrain<IPhoneGrain>(phone).SendCode(ClientAddresses.KeyOf(context.Connection.RemoteIpAddress)));
        return new(Err.Ok, true, null, null, shopId, null);
    }

    private static async Task<MerchantResetReply> Verify(HttpContext context, IGrainFactory grains, string? phoneText, string? codeText)
    {
        var code = SmsCode.Required(codeText, "phone_captcha");
        var (shopId, phone) = await Resolve(context, grains, phoneText);
        var ticket = await VerificationTickets.Issue(context, grains.GetGrain<IPhoneGrain>(phone), code);
        return new(Err.Ok, true, null, null, shopId, ticket);
    }

    private static async Task<MerchantResetReply> Reset(HttpContext context, IGrainFactory grains, MerchantResetRequest body)
    {
        var shopId = BodyId.Required(body.ShopId, "shop_id");
        var password = Passwords.Validate(body.NewPassword);
        var merchant = grains.GetGrain<IMerchantGrain>(shopId);
        var contact = (await merchant.GetContact()).OrFail("merchant");
        var phone = grains.GetGrain<IPhoneGrain>(contact.Phone);
        var ticket = await VerificationTickets.RequireLiveTicket(phone, VerificationTickets.Offered(context.Request, body.Ticket));
        (await phone.SpendTicket(ticket)).OrFail();
        (await merchant.ResetPassword(Passwords.Hash(password))).OrFail();
        // Locked out by wrong passwords before: the phone proved the merchant, so the new one opens.
        await LoginGuard.For(grains, context, $"m:{shopId}").Succeeded();
        VerificationTickets.ClearCookie(context.Response);
        context.Response.Cookies.Delete(ResetCookie, new CookieOptions { Path = Path });
        return new(Err.Ok, true, null, null, shopId, null);
    }

    /// <summary>
    /// The merchant and its verified phone from what the portal sends: the masked phone of the first
    /// step (the account in its cookie) or a phone in full that a merchant verified. Err 4 otherwise.
    /// </summary>
    private static async Task<(long ShopId, string Phone)> Resolve(HttpContext context, IGrainFactory grains, string? phoneText)
    {
        var typed = phoneText?.Trim() ?? "";
        long? shopId;
        if (typed.Contains('*'))
        {
            shopId = context.Request.Cookies.TryGetValue(ResetCookie, out var cookie) && long.TryParse(cookie, out var id) && id > 0 ? id : null;
        }
        else
        {
            shopId = await MerchantNames.Find(grains, MerchantNames.PhoneKey(Phone.Required(typed)));
        }
        var contact = shopId is { } found ? (await grains.GetGrain<IMerchantGrain>(found).GetContact()).Value : null;
        var matches = contact is not null && (typed.Contains('*') ? Masked(contact.Phone) == typed : contact.Phone == Phone.Normalize(typed));
        if (!matches) throw ApiException.NotFound("merchant with this phone (look the account up first)");
        return (shopId!.Value, contact!.Phone);
    }

    /// <summary>A phone as the reset shows it to whoever typed the account's name: 138****8000.</summary>
    public static string Masked(string phone) => phone.Length > 7 ? phone[..3] + new string('*', phone.Length - 7) + phone[^4..] : new string('*', phone.Length);
}
