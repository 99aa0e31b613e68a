using System.ComponentModel.DataAnnotations;
using Mmx.Grains.Configuration;

namespace Mmx.Api.Chat;

/// <summary>The chat socket, <c>GET /chat/</c> (contract, "The chat socket").</summary>
[SettingsSection("Mmx:Chat")]
public sealed class ChatSettings
{
    /// <summary>A frame longer than this closes the socket (1009).</summary>
    [Range(1024, 1_048_576)] public int MaxFrameBytes { get; set; } = 16 * 1024;
    /// <summary>More frames than this within a second close the socket (1008).</summary>
    [Range(1, 1000)] public int FramesPerSecond { get; set; } = 20;
    /// <summary>Frames a socket may have waiting for its reader; one more drops the socket (a slow reader is not buffered without bound).</summary>
    [Range(8, 100_000)] public int QueueLength { get; set; } = 256;
    /// <summary>Unread fan-shop messages a socket is sent on connect (the newest of those it was not given yet).</summary>
    [Range(0, 500)] public int MissedMessagesOnConnect { get; set; } = 200;
    /// <summary>Messages of each conversation (pair room, group) a socket is sent on connect, the newest of those it was not given.</summary>
    [Range(0, 1000)] public int MissedChatsPerConversation { get; set; } = 200;
    /// <summary>How often a socket enters its shop rooms again (their members lapse after 10 minutes, as presence does).</summary>
    [Range(10, 540)] public int RoomRenewSeconds { get; set; } = 60;
    /// <summary>WebSocket ping interval, so that proxies keep an idle socket open.</summary>
    [Range(5, 300)] public int KeepAliveSeconds { get; set; } = 25;
}
