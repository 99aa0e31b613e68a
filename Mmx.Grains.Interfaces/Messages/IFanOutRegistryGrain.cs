namespace Mmx.Grains.Messages;

/// <summary>The unfinished fan-outs (key 0), so that silos can resume them after a failure.</summary>
[Alias("mmx.messages.IFanOutRegistryGrain")]
public interface IFanOutRegistryGrain : IGrainWithIntegerKey
{
    const long Key = 0;

    [Alias("Opened")]
    Task Opened(long msgId);

    [Alias("Closed")]
    Task Closed(long msgId);

    /// <summary>Asks every unfinished fan-out to continue.</summary>
    [Alias("ResumeAll")]
    Task ResumeAll();
}
