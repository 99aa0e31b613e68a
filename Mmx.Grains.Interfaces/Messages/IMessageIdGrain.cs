namespace Mmx.Grains.Messages;

/// <summary>Hands out message ids, rising, never twice (key 0).</summary>
[Alias("mmx.messages.IMessageIdGrain")]
public interface IMessageIdGrain : IGrainWithIntegerKey
{
    const long Key = 0;

    [Alias("Next")]
    Task<long> Next();
}
