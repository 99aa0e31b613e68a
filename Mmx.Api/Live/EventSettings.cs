using System.ComponentModel.DataAnnotations;
using Mmx.Grains.Configuration;

namespace Mmx.Api.Live;

/// <summary>The live event streams of <c>GET /user/events</c> (contract, "Messages from fan shops and live events").</summary>
[SettingsSection("Mmx:Events")]
public sealed class EventSettings
{
    /// <summary>A comment line at least this often keeps proxies from closing an idle stream.</summary>
    [Range(1, 300)] public int KeepAliveSeconds { get; set; } = 25;
    /// <summary>A user's open streams; one more closes the oldest.</summary>
    [Range(1, 100)] public int MaxStreamsPerUser { get; set; } = 5;
    /// <summary>Events a stream may have waiting for its reader; one more drops the stream (a slow reader is not buffered without bound).</summary>
    [Range(8, 100_000)] public int QueueLength { get; set; } = 256;
    /// <summary>How often a front renews its subscriptions to users' and shops' events (they lapse after 3 minutes).</summary>
    [Range(5, 120)] public int RenewSeconds { get; set; } = 60;
}
