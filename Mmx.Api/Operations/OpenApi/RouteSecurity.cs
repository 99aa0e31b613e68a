namespace Mmx.Api.Operations.OpenApi;

/// <summary>Endpoint metadata saying what a route needs; the OpenAPI document turns it into security requirements.</summary>
public enum RouteSecurity
{
    /// <summary>A session: <c>Authorization: Bearer</c> or the <c>mmx_token</c> cookie.</summary>
    Session,
    /// <summary>The <c>X-Admin-Key</c> header.</summary>
    AdminKey,
    /// <summary>A merchant's session: <c>Authorization: Bearer</c> or the <c>mmx_merchant</c> cookie.</summary>
    MerchantSession,
}

public static class RouteSecurityExtensions
{
    public static TBuilder Needs<TBuilder>(this TBuilder builder, RouteSecurity security) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(security);
}
