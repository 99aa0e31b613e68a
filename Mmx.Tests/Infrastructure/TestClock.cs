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
}
