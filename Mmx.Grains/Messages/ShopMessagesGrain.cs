using Mmx.Grains.ShopLife;

namespace Mmx.Grains.Messages;

[GenerateSerializer, Alias("mmx.messages.ShopMessagesState")]
public sealed record ShopMessagesState
{
    /// <summary>The day (Asia/Shanghai) of the shop's last automatic notice.</summary>
    [Id(0)] public DateOnly? LastAnnounced { get; init; }
}

/// <summary>See <see cref="IShopMessagesGrain"/>.</summary>
public sealed class ShopMessagesGrain(
    [PersistentState(stateName: "shop-messages", storageName: SiloSetup.StorageName)] IPersistentState<ShopMessagesState> state,
    [FromKeyedServices(MmxClock.Key)] TimeProvider time,
    ILogger<ShopMessagesGrain> logger)
    : Grain, IShopMessagesGrain
{
    private long ShopId => this.GetPrimaryKeyLong();

    public async Task<Outcome<PublishedMessage>> Publish(MessageDraft draft)
    {
        var stamped = await Stamp(draft);
        if (!stamped.IsOk) return stamped.Err;
        var message = stamped.Value!;
        // How many it goes to now; a fan who unfollows or switches off before their batch is left out.
        var fans = await GrainFactory.GetGrain<IShopLifeGrain>(ShopId).MessageRecipientCount();
        if (fans > 0) await GrainFactory.GetGrain<IFanOutGrain>(message.MsgId).Start(message);
        logger.LogInformation("Shop {ShopId} sent message {MsgId} (kind {Kind}) to {Fans} fans", ShopId, message.MsgId, message.Kind, fans);
        return new PublishedMessage { MsgId = message.MsgId, Fans = fans };
    }

    public async Task<Outcome<PublishedMessage>> PublishTo(MessageDraft draft, ImmutableArray<long> fans)
    {
        var stamped = await Stamp(draft);
        if (!stamped.IsOk) return stamped.Err;
        var message = stamped.Value!;
        var recipients = await GrainFactory.GetGrain<IShopLifeGrain>(ShopId).RecipientsAmong(fans);
        await Task.WhenAll(recipients.Select(fan => GrainFactory.GetGrain<IInboxGrain>(fan).Deliver(message)));
        logger.LogInformation("Shop {ShopId} sent message {MsgId} to {Fans} of {Listed} listed fans", ShopId, message.MsgId, recipients.Length, fans.Length);
        return new PublishedMessage { MsgId = message.MsgId, Fans = recipients.Length };
    }

    /// <summary>The message with its id, time and the shop's name and picture; NotFound for a shop users cannot see.</summary>
    private async Task<Outcome<ShopMessage>> Stamp(MessageDraft draft)
    {
        var shop = await GrainFactory.GetGrain<IShopGrain>(ShopId).GetDetails();
        if (!shop.IsOk) return shop.Err;
        return new ShopMessage
        {
            MsgId = await GrainFactory.GetGrain<IMessageIdGrain>(IMessageIdGrain.Key).Next(),
            Kind = draft.Kind,
            ShopId = ShopId,
            ShopName = shop.Value!.Name,
            ShopPic = shop.Value.FirstPic,
            Title = draft.Title,
            Content = draft.Content,
            Pic = draft.Pic,
            Time = time.GetUtcNow().ToUnixTimeSeconds(),
        };
    }

    public async Task<bool> Announce(MessageDraft draft)
    {
        var today = ShanghaiCalendar.Today(time);
        if (state.State.LastAnnounced >= today) return false;
        // A shop without listening fans keeps its day: the first fan-out with someone to hear it counts.
        if (await GrainFactory.GetGrain<IShopLifeGrain>(ShopId).MessageRecipientCount() == 0) return false;
        // The day is stored first: a failure after it loses that day's notice rather than sending two.
        state.State = new ShopMessagesState { LastAnnounced = today };
        await state.WriteStateAsync();
        return (await Publish(draft)).IsOk;
    }
}
