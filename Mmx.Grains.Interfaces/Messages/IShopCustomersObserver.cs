namespace Mmx.Grains.Messages;

/// <summary>An API front whose streams show a shop's live customer count.</summary>
[Alias("mmx.messages.IShopCustomersObserver")]
public interface IShopCustomersObserver : IGrainObserver
{
    [OneWay, Alias("OnCustomers")]
    Task OnCustomers(long shopId, long customers);
}
