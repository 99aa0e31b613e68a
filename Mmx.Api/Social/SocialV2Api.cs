using Mmx.Api.Lookups;
using System.Globalization;
using System.Text.Json;
using Mmx.Api.Validation;
using Mmx.Grains.Accounts;
using Mmx.Grains.Social;

namespace Mmx.Api.Social;

/// <summary>
/// The v2 social routes (snake_case answers): /userweb/{uid}/friends, /userweb/search/{phone or mcode},
/// /userweb/{uid}/friend/remark, /userweb/selectphones, /userweb/sendinvite2.
/// </summary>
public static class SocialV2Api
{
    public const int MaxPhoneBook = 1000;

    public static IEndpointRouteBuilder MapSocialV2Api(this IEndpointRouteBuilder app)
    {
        var web = app.MapGroup("/userweb").WithTags("Friends (v2)").RequireSession();
        web.MapGet("/{uid}/friends", Friends).WithSummary("Your friends grouped by the initial of their display name");
        web.MapGet("/search/{key}", Search).WithSummary("Find a user by phone or mcode (phone and email only for friends)")
            .RequireRateLimiting(Operations.RateLimits.Lookup);
        web.MapPost("/{uid}/friend/remark", Remark).WithBody<RemarkV2Request>().WithSummary("Set your remark name for a friend");
        web.MapPost("/selectphones", SelectPhones).WithBody<SelectPhonesRequest>().WithSummary("Classify a phone book: friends, other members, not members")
            .RequireRateLimiting(Operations.RateLimits.Bulk);
        web.MapPost("/sendinvite2", SendInvite).WithBody<SendInviteRequest>()
            .WithSummary("Invite a phone-book contact: a member gets a friend invitation, another number an SMS invitation kept for its sign-up")
            .RequireRateLimiting(Operations.RateLimits.Lookup);
        return app;
    }

