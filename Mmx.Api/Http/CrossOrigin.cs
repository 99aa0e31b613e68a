namespace Mmx.Api.Http;

/// <summary>
/// The web client on another origin: browsers may call the API from the origins in
/// <c>Mmx:Cors:Origins</c> (none by default), with credentials (the session cookie the web client
/// logs in with), and get their preflight OPTIONS answered. The headers are added when the answer
/// starts, so the contract's error answers carry them too and a browser can read their err.
/// </summary>
public static class CrossOrigin
{
    public const string Policy = "mmx-web-clients";

    public static IServiceCollection AddMmxCrossOrigin(this IServiceCollection services, IConfiguration configuration)
    {
        var origins = Grains.Configuration.Settings.Read<CorsSettings>(configuration).Origins.Select(o => o.TrimEnd('/')).ToArray();
        return services.AddCors(options => options.AddPolicy(Policy, policy => policy
            .WithOrigins(origins)
            .AllowCredentials()
            .AllowAnyHeader()
            .WithMethods("GET", "POST", "PUT", "DELETE")
            // A client that was rate limited reads when to try again.
            .WithExposedHeaders("Retry-After")
            .SetPreflightMaxAge(TimeSpan.FromMinutes(10))));
    }

    public static IApplicationBuilder UseMmxCrossOrigin(this IApplicationBuilder app) => app.UseCors(Policy);
}
