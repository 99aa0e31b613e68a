using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Mmx.Tests.Operations;

/// <summary>Every route answers a named wire record whose JSON the source-generated context writes.</summary>
public sealed class WireContractTests(WireContractTests.Api api) : IClassFixture<WireContractTests.Api>
{
    public sealed class Api : ApiFactory;

    [Fact]
    public void Every_route_answers_a_wire_record_of_the_generated_json_context()
    {
        var handlers = api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && (raw.StartsWith("/user") || raw.StartsWith("/admin") || raw.StartsWith("/img")))
            .Select(e => (Route: e.RoutePattern.RawText!, Handler: e.Metadata.GetMetadata<MethodInfo>()))
            .ToList();
        Assert.True(handlers.Count > 80, $"only {handlers.Count} routes");
        foreach (var (route, handler) in handlers)
        {
            Assert.True(handler is not null, $"{route}: no handler method in its metadata");
            var answer = Unwrapped(handler!.ReturnType);
            // IResult is left for answers that are not JSON: images, the QR and HTML cards.
            if (typeof(IResult).IsAssignableFrom(answer)) continue;
            Assert.False(answer == typeof(object) || answer.Name.Contains("AnonymousType"), $"{route}: answers {answer.Name}, not a named record");
            Assert.True(Mmx.Api.Wire.WireJsonContext.Default.GetTypeInfo(answer) is not null,
                $"{route}: {answer.Name} is not in WireJsonContext");
        }
    }

    private static Type Unwrapped(Type type) =>
        type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(Task<>) || type.GetGenericTypeDefinition() == typeof(ValueTask<>))
            ? type.GetGenericArguments()[0]
            : type;
}
