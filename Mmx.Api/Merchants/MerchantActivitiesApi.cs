using Mmx.Api.Validation;
using Mmx.Grains.Merchants;

namespace Mmx.Api.Merchants;

/// <summary>
/// The merchant's activities (the portal's activity page): list, publish (one a day), delete.
/// Changes reach users as imports do, on every front before the answer.
/// </summary>
public static class MerchantActivitiesApi
{
    public static IEndpointRouteBuilder MapMerchantActivitiesApi(this IEndpointRouteBuilder app)
    {
        var own = app.MapGroup("/shop/{sid:long}").WithTags("Merchants").RequireMerchant();
        own.MapGet("/activities", List).WithSummary("The shop's activities, latest start first (?history=1: only those not over)")
            .WithQuery([QueryDocs.Switch("history", "1: leave out the activities that are over"), .. QueryDocs.Paging(countKey: "limit")]);
        own.MapPost("/activities", Publish).WithBody<ActivityRequest>().WithSummary("Publish an activity (one a day)");
        own.MapDelete("/activity/{aid:long}", Delete).WithSummary("Delete an activity of the shop");
        return app;
    }

    private static async Task<MerchantActivitiesReply> List(HttpContext context, HttpRequest request, long sid, IGrainFactory grains, [FromKeyedServices(Grains.Common.MmxClock.Key)] TimeProvider time)
    {
        var shopId = context.OwnShop(sid);
        var (offset, count) = request.Query.Paging(countKey: "limit");
        var today = Grains.Common.ShanghaiCalendar.Today(time);
        var current = request.Query.OptionalSwitch("history") == true;
        var all = (await grains.GetGrain<IShopGrain>(shopId).AllActivities())
            .Where(a => !current || a.Et >= today)
            .OrderByDescending(a => a.Bt).ThenByDescending(a => a.Id).ToList();
        return new(Err.Ok, true, all.Count, [.. all.Skip(offset).Take(count).Select((a, i) => MerchantActivityWire.Of(a, offset + i + 1))]);
    }

    private static async Task<ActivityDoneReply> Publish(HttpContext context, long sid, IGrainFactory grains)
    {
        var shopId = context.OwnShop(sid);
        var body = await JsonBody.Read<ActivityRequest>(context.Request);
        var bt = CatalogueFields.Day(body.BeginTime?.Trim(), "begin_time");
        var et = CatalogueFields.Day(body.EndTime?.Trim(), "end_time");
        if (et < bt) throw ApiException.BadRequest("end_time is before begin_time");
        var draft = new ActivityDraft
        {
            Title = Text.SingleLine(body.ActTitle?.Trim(), "act_title", 1, 64),
            Content = Text.MultiLine(body.ActContent?.Trim() ?? "", "act_content", 0, 2000),
            Bt = bt,
            Et = et,
        };
        var id = await grains.GetGrain<IMerchantGrain>(shopId).AddActivity(draft).OrFail();
        return new(Err.Ok, true, shopId, id);
    }

    private static async Task<ActivityDoneReply> Delete(HttpContext context, long sid, long aid, IGrainFactory grains)
    {
        var shopId = context.OwnShop(sid);
        (await grains.GetGrain<IMerchantGrain>(shopId).RemoveActivity(aid)).OrFail("activity");
        return new(Err.Ok, true, shopId, aid);
    }
}
