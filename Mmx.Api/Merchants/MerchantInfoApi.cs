using Mmx.Api.Validation;
using Mmx.Grains.Common;
using Mmx.Grains.Merchants;

namespace Mmx.Api.Merchants;

/// <summary>The merchant's own pages of the portal: the contact, the service and the fan-message allowance. Only the shop's merchant reads them (err 3 for another).</summary>
public static class MerchantInfoApi
{
    public static IEndpointRouteBuilder MapMerchantInfoApi(this IEndpointRouteBuilder app)
    {
        var own = app.MapGroup("/merchant/{sid:long}").WithTags("Merchants").RequireMerchant();
        own.MapGet("/info", Info).WithSummary("The merchant's contact");
        own.MapPost("/info", ChangeInfo).WithBody<MerchantContactRequest>().WithSummary("Change the contact (the verified phone changes only by SMS)");
        own.MapGet("/serviceinfo", Service).WithSummary("The service: status, end of the period, fan messages left this month");
        own.MapGet("/msgconfig", MessageConfig).WithSummary("Fan messages a month and those left");
        return app;
    }

    private static async Task<MerchantInfoReply> Info(HttpContext context, long sid, IGrainFactory grains)
    {
        var shopId = context.OwnShop(sid);
        var contact = (await grains.GetGrain<IMerchantGrain>(shopId).GetContact()).OrFail();
        return new(Err.Ok, true, shopId, contact.Name, contact.Phone, contact.Email, contact.Qq, contact.Portrait.Length > 0 ? contact.Portrait : null);
    }

    private static async Task<MerchantDoneReply> ChangeInfo(HttpContext context, long sid, IGrainFactory grains)
    {
        var shopId = context.OwnShop(sid);
        var body = await JsonBody.Read<MerchantContactRequest>(context.Request);
        var merchant = grains.GetGrain<IMerchantGrain>(shopId);
        var current = (await merchant.GetContact()).OrFail();
        if (body.ContactPhoneNo is { Length: > 0 } phone && Phone.Normalize(phone) != current.Phone)
            throw ApiException.BadRequest("contact_phone_no is the verified phone: it changes only with an SMS code");
        var portrait = body.PortraitUrl is { Length: > 0 } url ? Text.Url(url, "portrait_url") : "";
        var contact = MerchantSignUpForm.Contact(body.ContactName, current.Phone, body.ContactEmail, body.ContactQq, portrait);
        (await merchant.ChangeContact(contact)).OrFail();
        return new(Err.Ok, true, shopId);
    }

    private static async Task<MerchantServiceReply> Service(HttpContext context, long sid, IGrainFactory grains)
    {
        var shopId = context.OwnShop(sid);
        var service = (await grains.GetGrain<IMerchantGrain>(shopId).GetService()).OrFail();
        var deadline = service.Until?.ToOffset(ShanghaiCalendar.Offset).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        return new(Err.Ok, true, shopId, (int)service.Status, deadline, service.MonthlyQuota, service.QuotaLeft, service.RejectReason);
    }

    private static async Task<MerchantMessageConfigReply> MessageConfig(HttpContext context, long sid, IGrainFactory grains)
    {
        var shopId = context.OwnShop(sid);
        var service = (await grains.GetGrain<IMerchantGrain>(shopId).GetService()).OrFail();
        return new(Err.Ok, true, shopId, service.MonthlyQuota, service.QuotaLeft);
    }
}