    private static async Task<FriendsV2Reply> Friends(string uid, HttpContext context, IGrainFactory grains, KnownIds known)
    {
        var me = FriendAccess.RequireSelf(uid, context.AccId());
        var friends = await grains.GetGrain<IUserSocialGrain>(me).Friends();
        var profiles = await UserCards.Profiles(grains, known, friends.Select(f => f.FriendId));
        var cities = await UserCards.CityNames(grains);
        var byName = StringComparer.Create(CultureInfo.GetCultureInfo("zh-CN"), ignoreCase: true);
        var cards = friends.Where(f => profiles.ContainsKey(f.FriendId))
            .Select(f => Card(context, f.FriendId, profiles[f.FriendId], cities, isFriend: true,
                displayName: f.Remark.Length > 0 ? f.Remark : profiles[f.FriendId].Name))
            .ToList();
        var groups = cards.GroupBy(c => NameInitials.Of(c.FriendName))
            .OrderBy(g => g.Key == NameInitials.Other ? 1 : 0).ThenBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(c => c.FriendName, byName).ToList());
        return new(Err.Ok, cards.Count, groups);
    }

    private static async Task<SearchAnswer> Search(string key, HttpContext context, IGrainFactory grains, KnownIds known)
    {
        var me = context.AccId();
        var text = key.Trim();
        long? owner = Phone.Normalize(text) is { } phone
            ? await grains.GetGrain<IPhoneGrain>(phone).Owner()
            : AccountNumber.IsAccountNumber(text)
                ? await AccountNumber.Resolve(grains, known, text, "search", checkExists: true)
                : throw ApiException.BadRequest("search by an 11-digit phone number, an mcode or a user id");
        if (owner is not { } uid) throw ApiException.NotFound("user");
        var profile = await grains.GetGrain<IUserGrain>(uid).GetProfile().OrFail("user");
        var isFriend = uid == me || await FriendAccess.AreFriends(grains, me, uid);
        var card = Card(context, uid, profile, await UserCards.CityNames(grains), isFriend, profile.Name);
        var found = new SearchedUser(card.FriendId, card.Name, card.Gender, card.Birthday, card.Mcode, card.Qrcode,
            card.PhoneNo, card.Email, card.PortraitUrl, card.CityId, card.CityName);
        // The user's fields at the top level (the spec) and as the one item of `users` (the web client).
        return new SearchAnswer(found, [found with { PortraitUrl = card.PortraitUrl.Length > 0 ? new[] { card.PortraitUrl } : Array.Empty<string>() }]);
    }

    private static async Task<SuccessV2Reply> Remark(string uid, HttpContext context, IGrainFactory grains)
    {
        var me = FriendAccess.RequireSelf(uid, context.AccId());
        var body = await JsonBody.Read<RemarkV2Request>(context.Request);
        var friend = BodyId.Required(body.FriendId, "friend_id");
        var remark = Text.SingleLine(body.Remark?.Trim(), "remark", 0, FriendsApi.MaxRemarkLength);
        var err = await grains.GetGrain<IUserSocialGrain>(me).SetRemark(friend, remark);
        if (err != Err.Ok) throw ApiException.Forbidden("not your friend");
        return new(Err.Ok, true);
    }

    private static async Task<SendInviteReply> SendInvite(HttpContext context, IGrainFactory grains)
    {
        var me = context.AccId();
        var body = await JsonBody.Read<SendInviteRequest>(context.Request);
        var phone = Phone.Required(body.Phone);
        var remark = Text.SingleLine(body.Remark?.Trim(), "remark", 0, FriendsApi.MaxRemarkLength);
        await PhoneInvitations.Take(grains, me, phone);
        await PhoneInvitations.ByPhone(grains, me, phone, remark);
        var des = $"我在用喵喵熊逛附近的店，用你的手机号 {phone} 注册就能看到我的好友邀请：{Http.PublicUrls.Base(context.Request)}";
        return new(Err.Ok, true, Sms: 1, des);
    }

    private static async Task<PhoneBookClasses> SelectPhones(HttpContext context, IGrainFactory grains)
    {
        var me = context.AccId();
        var body = await JsonBody.Read<SelectPhonesRequest>(context.Request);
        var book = body.PhoneList ?? throw ApiException.BadRequest("phone_list is required");
        if (book.Count > MaxPhoneBook) throw ApiException.BadRequest($"phone_list: at most {MaxPhoneBook} numbers");
        var social = grains.GetGrain<IUserSocialGrain>(me);
        var numbers = book.Select(entry => Phone.Normalize(entry.ValueKind switch
        {
            JsonValueKind.String => entry.GetString(),
            JsonValueKind.Number => entry.GetRawText(),
            _ => null,
        })).ToList();
        var distinct = numbers.OfType<string>().Distinct().ToList();
        if (await social.TryTakeBulkLookup(distinct.Count) is not Err.Ok and var refused)
            throw new ApiException(refused, "too many phone book look-ups (a few a minute, 2,000 numbers a day); try again later");
        // One in-memory call per number, all in flight together.
        var owners = (await Task.WhenAll(distinct.Select(n => grains.GetGrain<IPhoneGrain>(n).Owner())))
            .Zip(distinct).Where(o => o.First is not null).ToDictionary(o => o.Second, o => o.First!.Value);
        var friends = (await social.Friends()).Select(f => f.FriendId).ToHashSet();

        var result = new PhoneBookClasses();
        for (var i = 0; i < book.Count; i++)
        {
            if (numbers[i] is not { } number || !owners.TryGetValue(number, out var owner)) result.NotPlatform.Add(book[i]);
            else if (owner == me) continue;
            else if (friends.Contains(owner)) result.PlatformFriend.Add(book[i]);
            else result.PlatformNotFriend.Add(book[i]);
        }
        return result;
    }

    private static FriendCard Card(HttpContext context, long uid, Profile profile, Dictionary<long, string> cities,
        bool isFriend, string displayName) => new(
        FriendId: uid,
        FriendName: displayName,
        Gender: profile.Gender,
        Mcode: profile.Mcode,
        Qrcode: PublicUrls.Card(context.Request, uid),
        PhoneNo: isFriend ? profile.Phone : "",
        // MMX keeps no e-mail address or birthday (email login is not supported): always empty.
        Email: "",
        PortraitUrl: profile.Portrait,
        CityId: profile.City,
        CityName: cities.GetValueOrDefault(profile.City, ""),
        Name: profile.Name,
        Birthday: "");

}
