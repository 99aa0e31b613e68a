using System.Net.Http.Json;

namespace Mmx.Grains.Accounts.Sms;

/// <summary>
/// Production delivery: POSTs <c>{"phone": "...", "text": "..."}</c> as JSON to the gateway URL
/// (<c>Mmx:Sms:GatewayUrl</c>); any answer but 2xx, a network failure or a 10 s time-out is a
/// failed delivery. The code is not kept anywhere but in the number's grain.
/// </summary>
public sealed class HttpGatewaySmsSender(HttpClient http, Uri gateway) : ISmsSender
{
    /// <summary>The factory client's name (SiloSetup gives it the resilience pipeline).</summary>
    public const string ClientName = "mmx-sms";
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public async Task Send(string phone, string text, string code, CancellationToken cancellationToken = default)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(Timeout);
            using var response = await http.PostAsJsonAsync(gateway, new { phone, text }, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                throw new SmsDeliveryException($"The SMS gateway answered {(int)response.StatusCode}.");
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or Polly.Timeout.TimeoutRejectedException or Polly.CircuitBreaker.BrokenCircuitException)
        {
            throw new SmsDeliveryException("The SMS gateway could not be reached.", ex);
        }
    }
}
