namespace Mmx.Grains.Messages.Push;

/// <summary>The embedded default (no <c>Mmx:Push:GatewayUrl</c>): nothing leaves the machine; GET /admin/push shows what would have.</summary>
public sealed class OutboxPushSender(IGrainFactory grains) : IPushSender
{
    public Task Send(IReadOnlyList<PushNotice> notices, CancellationToken cancellationToken) =>
        grains.GetGrain<IPushOutboxGrain>(IPushOutboxGrain.Key).Record([.. notices]);
}
