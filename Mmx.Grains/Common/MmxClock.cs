namespace Mmx.Grains.Common;

/// <summary>
/// MMX's grains read time from the TimeProvider registered under this key (the system clock in
/// production). It is kept apart from the unkeyed TimeProvider that Orleans itself uses, so tests
/// can move MMX's clock by days without moving membership heartbeats or message time-outs.
/// </summary>
public static class MmxClock
{
    public const string Key = "mmx-clock";
}
