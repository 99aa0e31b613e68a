using Mmx.Api.Access.Operators;
using Mmx.Api.Operations.OpenApi;

namespace Mmx.Api.Access;

/// <summary>
/// Operator keys as requests present them (the <c>X-Admin-Key</c> header of /admin routes and of
/// scripts reading the dashboard, or the dashboard's sign-in form): each use is checked against
/// the route's role, throttled per address when wrong, and written as one audit line
/// (category <see cref="AuditCategory"/>) whatever its outcome.
/// </summary>
public static class AdminAccess
{
    public const string Header = "X-Admin-Key";
    public const string AuditCategory = "Mmx.Api.Audit";

    /// <summary>Every route of the group needs a key with <paramref name="role"/>: err 3 without, err 7 after too many wrong keys.</summary>
    public static RouteGroupBuilder RequireOperator(this RouteGroupBuilder group, OperatorRoles role) =>
        group.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var found = Authorize(http, role, http.Request.Headers[Header].ToString());
            var err = Err.Internal;
            try
            {
                var answer = await next(context);
                err = Err.Ok;
                return answer;
            }
            catch (ApiException refused)
            {
                err = refused.Err;
                throw;
            }
            finally
            {
                await OperatorAudit.Record(http, found, role, err);
            }
        }).Needs(RouteSecurity.AdminKey);

    /// <summary>
    /// The operator whose <paramref name="key"/> this is, when it has <paramref name="role"/>; else
    /// throws the contract's error. Either way one audit line says who did what from where.
    /// </summary>
    public static Operator Authorize(HttpContext context, OperatorRoles role, string key)
    {
        var services = context.RequestServices;
        var failed = services.GetRequiredService<FailedOperatorKeys>();
        var audit = services.GetRequiredService<ILoggerFactory>().CreateLogger(AuditCategory);
        var client = Http.ClientAddresses.KeyOf(context.Connection.RemoteIpAddress);
        var request = $"{context.Request.Method} {context.Request.Path}";
        if (failed.IsBlocked(client))
        {
            audit.LogWarning("Operator key refused for {Request} from {Client}: too many wrong keys", request, client);
            throw new ApiException(Err.TooManyRequests, "too many wrong operator keys from this address; try again later", StatusCodes.Status429TooManyRequests);
        }
        if (services.GetRequiredService<OperatorKeys>().Identify(key) is not { } found)
        {
            if (key.Length > 0) failed.Failed(client);
            audit.LogWarning("Operator key refused for {Request} from {Client}: {Why}", request, client, key.Length > 0 ? "not a key" : "no key");
            throw ApiException.Forbidden($"a valid {Header} header is required");
        }
        if ((found.Roles & role) == 0)
        {
            audit.LogWarning("Operator {Operator} refused {Request} from {Client}: the key has no {Role} role", found.Name, request, client, role);
            throw ApiException.Forbidden($"this operator key may not use {role} routes");
        }
        audit.LogInformation("Operator {Operator} ({Role}) {Request} from {Client}", found.Name, role, request, client);
        return found;
    }
}
