using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Mmx.Grains.Configuration;

namespace Mmx.Grains.Messages.Push;

/// <summary>
/// Production: POSTs each notice as <c>{"uid", "title", "body", "data": {"msgID", "kind", "sid"}}</c>
/// to <c>Mmx:Push:GatewayUrl</c> (a relay to APNs, FCM or JPush, which knows the user's devices).
/// An answer other than 2xx, a network failure or the time-out is retried after a growing pause,
/// up to the configured attempts; a 4xx other than 408/429 is not (the relay refused the notice).
/// </summary>
public sealed class HttpGatewayPushSender(HttpClient http, PushSettings settings, ILogger<HttpGatewayPushSender> logger) : IPushSender
{
    /// <summary>Notices sent at once.</summary>
    public const int Parallel = 8;

    public Task Send(IReadOnlyList<PushNotice> notices, CancellationToken cancellationToken) =>
        System.Threading.Tasks.Parallel.ForEachAsync(notices,
            new ParallelOptions { MaxDegreeOfParallelism = Parallel, CancellationToken = cancellationToken },
            async (notice, ct) => await SendOne(notice, ct));

    private async Task SendOne(PushNotice notice, CancellationToken cancellationToken)
    {
        var body = new GatewayPush(notice.Uid, notice.Title, notice.Body, new GatewayPushData(notice.MsgId, notice.Kind, notice.ShopId));
        for (var attempt = 1; ; attempt++)
        {
            string failure;
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(TimeSpan.FromSeconds(settings.TimeoutSeconds));
                using var response = await http.PostAsJsonAsync(settings.GatewayUrl, body, PushJsonContext.Default.GatewayPush, timeout.Token);
                if (response.IsSuccessStatusCode) return;
                var status = (int)response.StatusCode;
                failure = $"answered {status}";
                if (status is >= 400 and < 500 and not 408 and not 429) attempt = settings.Attempts;
            }
            catch (Exception ex) when (ex is HttpRequestException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                failure = ex is OperationCanceledException ? $"did not answer within {settings.TimeoutSeconds} s" : ex.Message;
            }
            if (attempt >= settings.Attempts)
            {
                logger.LogWarning("Push of message {MsgId} to user {Uid} dropped: the gateway {Failure} ({Attempts} attempts)",
                    notice.MsgId, notice.Uid, failure, attempt);
                return;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(250 * Math.Pow(2, attempt - 1)), cancellationToken);
        }
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
