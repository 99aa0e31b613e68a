namespace Mmx.Grains.Messages;

/// <summary>
/// The automatic notice an import sends a shop's fans when it brings the shop a new activity valid
/// today or new goods on sale (contract: kind 2, at most one a shop a day). Written in the app's
/// language, from the catalogue's own words.
/// </summary>
internal static class ShopNewsNotice
{
    private const int MaxTitle = 64;
    private const int MaxContent = 1000;
    private const int GoodsNamed = 3;

    /// <summary>
    /// Tells each shop with news. A notice that cannot be sent is logged and skipped: the import
    /// itself has succeeded, and the catalogue (hasNew, hasAct) shows the news either way.
    /// </summary>
    public static async Task Announce(IGrainFactory grains, ILogger logger, IEnumerable<Activity> activities, IEnumerable<Goods> goods)
    {
        var activitiesByShop = activities.ToLookup(a => a.Shop);
        var goodsByShop = goods.ToLookup(g => g.Shop);
        var shops = activitiesByShop.Select(g => g.Key).Union(goodsByShop.Select(g => g.Key)).ToList();
        if (shops.Count == 0) return;
        var sent = 0;
        await GrainCallBatches.Run(shops, async shop =>
        {
            try
            {
                if (await grains.GetGrain<IShopMessagesGrain>(shop).Announce(Draft([.. activitiesByShop[shop]], [.. goodsByShop[shop]])))
                    Interlocked.Increment(ref sent);
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Import: the news notice of shop {ShopId} was not sent", shop);
            }
        });
        logger.LogInformation("Import: {Shops} shops had news, {Sent} sent a notice to their fans", shops.Count, sent);
    }

    public static MessageDraft Draft(IReadOnlyList<Activity> activities, IReadOnlyList<Goods> goods)
    {
        var lines = new List<string>();
        foreach (var activity in activities)
        {
            lines.Add(activity.Content.Length > 0 ? $"{activity.Title}：{activity.Content}" : activity.Title);
        }
        if (goods.Count > 0)
        {
            var named = string.Join("、", goods.Take(GoodsNamed).Select(g => g.Desp).Where(d => d.Length > 0));
            lines.Add(named.Length > 0 ? $"{goods.Count}件新品上架：{named}" : $"{goods.Count}件新品上架");
        }
        var title = activities.Count > 0 ? $"新活动：{activities[0].Title}" : $"{goods.Count}件新品上架";
        return new MessageDraft
        {
            Kind = MessageKinds.ShopNews,
            Title = Clip(title, MaxTitle),
            Content = Clip(string.Join("\n", lines), MaxContent),
            Pic = goods.Select(g => g.FirstPic).FirstOrDefault(p => p.Length > 0) ?? "",
        };
    }

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
