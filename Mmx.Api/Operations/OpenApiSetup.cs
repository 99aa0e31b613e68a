using System.Text;
using Microsoft.OpenApi;
using Mmx.Api.Operations.OpenApi;
using Scalar.AspNetCore;

namespace Mmx.Api.Operations;

/// <summary>The OpenAPI document of every route at /openapi/v1.json, with the err table, and its interactive page at /docs.</summary>
public static class OpenApiSetup
{
    public static IServiceCollection AddMmxOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "MMX user API",
                    Version = "v1",
                    Description = Description(),
                };
                return Task.CompletedTask;
            });
            ContractTransformers.Add(options);
            ContractExamples.Add(options);
        });

    public static IEndpointRouteBuilder MapMmxOpenApi(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi("/openapi/{documentName}.json");
        // Offline: the page's script is served by this process, and nothing it does reaches the
        // internet (no web fonts, no request proxy, no telemetry, agent or MCP features).
        app.MapScalarApiReference("/docs", options => options
            .WithTitle("MMX user API")
            .WithOpenApiRoutePattern("/openapi/{documentName}.json")
            .DisableDefaultFonts()
            .DisableTelemetry()
            .DisableAgent()
            .DisableMcp()
            .HideClientButton()
            // The deploy/share/SDK toolbar offers services of Scalar's own: not for an operator's page.
            .HideDeveloperTools()
            .ShowOperationId());
        return app;
    }

    private static string Description()
    {
        var text = new StringBuilder();
        text.AppendLine("Every answer is JSON with `err` (0 = success); HTTP 200 unless the answer is a 404/405 route error, a rate limit or a server fault.");
        text.AppendLine("Send the session token as `Authorization: Bearer <token>` or the `mmx_token` cookie; admin routes need `X-Admin-Key`.");
        text.AppendLine();
        text.AppendLine("| err | name | meaning |");
        text.AppendLine("|---|---|---|");
        foreach (var err in Enum.GetValues<Err>())
        {
            text.AppendLine($"| {(int)err} | {err} | {ErrTexts.Of(err)} |");
        }
        return text.ToString();
    }
}
