using System.Security.Cryptography;
using System.Text;
using Mmx.Api.Hosting;
using Mmx.Api.Operations.OpenApi;

namespace Mmx.Api.Access;

/// <summary>
/// The operator's key (<see cref="AdminKey"/>) as requests present it: the <c>X-Admin-Key</c>
/// header of /admin routes, or the dashboard's sign-in form.
/// </summary>
public static class AdminAccess
{
    public const string Header = "X-Admin-Key";

    /// <summary>Every route of the group needs the admin key, err 3 without (and the OpenAPI document says so).</summary>
    public static RouteGroupBuilder RequireAdminKey(this RouteGroupBuilder group) =>
        group.AddEndpointFilter(Require).Needs(RouteSecurity.AdminKey);

    private static ValueTask<object?> Require(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        HasAdminKey(context.HttpContext) ? next(context) : throw ApiException.Forbidden($"a valid {Header} header is required");

    /// <summary>Whether the request carries the admin key (compared in constant time).</summary>
    public static bool HasAdminKey(HttpContext context) =>
        IsAdminKey(context.Request.Headers[Header].ToString(), context.RequestServices.GetRequiredService<AdminKey>().Value);

    /// <summary>Compares a given key with the admin key in constant time (hashes of equal length).</summary>
    public static bool IsAdminKey(string given, string expected) => CryptographicOperations.FixedTimeEquals(
        SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
