namespace Mmx.Api.Providers;

/// <summary>Says at start, as a warning, that third-party logins trust a bare openID: an operator must not miss it.</summary>
public sealed class TrustOpenIdWarning(ILogger<TrustOpenIdWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        logger.LogWarning("Mmx:ThirdParty:TrustOpenId is on: login modes 4-7 of providers without Verify accept a bare openID, " +
            "so anyone who knows or guesses one logs into that account. Use it for tests and demos only.");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
