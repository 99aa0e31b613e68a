using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Mmx.Grains.Configuration;

namespace Mmx.Grains.Messages.Push;

/// <summary>
/// Production: POSTs each notice as <c>{"uid", "title", "body", "data": {"msgID", "kind", "sid"}}</c>
/// to <c>Mmx:Push:GatewayUrl</c> (a relay to APNs, FCM or JPush, which knows the user's devices),
/// through the factory client SiloSetup gives the resilience pipeline: <c>TimeoutSeconds</c> an
/// attempt, <c>Attempts</c> in all for 5xx, 408, 429, network failures and time-outs; another 4xx
/// is the relay refusing the notice and is not retried. A notice that is not taken is logged and
/// dropped: the inbox still has the message.
/// </summary>
public sealed class HttpGatewayPushSender(HttpClient http, PushSettings settings, ILogger<HttpGatewayPushSender> logger) : IPushSender
{
    /// <summary>The factory client's name.</summary>
    public const string ClientName = "mmx-push";
    /// <summary>Notices sent at once.</summary>
    public const int Parallel = 8;

    public Task Send(IReadOnlyList<PushNotice> notices, CancellationToken cancellationToken) =>
        System.Threading.Tasks.Parallel.ForEachAsync(notices,
            new ParallelOptions { MaxDegreeOfParallelism = Parallel, CancellationToken = cancellationToken },
            async (notice, ct) => await SendOne(notice, ct));

    private async Task SendOne(PushNotice notice, CancellationToken cancellationToken)
    {
        var body = new GatewayPush(notice.Uid, notice.Title, notice.Body, new GatewayPushData(notice.MsgId, notice.Kind, notice.ShopId));
        string failure;
        try
        {
            using var response = await http.PostAsJsonAsync(settings.GatewayUrl, body, PushJsonContext.Default.GatewayPush, cancellationToken);
            if (response.IsSuccessStatusCode) return;
            failure = $"answered {(int)response.StatusCode}";
        }
        catch (Exception ex) when (ex is HttpRequestException or Polly.Timeout.TimeoutRejectedException or Polly.CircuitBreaker.BrokenCircuitException
                                   || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            failure = ex is HttpRequestException ? ex.Message : $"did not answer in time ({ex.GetType().Name})";
        }
        logger.LogWarning("Push of message {MsgId} to user {Uid} dropped: the gateway {Failure}", notice.MsgId, notice.Uid, failure);
    }
}

/// <summary>The gateway's wire (contract: "Phones with no open stream").</summary>
public sealed record GatewayPush(
    [property: JsonPropertyName("uid")] long Uid,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("body")] string Body,
    [property: JsonPropertyName("data")] GatewayPushData Data);

public sealed record GatewayPushData(
    [property: JsonPropertyName("msgID")] long MsgId,
    [property: JsonPropertyName("kind")] int Kind,
    [property: JsonPropertyName("sid")] long Sid);

[JsonSerializable(typeof(GatewayPush))]
internal sealed partial class PushJsonContext : JsonSerializerContext;
