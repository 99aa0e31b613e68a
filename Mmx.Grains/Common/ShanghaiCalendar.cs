namespace Mmx.Grains.Common;

/// <summary>
/// Calendar days as the app's users live them: Asia/Shanghai, UTC+8 all year (China keeps no
/// daylight saving time since 1991), so a fixed offset is exact and needs no tz database.
/// </summary>
public static class ShanghaiCalendar
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateOnly Today(TimeProvider time) =>
        DateOnly.FromDateTime(time.GetUtcNow().ToOffset(Offset).DateTime);
}
