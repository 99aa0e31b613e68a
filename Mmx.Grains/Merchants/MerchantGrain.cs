using Mmx.Grains.Accounts.Sms;

namespace Mmx.Grains.Merchants;

public sealed partial class MerchantGrain(
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

    public async Task<Outcome<MerchantShop>> GetShop() => Exists
        ? Outcome<MerchantShop>.Ok(new MerchantShop { Shop = await Latest(), Extras = S.Extras, Status = CurrentStatus() })
        : Outcome<MerchantShop>.Fail(Err.NotFound);

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

    public async Task<Err> SetPictures(ImmutableArray<string> pictures)
    {
        if (!Exists) return Err.NotFound;
        return await Revise((await Latest()) with { Pics = pictures }, S.Extras);
    }

    /// <summary>The shop as it stands: the catalogue's copy (shown or not) unless this grain's last edit is newer (a tie is the same version, or an import stamped the same instant: the catalogue's stands).</summary>
    private async Task<Shop> Latest()
    {
        var stored = await GrainFactory.GetGrain<IShopGrain>(ShopId).Stored();
        return stored is { } shop && shop.Revised >= S.Shop!.Revised ? shop : S.Shop!;
    }

    /// <summary>Stores the new version (stamped now, never before the last), then publishes it when the shop is live.</summary>
    private async Task<Err> Revise(Shop shop, ShopExtras extras)
    {
        var revised = Math.Max(time.GetUtcNow().ToUnixTimeMilliseconds(), shop.Revised + 1);
        var live = CurrentStatus() == MerchantStatus.Live;
        state.State = S with { Shop = shop with { Id = ShopId, Revised = revised }, Extras = extras, Published = !live };
        await state.WriteStateAsync();
        return live ? await Publish(S.Shop!) : Err.Ok;
    }

    /// <summary>
    /// Puts the stored shop in the catalogue (an import of one shop: listings, fronts' copies),
    /// shown while the service is live and withdrawn otherwise, and notes it done.
    /// </summary>
    /// <param name="latest">The shop to publish: the one an edit just stored, else <see cref="Latest"/> (an operator's import since the last edit is kept).</param>
    private async Task<Err> Publish(Shop latest)
    {
        state.State = S with { Shop = latest };
        var shop = latest with { Withdrawn = CurrentStatus() != MerchantStatus.Live };
        var published = await GrainFactory.GetGrain<ICatalogueGrain>(ICatalogueGrain.Key).Import(new CatalogueImport { Shops = [shop], SetsVisibility = true });
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
        var retry = CurrentStatus() == MerchantStatus.Live && (!S.Published || S.NoticeSentFor != S.Decisions);
        if (!retry)
        {
            var from = S.ServiceUntil is { } until && until > time.GetUtcNow() ? until : time.GetUtcNow();
            state.State = S with
            {
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
        if (!S.Published && await Publish(await Latest()) is not Err.Ok and var refused) return refused;
        await GrainFactory.GetGrain<IServicePeriodsGrain>(IServicePeriodsGrain.Key).Track(ShopId, S.ServiceUntil!.Value);
        await GrainFactory.GetGrain<IMerchantAuditQueueGrain>(IMerchantAuditQueueGrain.Key).Remove(ShopId);
        await Notify($"【喵喵熊】您的店铺「{S.Shop!.Name}」已通过审核，服务期至{S.ServiceUntil!.Value.ToOffset(ShanghaiCalendar.Offset):yyyy-MM-dd}。");
        logger.LogInformation("Shop {ShopId} approved until {Until}, {Quota} fan messages a month", ShopId, S.ServiceUntil, S.MonthlyQuota);
        return Err.Ok;
    }

    public async Task<Err> SetStatus(MerchantStatus status)
    {
        if (!Exists) return Err.NotFound;
        var now = CurrentStatus();
        var allowed = status switch
        {
            MerchantStatus.Suspended or MerchantStatus.Closed => now is MerchantStatus.Live or MerchantStatus.Suspended or MerchantStatus.Closed or MerchantStatus.Expired,
            // Shown again only while its period lasts (an expired service is renewed by approving it).
            MerchantStatus.Live => (now is MerchantStatus.Live or MerchantStatus.Suspended or MerchantStatus.Closed) && S.ServiceUntil > time.GetUtcNow(),
            _ => false,
        };
        if (!allowed) return status is MerchantStatus.Suspended or MerchantStatus.Closed or MerchantStatus.Live ? Err.Forbidden : Err.BadRequest;
        if (S.Status != status)
        {
            state.State = S with { Status = status, Published = false };
            await state.WriteStateAsync();
            logger.LogInformation("Shop {ShopId} is now {Status}", ShopId, status);
        }
        return S.Published ? Err.Ok : await Publish(await Latest());
    }

    public async Task<DateTimeOffset?> Expire()
    {
        if (!Exists) return null;
        if (S.Status == MerchantStatus.Live)
        {
            if (S.ServiceUntil > time.GetUtcNow()) return S.ServiceUntil;
            state.State = S with { Status = MerchantStatus.Expired, Published = false };
            await state.WriteStateAsync();
            logger.LogInformation("Shop {ShopId}'s service ended at {Until}: withdrawn", ShopId, S.ServiceUntil);
        }
        if (S.Status != MerchantStatus.Expired || S.Published) return null;
        // Still tracked (the past end answered) until the withdrawal is published: the next round tries again.
        return await Publish(await Latest()) == Err.Ok ? null : S.ServiceUntil;
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
