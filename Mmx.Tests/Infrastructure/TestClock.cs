using Microsoft.Extensions.Time.Testing;

namespace Mmx.Tests.Infrastructure;

/// <summary>
/// The one fake clock of the in-process test clusters: silos resolve TimeProvider to it, tests
/// move it. Starts at 2026-03-15 12:00 Asia/Shanghai.
/// </summary>
public static class TestClock
{
    public static readonly DateTimeOffset Start = new(2026, 3, 15, 12, 0, 0, TimeSpan.FromHours(8));
    public static readonly FakeTimeProvider Instance = new(Start);

    /// <summary>
    /// Moves the clock forward to the next 09:00 Asia/Shanghai, so that a test counting things per
    /// day has the whole day ahead of it. The clock never goes back.
    /// </summary>
    public static void MoveToMorning()
    {
        var local = Instance.GetUtcNow().ToOffset(TimeSpan.FromHours(8));
        var next = new DateTimeOffset(local.Date.AddDays(1).AddHours(9), TimeSpan.FromHours(8));
        Instance.SetUtcNow(next);
    }
}
