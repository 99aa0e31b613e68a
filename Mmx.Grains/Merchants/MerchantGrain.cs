using Mmx.Grains.Accounts.Sms;

namespace Mmx.Grains.Merchants;

public sealed class MerchantGrain(
    [PersistentState(stateName: "merchant", storageName: SiloSetup.StorageName)] IPersistentState<MerchantState> state,
    [FromKeyedServices(MmxClock.Key)] TimeProvider time,
    ISmsSender sms,
    ILogger<MerchantGrain> logger)
    : Grain, IMerchantGrain
{
    private MerchantState S => state.State;
    private bool Exists => S.Shop is not null;
    private long ShopId => this.GetPrimaryKeyLong();

    public async Task<Err> SignUp(MerchantSignUp signUp)
    {
        if (Exists) return S.Account == signUp.Account ? Err.Ok : Err.AlreadyExists;
        var now = time.GetUtcNow();
        state.State = new MerchantState
        {
            Account = signUp.Account,
            PasswordHash = signUp.PasswordHash,
            Contact = signUp.Contact,
            Shop = signUp.Shop with { Id = ShopId },
            Extras = signUp.Extras,
            Status = MerchantStatus.Pending,
            MonthlyQuota = IMerchantGrain.DefaultMonthlyQuota,
            SignedUp = now,
            Published = true,
        };
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<IMerchantAuditQueueGrain>(IMerchantAuditQueueGrain.Key).Add(new PendingMerchant
        {
            ShopId = ShopId, Account = S.Account, ShopName = S.Shop!.Name, City = S.Shop.City,
            ContactName = S.Contact.Name, Phone = S.Contact.Phone, SignedUp = now,
        });
        logger.LogInformation("Merchant {Account} signed up shop {ShopId}, awaiting audit", S.Account, ShopId);
        return Err.Ok;
    }

    public Task<Outcome<MerchantLogin>> BeginLogin() => Task.FromResult(Exists
        ? Outcome<MerchantLogin>.Ok(new MerchantLogin { PasswordHash = S.PasswordHash, Status = CurrentStatus(), Portrait = S.Contact.Portrait })
        : Outcome<MerchantLogin>.Fail(Err.NotFound));

    public async Task<Err> SetPassword(string passwordHash)
    {
        if (!Exists) return Err.NotFound;
        state.State = S with { PasswordHash = passwordHash };
        await state.WriteStateAsync();
        return Err.Ok;
    }

    public Task<Outcome<MerchantContact>> GetContact() =>
        Task.FromResult(Exists ? Outcome<MerchantContact>.Ok(S.Contact) : Outcome<MerchantContact>.Fail(Err.NotFound));

    public async Task<Err> ChangeContact(MerchantContact contact)
    {
        if (!Exists) return Err.NotFound;
        state.State = S with { Contact = contact with { Phone = S.Contact.Phone } };
        await state.WriteStateAsync();
        return Err.Ok;
    }

    public Task<Outcome<MerchantService>> GetService()
    {
        if (!Exists) return Task.FromResult(Outcome<MerchantService>.Fail(Err.NotFound));
        var month = MonthOf(time.GetUtcNow());
        var used = S.QuotaMonth == month ? S.QuotaUsed : 0;
        return Task.FromResult(Outcome<MerchantService>.Ok(new MerchantService
        {
            Status = CurrentStatus(),
            Until = S.ServiceUntil,
            MonthlyQuota = S.MonthlyQuota,
            QuotaLeft = Math.Max(0, S.MonthlyQuota - used),
            RejectReason = S.RejectReason,
        }));
    }

    public Task<Outcome<MerchantShop>> GetShop() => Task.FromResult(Exists
        ? Outcome<MerchantShop>.Ok(new MerchantShop { Shop = S.Shop!, Extras = S.Extras, Status = CurrentStatus() })
        : Outcome<MerchantShop>.Fail(Err.NotFound));

    public async Task<Err> EditShop(Shop details, ShopExtras extras)
    {
        if (!Exists) return Err.NotFound;
        var current = await Latest();
        return await Revise(current with
        {
            Name = details.Name, City = details.City, Category = details.Category, Address = details.Address,
            Long = details.Long, Lat = details.Lat, Hours = details.Hours, Phone = details.Phone,
        }, extras);
    }

    public async Task<Err> SetIntroduction(string introduction)
    {
        if (!Exists) return Err.NotFound;
        return await Revise((await Latest()) with { Intro = introduction }, S.Extras);
    }

    /// <summary>The shop as it stands: the catalogue's copy when an import changed it after this grain's last edit.</summary>
    private async Task<Shop> Latest()
    {
        if (S.Status != MerchantStatus.Live) return S.Shop!;
        var listed = await GrainFactory.GetGrain<IShopGrain>(ShopId).GetDetails();
        return listed.Value is { } shop && shop.Revised > S.Shop!.Revised ? shop : S.Shop!;
    }

    /// <summary>Stores the new version (stamped now, never before the last), then publishes it when the shop is live.</summary>
    private async Task<Err> Revise(Shop shop, ShopExtras extras)
    {
        var revised = Math.Max(time.GetUtcNow().ToUnixTimeMilliseconds(), shop.Revised + 1);
        var live = CurrentStatus() == MerchantStatus.Live;
        state.State = S with { Shop = shop with { Id = ShopId, Revised = revised }, Extras = extras, Published = !live };
        await state.WriteStateAsync();
        return live ? await Publish() : Err.Ok;
    }

    /// <summary>Puts the stored shop in the catalogue (an import of one shop: listings, fronts' copies) and notes it done.</summary>
    private async Task<Err> Publish()
    {
        var published = await GrainFactory.GetGrain<ICatalogueGrain>(ICatalogueGrain.Key).Import(new CatalogueImport { Shops = [S.Shop!] });
        if (!published.IsOk)
        {
            logger.LogWarning("Shop {ShopId} was not published: the catalogue refused it: {Problem}", ShopId, published.Message);
            return published.Err;
        }
        state.State = S with { Published = true };
        await state.WriteStateAsync();
        return Err.Ok;
    }

    public async Task<Err> Approve(int days, int monthlyQuota)
    {
        if (!Exists) return Err.NotFound;
        if (S.Status is MerchantStatus.Rejected or MerchantStatus.Closed) return Err.Forbidden;
        // A retry of the same approval (live, a publication or its notice owed) completes it.
        var retry = S.Status == MerchantStatus.Live && (!S.Published || S.NoticeSentFor != S.Decisions);
        if (!retry)
        {
            var from = S.ServiceUntil is { } until && until > time.GetUtcNow() ? until : time.GetUtcNow();
            state.State = S with
            {
                Shop = S.Shop! with { Revised = Math.Max(time.GetUtcNow().ToUnixTimeMilliseconds(), S.Shop!.Revised + 1) },
                Status = MerchantStatus.Live,
                ServiceUntil = from + TimeSpan.FromDays(days),
                MonthlyQuota = monthlyQuota,
                Published = false,
                RejectReason = "",
                Decisions = S.Decisions + 1,
            };
            await state.WriteStateAsync();
        }
        // Stored first, then published: a silo lost in between leaves Published false for the retry.
        if (!S.Published && await Publish() is not Err.Ok and var refused) return refused;
        await GrainFactory.GetGrain<IMerchantAuditQueueGrain>(IMerchantAuditQueueGrain.Key).Remove(ShopId);
        await Notify($"【喵喵熊】您的店铺「{S.Shop!.Name}」已通过审核，服务期至{S.ServiceUntil!.Value.ToOffset(ShanghaiCalendar.Offset):yyyy-MM-dd}。");
        logger.LogInformation("Shop {ShopId} approved until {Until}, {Quota} fan messages a month", ShopId, S.ServiceUntil, S.MonthlyQuota);
        return Err.Ok;
    }

    public async Task<Err> Reject(string reason)
    {
        if (!Exists) return Err.NotFound;
        if (S.Status is not (MerchantStatus.Pending or MerchantStatus.Rejected)) return Err.Forbidden;
        if (S.Status == MerchantStatus.Pending)
        {
            state.State = S with { Status = MerchantStatus.Rejected, RejectReason = reason, Decisions = S.Decisions + 1 };
            await state.WriteStateAsync();
        }
        await GrainFactory.GetGrain<IMerchantAuditQueueGrain>(IMerchantAuditQueueGrain.Key).Remove(ShopId);
        await Notify($"【喵喵熊】您的店铺「{S.Shop!.Name}」未通过审核：{S.RejectReason}");
        logger.LogInformation("Shop {ShopId} rejected: {Reason}", ShopId, S.RejectReason);
        return Err.Ok;
    }

    /// <summary>The decision's SMS, once per decision; a failed delivery is logged (the portal shows the status too).</summary>
    private async Task Notify(string text)
    {
        if (S.NoticeSentFor == S.Decisions) return;
        try
        {
            await sms.Send(S.Contact.Phone, text, code: "");
        }
        catch (SmsDeliveryException ex)
        {
            logger.LogWarning(ex, "The audit notice for shop {ShopId} was not delivered", ShopId);
        }
        state.State = S with { NoticeSentFor = S.Decisions };
        await state.WriteStateAsync();
    }

    /// <summary>A live service whose period is over is expired, whether or not anything marked it yet.</summary>
    private MerchantStatus CurrentStatus() =>
        S.Status == MerchantStatus.Live && S.ServiceUntil <= time.GetUtcNow() ? MerchantStatus.Expired : S.Status;

    private static int MonthOf(DateTimeOffset moment)
    {
        var local = moment.ToOffset(ShanghaiCalendar.Offset);
        return local.Year * 100 + local.Month;
    }
}
