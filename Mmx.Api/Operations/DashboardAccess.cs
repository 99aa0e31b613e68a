using System.Net;
using Mmx.Api.Admin;

namespace Mmx.Api.Operations;

/// <summary>
/// The Orleans Dashboard at /dashboard has no authentication of its own. In cluster mode it is
/// served only to loopback callers or with the admin key (X-Admin-Key); the embedded default,
/// which listens on loopback, serves it to anyone who reaches it.
/// </summary>
public static class DashboardAccess
{
    public const string Path = "/dashboard";

    public static IApplicationBuilder UseDashboardGuard(this IApplicationBuilder app, bool clusterMode)
    {
        if (!clusterMode) return app;
        return app.UseWhen(context => context.Request.Path.StartsWithSegments(Path), branch => branch.Use(async (context, next) =>
        {
            var remote = context.Connection.RemoteIpAddress;
            // No remote address: an in-process caller (tests), not the network.
            var local = remote is null || IPAddress.IsLoopback(remote);
            if (!local && !AdminApi.HasAdminKey(context)) throw ApiException.Forbidden("the dashboard needs X-Admin-Key or a loopback caller");
            await next(context);
        }));
    }
}
