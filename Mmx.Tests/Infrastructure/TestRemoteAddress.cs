using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Mmx.Tests.Infrastructure;

/// <summary>
/// In-process requests have no client address; a test gives one with <see cref="Header"/>, set as
/// the connection's remote address before the app's own pipeline (forwarded headers, rate limits)
/// sees the request.
/// </summary>
public sealed class TestRemoteAddress : IStartupFilter
{
    public const string Header = "X-Test-Remote-Address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, nextMiddleware) =>
        {
            if (context.Request.Headers.TryGetValue(Header, out var value) && IPAddress.TryParse(value, out var address))
            {
                context.Connection.RemoteIpAddress = address;
                context.Request.Headers.Remove(Header);
            }
            await nextMiddleware(context);
        });
        next(app);
    };
}
