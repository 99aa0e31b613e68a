namespace Mmx.Grains.Accounts.Sms;

/// <summary>Delivers a text message. Throws <see cref="SmsDeliveryException"/> when it could not.</summary>
public interface ISmsSender
{
    Task Send(string phone, string text, string code, CancellationToken cancellationToken = default);
}

public sealed class SmsDeliveryException(string message, Exception? inner = null) : Exception(message, inner);
