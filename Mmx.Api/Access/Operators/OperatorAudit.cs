using Mmx.Grains.Operations;

namespace Mmx.Api.Access.Operators;

/// <summary>
/// Writes every accepted operator request to the cluster's audit log (<see cref="IOperatorAuditGrain"/>,
/// read at GET /admin/audit) once it has been answered, with how it ended.
/// </summary>
public static class OperatorAudit
{
    private const string SubjectItem = "mmx.audit.subject";

    /// <summary>Names what a route's body acted on, for its audit entry (the path and query are recorded anyway).</summary>
    public static void AuditSubject(this HttpContext context, string subject) => context.Items[SubjectItem] = subject;

    public static async Task Record(HttpContext context, Operator found, OperatorRoles role, Err err)
    {
        var services = context.RequestServices;
        var time = services.GetRequiredKeyedService<TimeProvider>(Grains.Common.MmxClock.Key);
        var action = new OperatorAction
        {
            Time = time.GetUtcNow().ToUnixTimeMilliseconds(),
            Operator = found.Name,
            Role = role.ToString(),
            Request = $"{context.Request.Method} {context.Request.Path}{context.Request.QueryString}",
            Client = Http.ClientAddresses.KeyOf(context.Connection.RemoteIpAddress),
            Err = (int)err,
            TraceId = System.Diagnostics.Activity.Current?.TraceId.ToString() ?? "",
            Subject = context.Items[SubjectItem] as string ?? "",
        };
        try
        {
            await services.GetRequiredService<IGrainFactory>().GetGrain<IOperatorAuditGrain>(IOperatorAuditGrain.Key).Record(action);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The action is done (or refused) either way; the audit line in the log still has it.
            services.GetRequiredService<ILoggerFactory>().CreateLogger(AdminAccess.AuditCategory)
                .LogError(ex, "Operator action {Request} by {Operator} could not be written to the audit log", action.Request, action.Operator);
        }
    }
}
