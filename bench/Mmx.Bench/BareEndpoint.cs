namespace Mmx.Bench;

/// <summary>
/// The ceiling for any route: ASP.NET Core's minimal API answering a constant small JSON, with the
/// same host defaults as Mmx.Api (Kestrel, no logging per request). No route can beat it.
/// </summary>
public static class BareEndpoint
{
    public static async Task<int> Run(Options options)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{options.Int("port", 5099)}");
        var app = builder.Build();
        var answer = new BareAnswer(0, 42, "bare");
        app.MapGet("/bare", () => Results.Json(answer));
        await app.RunAsync();
        return 0;
    }

    private sealed record BareAnswer(int Err, int Count, string Name);
}
