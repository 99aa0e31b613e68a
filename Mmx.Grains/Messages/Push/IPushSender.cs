namespace Mmx.Grains.Messages.Push;

/// <summary>Hands notifications to the phones' push services (or, in the embedded default, to the outbox).</summary>
public interface IPushSender
{
    /// <summary>Sends each; one that cannot be sent after its retries is logged and dropped (the inbox still has the message).</summary>
    Task Send(IReadOnlyList<PushNotice> notices, CancellationToken cancellationToken);
}
