using System.Text.Json.Serialization;
using Mmx.Api.Access.Operators;
using Mmx.Api.Validation;
using Mmx.Grains.Merchants;

namespace Mmx.Api.Admin;

/// <summary>
/// The operators' audit queue of merchant sign-ups (role catalogue): list what waits, approve with
/// a service period and a monthly fan-message quota (the shop goes live: in the catalogue on every
/// front before the answer), or reject with a reason. The merchant gets an SMS either way.
/// </summary>
public static class MerchantAuditApi
{
    public const int MaxServiceDays = 3660;
    public const int MaxMonthlyQuota = 1000;

    public static IEndpointRouteBuilder MapMerchantAuditApi(this IEndpointRouteBuilder app)
    {
        var catalogue = app.MapGroup("/admin").WithTags("Admin").RequireOperator(OperatorRoles.Catalogue);
        catalogue.MapGet("/merchants/pending", Pending).WithSummary("Merchant sign-ups awaiting audit, oldest first");
        catalogue.MapPost("/merchant/{sid:long}/approve", Approve).WithBody<MerchantApproveRequest>()
            .WithSummary("Approve a sign-up (or renew a service): the shop goes live for \"days\" with \"quota\" fan messages a month");
        catalogue.MapPost("/merchant/{sid:long}/reject", Reject).WithBody<MerchantRejectRequest>()
            .WithSummary("Refuse a pending sign-up with a reason the merchant is sent");
        return app;
    }

    private static async Task<PendingMerchantsReply> Pending(IGrainFactory grains)
    {
        var pending = await grains.GetGrain<IMerchantAuditQueueGrain>(IMerchantAuditQueueGrain.Key).List();
        return new(Err.Ok, [.. pending.Select(p => new PendingMerchantWire(p.ShopId, p.Account, p.ShopName, p.City, p.ContactName, p.Phone, p.SignedUp.ToUnixTimeSeconds()))]);
    }

    private static async Task<OkReply> Approve(HttpRequest request, long sid, IGrainFactory grains)
    {
        var body = await JsonBody.Read<MerchantApproveRequest>(request);
        var days = body.Days is >= 1 and <= MaxServiceDays and var d ? d : throw ApiException.BadRequest($"days must be 1 to {MaxServiceDays}");
        var quota = body.Quota ?? IMerchantGrain.DefaultMonthlyQuota;
        if (quota is < 0 or > MaxMonthlyQuota) throw ApiException.BadRequest($"quota must be 0 to {MaxMonthlyQuota}");
        return ApiResults.Done(await grains.GetGrain<IMerchantGrain>(sid).Approve(days, quota), "merchant");
    }

    private static async Task<OkReply> Reject(HttpRequest request, long sid, IGrainFactory grains)
    {
        var body = await JsonBody.Read<MerchantRejectRequest>(request);
        var reason = Text.SingleLine(body.Reason?.Trim(), "reason", 1, 200);
        return ApiResults.Done(await grains.GetGrain<IMerchantGrain>(sid).Reject(reason), "merchant");
    }
}

/// <summary>POST /admin/merchant/{sid}/approve: the service period in days and the fan messages a month (default 4).</summary>
public sealed record MerchantApproveRequest(int? Days, int? Quota);

/// <summary>POST /admin/merchant/{sid}/reject: why.</summary>
public sealed record MerchantRejectRequest(string? Reason);

public sealed record PendingMerchantWire(
    [property: JsonPropertyName("shop_id")] long ShopId,
    string Account,
    [property: JsonPropertyName("shop_name")] string ShopName,
    long City,
    [property: JsonPropertyName("contact_name")] string ContactName,
    string Phone,
    [property: JsonPropertyName("signed_up")] long SignedUp);

public sealed record PendingMerchantsReply(Err Err, ImmutableArray<PendingMerchantWire> Merchants);
