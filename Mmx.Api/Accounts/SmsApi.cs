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
        return app;
    }

    private static async Task<OkReply> GenCode(HttpRequest request, IGrainFactory grains)
    {
        var body = await JsonBody.Read<PhoneRequest>(request);
        var phone = Phone.Required(body.Phone);
        return ApiResults.Done(await grains.GetGrain<IPhoneGrain>(phone).SendCode(ClientAddresses.KeyOf(request.HttpContext.Connection.RemoteIpAddress)));
    }

    /// <summary>The right code gets the client a one-use ticket (in the answer and the mmx_verify cookie).</summary>
    private static async Task<TicketReply> VerCode(HttpRequest request, HttpResponse response, IGrainFactory grains)
    {
        var body = await JsonBody.Read<VerifyCodeRequest>(request);
        var phone = Phone.Required(body.Phone);
        var code = body.Code is { Length: 6 } c && c.All(char.IsAsciiDigit) ? c : throw ApiException.BadRequest("code must be 6 digits");
        var (ticket, hash) = VerificationTickets.New();
        var err = await grains.GetGrain<IPhoneGrain>(phone).VerifyCode(code, hash, ClientAddresses.KeyOf(request.HttpContext.Connection.RemoteIpAddress));
        ApiResults.Done(err);
        VerificationTickets.SetCookie(response, ticket);
        return new(Err.Ok, ticket);
    }
}
