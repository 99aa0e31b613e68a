using Mmx.Api.Access.Operators;
using Mmx.Api.Validation;
using Mmx.Grains.Accounts;

namespace Mmx.Api.Admin;

/// <summary>
/// Operator routes under /admin: every one needs an X-Admin-Key with its role (err 3 without):
/// the catalogue import, and (role accounts) the feedback desk and the SMS outbox; (role
/// dashboard) revoking dashboard sign-ins.
/// </summary>
public static class AdminApi
{
    /// <summary>An import document may be far larger than a user request: 64 MB.</summary>
    public const int MaxImportBytes = 64 * 1024 * 1024;

    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var catalogue = app.MapGroup("/admin").WithTags("Admin").RequireOperator(OperatorRoles.Catalogue);
        catalogue.MapPost("/import", Import).WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(MaxImportBytes)).WithSummary("Upsert cities, categories, shops, goods, activities and versions (docs/catalogue-import.md)")
            .Accepts<ImportDocument>("application/json");
        var accounts = app.MapGroup("/admin").WithTags("Admin").RequireOperator(OperatorRoles.Accounts);
        accounts.MapPost("/feedback/reply", ReplyToFeedback).WithBody<FeedbackReplyRequest>().WithSummary("Answer a user's feedback (direction 2)");
        accounts.MapGet("/sms", Sms).WithSummary("The messages the SMS outbox holds for ?phone=, newest first")
            .WithQuery(QueryDocs.Text("phone", "the phone number", 16, required: true));
        var dashboard = app.MapGroup("/admin").WithTags("Admin").RequireOperator(OperatorRoles.Dashboard);
        dashboard.MapPost("/dashboard/signout", SignOutDashboard).WithBody<DashboardSignOutRequest>()
            .WithSummary("Revoke the dashboard sign-ins of an operator (\"operator\") or of everyone (no operator), on every front");
        return app;
    }

    private static async Task<OkReply> ReplyToFeedback(HttpRequest request, IGrainFactory grains)
    {
        var body = await JsonBody.Read<FeedbackReplyRequest>(request);
        var uid = BodyId.Required(body.Uid, "uid");
        request.HttpContext.AuditSubject($"reply to user {uid}");
        var content = Text.MultiLine(body.Content?.Trim(), "content", 1, FeedbackEntry.MaxContentLength);
        return ApiResults.Done(await grains.GetGrain<IUserGrain>(uid).AddFeedback(content, FeedbackEntry.ToUser));
    }

    private static async Task<OkReply> SignOutDashboard(HttpRequest request, Operations.DashboardRevocations revocations)
    {
        var body = await JsonBody.Read<DashboardSignOutRequest>(request);
        var name = body.Operator is null ? null : Text.SingleLine(body.Operator.Trim(), "operator", 1, 64);
        await revocations.Revoke(name);
        return ApiResults.Done();
    }

    private static async Task<SmsOutboxReply> Sms(HttpRequest request, IGrainFactory grains)
    {
        var phone = Phone.Required(request.Query.RequiredText("phone", 16));
        var messages = await grains.GetGrain<ISmsOutboxGrain>(phone).Recent();
        return new(Err.Ok, [.. messages.Select(m => new SmsMessageWire(m.Phone, m.Text, m.Code, m.Time))]);
    }

    private static async Task<ImportReply> Import(HttpRequest request, CatalogueImporter importer)
    {
        var json = await JsonBody.ReadBytes(request, MaxImportBytes);
        var imported = await importer.Import(json);
        return new(Err.Ok, new ImportCountsWire(imported.Cities, imported.Categories, imported.Shops, imported.Goods, imported.Activities, imported.Versions,
            imported.Fronts, imported.FrontsMissed, imported.Provinces, imported.Districts));
    }
}
