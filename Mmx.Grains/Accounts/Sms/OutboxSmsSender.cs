namespace Mmx.Grains.Accounts.Sms;

/// <summary>
/// The embedded default (and any deployment without Mmx:Sms:GatewayUrl): nothing leaves the
/// machine; the message lands in the number's outbox, which GET /admin/sms shows to an operator.
/// </summary>
public sealed class OutboxSmsSender(IGrainFactory grains, [FromKeyedServices(MmxClock.Key)] TimeProvider time) : ISmsSender
{
    public Task Send(string phone, string text, string code, CancellationToken cancellationToken = default) =>
        grains.GetGrain<ISmsOutboxGrain>(phone).Record(new SmsMessage
        {
            Phone = phone,
            Text = text,
            Code = code,
            Time = time.GetUtcNow().ToUnixTimeSeconds(),
        });
}
