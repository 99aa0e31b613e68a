using Mmx.Api.Access.Operators;
using Mmx.Api.Lookups;
using Mmx.Api.Validation;
using Mmx.Grains.Accounts;
using Mmx.Grains.Operations;

namespace Mmx.Api.Admin;

/// <summary>
/// The operators' desk (role accounts): the audit log of every operator action, looking a user
/// up by phone, mcode or id, disabling and enabling an account, and the feedback desk (every
/// user's thread newest first, open or answered; a thread; replies in AdminApi).
/// </summary>
public static class OperatorDeskApi
{
    public static IEndpointRouteBuilder MapOperatorDeskApi(this IEndpointRouteBuilder app)
    {
        var accounts = app.MapGroup("/admin").WithTags("Admin").RequireOperator(OperatorRoles.Accounts);
        accounts.MapGet("/audit", Audit).WithSummary("Every operator action, newest first (?operator= one operator's)")
            .WithQuery([QueryDocs.Text("operator", "an operator's name", 64), .. QueryDocs.Paging()]);
        accounts.MapGet("/user", Lookup).WithSummary("Look a user up by ?phone=, ?mcode= or ?uid=")
            .WithQuery(QueryDocs.Text("phone", "the bound phone", 16), QueryDocs.Text("mcode", "the user's mcode", 16), QueryDocs.Id("uid", "the accID", required: false));
        accounts.MapPost("/user/{uid:long}/disable", Disable).WithSummary("Disable an account: its sessions and sockets end at once, its logins answer err 3");
        accounts.MapPost("/user/{uid:long}/enable", Enable).WithSummary("Enable a disabled account again");
        accounts.MapGet("/feedback", Desk).WithSummary("Users' feedback threads, newest first (?status=open|answered|all)")
            .WithQuery([QueryDocs.Text("status", "open (default), answered or all", 8), .. QueryDocs.Paging()]);
        accounts.MapGet("/feedback/{uid:long}", Thread).WithSummary("One user's feedback thread, newest first").WithQuery(QueryDocs.Paging());
        return app;
    }

    private static async Task<AuditLogReply> Audit(HttpRequest request, IGrainFactory grains)
    {
        var name = request.Query.OptionalText("operator", 64)?.Trim();
        var (offset, count) = request.Query.Paging();
        var page = await grains.GetGrain<IOperatorAuditGrain>(IOperatorAuditGrain.Key).Page(string.IsNullOrEmpty(name) ? null : name, offset, count);
        return new(Err.Ok, page.Total, [.. page.Items.Select(a => new OperatorActionWire(a.Time, a.Operator, a.Role, a.Request, a.Subject, a.Client, a.Err, a.TraceId))]);
    }

    private static async Task<UserLookupReply> Lookup(HttpRequest request, IGrainFactory grains, KnownIds known)
    {
        var accId = await Named(request.Query, grains, known) ?? throw ApiException.NotFound("user");
        var user = grains.GetGrain<IUserGrain>(accId);
        var profile = await user.GetProfile().OrFail("user");
        return new(Err.Ok, new UserLookupWire(accId, profile.Mcode, profile.Name, profile.Portrait, profile.Phone, await user.IsDisabled()));
    }

    /// <summary>The account ?phone=, ?mcode= or ?uid= names (exactly one of them), or null when none has it.</summary>
    private static async Task<long?> Named(IQueryCollection query, IGrainFactory grains, KnownIds known)
    {
        var phone = query.OptionalText("phone", 16);
        var mcode = query.OptionalText("mcode", 16);
        var uid = query.OptionalId("uid");
        if ((phone is null ? 0 : 1) + (mcode is null ? 0 : 1) + (uid is null ? 0 : 1) != 1) throw ApiException.BadRequest("give one of phone, mcode or uid");
        if (phone is not null) return await grains.GetGrain<IPhoneGrain>(Phone.Required(phone)).Owner();
        if (mcode is not null) return await AccountNumber.McodeOwner(grains, AccountNumber.Mcode(mcode));
        return await known.IsAccount(uid!.Value) ? uid : null;
    }

    private static async Task<OkReply> Disable(long uid, IGrainFactory grains) =>
        ApiResults.Done(await grains.GetGrain<IUserGrain>(uid).SetDisabled(true), "user");

    private static async Task<OkReply> Enable(long uid, IGrainFactory grains) =>
        ApiResults.Done(await grains.GetGrain<IUserGrain>(uid).SetDisabled(false), "user");

    private static async Task<FeedbackDeskReply> Desk(HttpRequest request, IGrainFactory grains, KnownIds known)
    {
        bool? open = request.Query.OptionalText("status", 8)?.Trim() switch
        {
            null or "" or "open" => true,
            "answered" => false,
            "all" => null,
            _ => throw ApiException.BadRequest("status must be open, answered or all"),
        };
        var (offset, count) = request.Query.Paging();
        var page = await grains.GetGrain<IFeedbackDeskGrain>(IFeedbackDeskGrain.Key).Page(open, offset, count);
        var profiles = await UserCards.Profiles(grains, known, page.Items.Select(t => t.AccId));
        return new(Err.Ok, page.Total, [.. page.Items.Select(t =>
            new FeedbackThreadWire(t.AccId, profiles.GetValueOrDefault(t.AccId)?.Name ?? "", t.LastTime, t.LastContent, t.Open))]);
    }

    private static async Task<FeedbackThreadReply> Thread(HttpRequest request, long uid, IGrainFactory grains, KnownIds known)
    {
        var (offset, count) = request.Query.Paging();
        if (!await known.IsAccount(uid)) throw ApiException.NotFound("user");
        var entries = await grains.GetGrain<IUserGrain>(uid).ListFeedback(offset, count);
        return new(Err.Ok, uid, [.. entries.Select(e => new FeedbackMessageWire(e.Content, e.Time, e.Direction))]);
    }
}
