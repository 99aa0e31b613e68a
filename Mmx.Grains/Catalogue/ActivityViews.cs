namespace Mmx.Grains.Catalogue;

/// <summary>Shapes an activity with its shop's name and picture, as the activity routes answer it.</summary>
internal static class ActivityViews
{
    public static ActivityView Of(Activity activity, Shop shop) => new()
    {
        Id = activity.Id,
        Title = activity.Title,
        Content = activity.Content,
        Bt = activity.Bt,
        Et = activity.Et,
        ShopId = shop.Id,
        ShopName = shop.Name,
        ShopPicture = shop.FirstPic,
    };
}
