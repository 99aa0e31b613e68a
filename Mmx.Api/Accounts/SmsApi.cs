using Mmx.Api.Operations;
using Mmx.Api.Validation;
using Mmx.Grains.Accounts;

namespace Mmx.Api.Accounts;

/// <summary>SMS codes: /user/gencode sends one, /user/vercode checks it (contract: "SMS codes").</summary>
public static class SmsApi
{
    public static IEndpointRouteBuilder MapSmsApi(this IEndpointRouteBuilder app)
    {
        var user = app.MapGroup("/user").WithTags("Accounts");
        user.MapPost("/gencode", GenCode).WithBody<PhoneRequest>().WithSummary("Send a 6-digit code to a phone (one per 30 s, 10 a day)")
            .RequireRateLimiting(RateLimits.Sms);
        user.MapPost("/vercode", VerCode).WithBody<VerifyCodeRequest>().WithSummary("Check a code; success answers a one-use ticket for 10 minutes (also as the mmx_verify cookie)")
            .RequireRateLimiting(RateLimits.Sms);
        // The web client's phone change (settings page): the same code and ticket, on the original's path.
        var basic = app.MapGroup(VerificationTickets.PhoneValidatePath).WithTags("Accounts");
        basic.MapGet("/{phone}", SendToPath).WithSummary("Send a code to the phone in the path, as /user/gencode")
            .RequireRateLimiting(RateLimits.Sms);
        basic.MapPost("/{phone}", VerifyPath).WithBody<CodeRequest>().WithSummary("Check {\"code\"} for the phone in the path, as /user/vercode (sets the mmx_verify cookie)")
            .RequireRateLimiting(RateLimits.Sms);
        return app;
    }

    private static async Task<OkReply> GenCode(HttpRequest request, IGrainFactory grains)
    {
        var body = await JsonBody.Read<PhoneRequest>(request);
        return ApiResults.Done(await Send(request, grains, body.Phone));
    }

    private static Task<Err> Send(HttpRequest request, IGrainFactory grains, string? phone) =>
        grains.GetGrain<IPhoneGrain>(Phone.Required(phone)).SendCode(ClientAddresses.KeyOf(request.HttpContext.Connection.RemoteIpAddress));

    /// <summary>The right code gets the client a one-use ticket (in the answer and the mmx_verify cookie).</summary>
    private static async Task<TicketReply> VerCode(HttpRequest request, IGrainFactory grains)
    {
        var body = await JsonBody.Read<VerifyCodeRequest>(request);
        return new(Err.Ok, await Verify(request, grains, body.Phone, body.Code));
    }

    private static async Task<string> Verify(HttpRequest request, IGrainFactory grains, string? phoneText, string? codeText)
    {
        var phone = Phone.Required(phoneText);
        var code = SmsCode.Required(codeText);
        return await VerificationTickets.Issue(request.HttpContext, grains.GetGrain<IPhoneGrain>(phone), code);
    }

    /// <summary>The web client reads is_success (true, or an error answer).</summary>
    private static async Task<SuccessReply> SendToPath(string phone, HttpRequest request, IGrainFactory grains)
    {
        ApiResults.Done(await Send(request, grains, phone));
        return new(Err.Ok, true);
    }

    private static async Task<VerifiedReply> VerifyPath(string phone, HttpRequest request, IGrainFactory grains)
    {
        var body = await JsonBody.Read<CodeRequest>(request);
        return new(Err.Ok, true, await Verify(request, grains, phone, body.Code));
    }
}
