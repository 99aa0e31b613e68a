using Microsoft.Extensions.Configuration;

namespace Mmx.Tests.Hardening;

/// <summary>A flood of codes spread over many numbers and addresses meets the service-wide budget per minute.</summary>
public sealed class SmsBudgetTests(SmsBudgetTests.Api api) : IClassFixture<SmsBudgetTests.Api>
{
    public sealed class Api() : ApiFactory(settings: new Dictionary<string, string> { ["Mmx:Sms:GlobalPerMinute"] = "3" });

    private async Task<int> GenCode(int from)
    {
        var answer = await api.NewClient().Literal(HttpMethod.Post, "/user/gencode",
            $$"""{"phone":"{{AccountTestKit.NewPhone()}}"}""", (TestRemoteAddress.Header, $"198.51.100.{from}"));
        return (int)answer["err"]!;
    }

    [Fact]
    public async Task Codes_beyond_the_budget_of_the_minute_are_refused_and_the_next_minute_has_its_own()
    {
        // Start at a fresh minute of MMX's clock.
        api.Clock.Advance(TimeSpan.FromSeconds(60 - api.Clock.GetUtcNow().ToUnixTimeSeconds() % 60));
        for (var i = 1; i <= 3; i++) Assert.Equal(0, await GenCode(i));
        Assert.Equal(7, await GenCode(4));
        Assert.Equal(7, await GenCode(5));
        api.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(0, await GenCode(6));
    }
}

/// <summary>The admin-readable outbox is for the embedded default: a cluster without an SMS gateway does not start.</summary>
public sealed class SmsGatewayRequirementTests
{
    private static Microsoft.Extensions.Configuration.IConfiguration Config(params (string Key, string Value)[] settings) =>
        new Microsoft.Extensions.Configuration.ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build();

    [Fact]
    public void A_cluster_silo_without_a_gateway_refuses_to_start_unless_the_outbox_is_chosen()
    {
        const string cluster = "Host=127.0.0.1;Port=1;Username=x;Database=x";
        var refused = Assert.Throws<Mmx.Grains.Configuration.SettingsException>(() => Mmx.Grains.SiloSetup.AddMmxServices(
            new Microsoft.Extensions.DependencyInjection.ServiceCollection(), Config(("ConnectionStrings:Orleans", cluster))));
        Assert.Contains("Mmx:Sms:GatewayUrl", refused.Message);

        Mmx.Grains.SiloSetup.AddMmxServices(new Microsoft.Extensions.DependencyInjection.ServiceCollection(),
            Config(("ConnectionStrings:Orleans", cluster), ("Mmx:Sms:Outbox", "true")));
        Mmx.Grains.SiloSetup.AddMmxServices(new Microsoft.Extensions.DependencyInjection.ServiceCollection(),
            Config(("ConnectionStrings:Orleans", cluster), ("Mmx:Sms:GatewayUrl", "http://127.0.0.1:9/sms")));
        Mmx.Grains.SiloSetup.AddMmxServices(new Microsoft.Extensions.DependencyInjection.ServiceCollection(), Config());
    }
}
