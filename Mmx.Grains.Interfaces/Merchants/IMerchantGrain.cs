using Mmx.Grains.Catalogue;

namespace Mmx.Grains.Merchants;

/// <summary>
/// One per merchant account (key: its shop's id, as the portal names a merchant by its shop):
/// the login, the contact, the shop as signed up, and the service (status, period, fan-message
/// quota). The operator's decisions arrive here; this grain publishes the shop to the catalogue
/// when it goes live.
/// </summary>
[Alias("mmx.merchants.IMerchantGrain")]
public interface IMerchantGrain : IGrainWithIntegerKey
{
    /// <summary>Fan messages a month when the operator gives no figure (contract: "Merchants").</summary>
    const int DefaultMonthlyQuota = 4;

    /// <summary>Creates the account with a pending shop and queues it for the operators. AlreadyExists when another sign-up holds this id; the same sign-up again is Ok.</summary>
    [Alias("SignUp")]
    Task<Err> SignUp(MerchantSignUp signUp);

    /// <summary>The password hash to check and the status; NotFound when there is no account.</summary>
    [Alias("BeginLogin"), ReadOnly]
    Task<Outcome<MerchantLogin>> BeginLogin();

    /// <summary>Changes the password (the merchant proved the old one); the open sessions stay.</summary>
    [Alias("SetPassword")]
    Task<Err> SetPassword(string passwordHash);

    /// <summary>
    /// Opens a login's session (the session grain's key) for this merchant and remembers it, so
    /// that a password reset can end it; the oldest beyond the cap are closed. NotFound without an account.
    /// </summary>
    [Alias("OpenSession")]
    Task<Err> OpenSession(string sessionKey);

    /// <summary>
    /// Sets a password after the merchant proved the verified phone by SMS (forgotten password):
    /// every open session ends, as a stolen one must. Idempotent.
    /// </summary>
    [Alias("ResetPassword")]
    Task<Err> ResetPassword(string passwordHash);

    [Alias("GetContact"), ReadOnly]
    Task<Outcome<MerchantContact>> GetContact();

    /// <summary>Replaces the editable contact fields (the verified phone stays).</summary>
    [Alias("ChangeContact")]
    Task<Err> ChangeContact(MerchantContact contact);

    [Alias("GetService"), ReadOnly]
    Task<Outcome<MerchantService>> GetService();

    /// <summary>The shop as it stands (the merchant's or an import's newer version, in any status) with its extras.</summary>
    [Alias("GetShop"), ReadOnly]
    Task<Outcome<MerchantShop>> GetShop();

    /// <summary>
    /// The merchant changes the shop's details (name, city, category, address, position, hours,
    /// phone) and extras; pictures, introduction and the operators' fields stay. A live shop's
    /// change is in the catalogue (every front) before this answers. Edits of one shop apply one
    /// after the other, each to the result of the one before.
    /// </summary>
    [Alias("EditShop"), ResponseTimeout("00:01:00")]
    Task<Err> EditShop(Shop details, ShopExtras extras);

    /// <summary>The merchant changes the shop's introduction only (as <see cref="EditShop"/>).</summary>
    [Alias("SetIntroduction"), ResponseTimeout("00:01:00")]
    Task<Err> SetIntroduction(string introduction);

    /// <summary>The merchant replaces the shop's pictures (in order; the first is its cover), as <see cref="EditShop"/>.</summary>
    [Alias("SetPictures"), ResponseTimeout("00:01:00")]
    Task<Err> SetPictures(ImmutableArray<string> pictures);

    /// <summary>
    /// The operator approves a pending sign-up (or renews a live, suspended or expired service):
    /// the shop goes live for <paramref name="days"/> with <paramref name="monthlyQuota"/> fan
    /// messages a month, is published to the catalogue, and the merchant gets an SMS. Idempotent:
    /// a retry completes what a failed call began and sends no second SMS.
    /// </summary>
    [Alias("Approve"), ResponseTimeout("00:02:00")]
    Task<Err> Approve(int days, int monthlyQuota);

    /// <summary>
    /// An operator's status change of a decided shop: <see cref="MerchantStatus.Suspended"/> or
    /// <see cref="MerchantStatus.Closed"/> withdraw it from users at once (on every front before
    /// the answer), <see cref="MerchantStatus.Live"/> shows it again while its period lasts
    /// (Forbidden otherwise: an approval renews it). Idempotent.
    /// </summary>
    [Alias("SetStatus"), ResponseTimeout("00:02:00")]
    Task<Err> SetStatus(MerchantStatus status);

    /// <summary>
    /// The service-period clock's call: a live service whose period is over becomes expired and
    /// the shop is withdrawn. Answers the end of a live service still running (renewed meanwhile),
    /// or of an expired one whose withdrawal is not published yet (to be asked again); else null. Idempotent.
    /// </summary>
    [Alias("Expire"), ResponseTimeout("00:02:00")]
    Task<DateTimeOffset?> Expire();

    /// <summary>The operator refuses a pending sign-up with a reason the merchant is sent by SMS. Idempotent.</summary>
    [Alias("Reject")]
    Task<Err> Reject(string reason);

    /// <summary>
    /// Publishes a new goods item of this shop (on the shelf, published now; its id, shop and time
    /// are this grain's to give): in the catalogue on every front before the answer, shown while
    /// the shop is live. Forbidden while the shop awaits its first approval (or was refused);
    /// BadRequest when the catalogue refuses it (a barcode another goods item holds).
    /// </summary>
    [Alias("AddGoods"), ResponseTimeout("00:01:00")]
    Task<Outcome<long>> AddGoods(Goods goods);

    /// <summary>
    /// Applies one edit to a goods item of this shop as it stands (edits of this shop apply one
    /// after the other), as <see cref="AddGoods"/> publishes. NotFound for goods not of this shop.
    /// </summary>
    [Alias("EditGoods"), ResponseTimeout("00:01:00")]
    Task<Err> EditGoods(long goods, GoodsChange change);

    /// <summary>Puts goods of this shop on the shelf (1) or off it (0) at once; NotFound, nothing changed, when any is not this shop's.</summary>
    [Alias("SetGoodsStatus"), ResponseTimeout("00:01:00")]
    Task<Err> SetGoodsStatus(ImmutableArray<long> goods, int status);

    /// <summary>Deletes goods of this shop from the catalogue; NotFound, nothing changed, when any is not this shop's.</summary>
    [Alias("RemoveGoods"), ResponseTimeout("00:01:00")]
    Task<Err> RemoveGoods(ImmutableArray<long> goods);

    /// <summary>
    /// Publishes a new activity of this shop (one a day, Asia/Shanghai: LimitReached for a second),
    /// as <see cref="AddGoods"/> publishes; answers its id.
    /// </summary>
    [Alias("AddActivity"), ResponseTimeout("00:01:00")]
    Task<Outcome<long>> AddActivity(ActivityDraft draft);

    /// <summary>Deletes an activity of this shop from the catalogue; NotFound when it is not this shop's.</summary>
    [Alias("RemoveActivity"), ResponseTimeout("00:01:00")]
    Task<Err> RemoveActivity(long activity);

    /// <summary>
    /// Sends a message to the shop's fans whose messages are on (<paramref name="only"/> empty: all
    /// of them, through the fan-out; else those of them listed), counted in this month's quota:
    /// LimitReached when it is used up, Forbidden unless the shop is live.
    /// </summary>
    [Alias("MessageFans")]
    Task<Outcome<Messages.PublishedMessage>> MessageFans(Messages.MessageDraft draft, ImmutableArray<long> only);
}
