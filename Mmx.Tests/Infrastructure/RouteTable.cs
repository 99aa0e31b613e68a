using Microsoft.AspNetCore.Routing;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;

namespace Mmx.Tests.Infrastructure;

/// <summary>
/// The app's routes as (METHOD, "/pattern") pairs, read from its endpoint table: the suites that
/// must cover every route take them from here, so a new route is covered without being listed.
/// </summary>
public static class RouteTable
{
    /// <summary>
    /// Every method and pattern whose pattern starts with one of <paramref name="prefixes"/>; route
    /// constraints are left out (<c>{accId:long}</c> is <c>{accId}</c>, as OpenAPI spells it).
    /// </summary>
    public static List<(string Method, string Pattern)> Of(IServiceProvider services, params string[] prefixes) =>
        [.. services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && prefixes.Any(raw.StartsWith))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [])
                .Select(method => (method, "/" + WithoutConstraints(e.RoutePattern.RawText!).Trim('/'))))];

    private static string WithoutConstraints(string pattern) => Regex.Replace(pattern, @"\{(\w+):[^}]+\}", "{$1}");
}
