using Mmx.Grains.Messages;

namespace Mmx.Tests.Messages;

internal static class MessageTestKit
{
    /// <summary>A message as a fan-out carries it, with the given id.</summary>
    public static ShopMessage Message(long msgId, long shopId = 1, string title = "t") => new()
    {
        MsgId = msgId, Kind = MessageKinds.ShopMessage, ShopId = shopId, ShopName = "shop", Title = title, Content = "c", Time = 1_700_000_000 + msgId,
    };

    public static MessageDraft Draft(string title = "新品到店", string content = "本周新品八折") =>
        new() { Kind = MessageKinds.ShopMessage, Title = title, Content = content };

    /// <summary>Waits (up to <paramref name="seconds"/>) until the fan-out of the message says it is done.</summary>
    public static async Task<FanOutProgress> Finished(IGrainFactory grains, long msgId, int seconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            try
            {
                var progress = await grains.GetGrain<IFanOutGrain>(msgId).Progress();
                if (progress.Done) return progress;
            }
            catch (Exception) when (DateTime.UtcNow < deadline)
            {
                // A silo that died held it: it comes back elsewhere.
            }
            if (DateTime.UtcNow > deadline) Assert.Fail($"the fan-out of message {msgId} did not finish within {seconds} s");
            await Task.Delay(200);
        }
    }
}
