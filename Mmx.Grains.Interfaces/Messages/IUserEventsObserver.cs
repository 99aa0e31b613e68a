namespace Mmx.Grains.Messages;

/// <summary>An API front holding event streams: one object per front for all its users.</summary>
[Alias("mmx.messages.IUserEventsObserver")]
public interface IUserEventsObserver : IGrainObserver
{
    [OneWay, Alias("OnUserEvent")]
    Task OnUserEvent(long accId, UserEvent userEvent);
}
