// Not part of the test project's build: compiled at test time together with the client Kiota
// generates from the API's /openapi/v1.json (GeneratedClientTests), as a client developer would
// write against that client. Every call goes through the generated request builders and models.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using Mmx.Generated;
using Mmx.Generated.Models;

namespace Mmx.ClientFlows;

public static class Flows
{
    /// <summary>
    /// Sign-up, login, browse by distance, shop info, follow, favourite and friends, for two new
    /// users (phones a and b). Throws on the first answer that is not err 0; answers what it did.
    /// </summary>
    public static async Task<string> Run(Func<HttpClient> newHttp, string adminKey, string phoneA, string phoneB)
    {
        var log = new StringBuilder();
        var a = await SignUpAndLogIn(newHttp, adminKey, phoneA, log);
        var b = await SignUpAndLogIn(newHttp, adminKey, phoneB, log);

        // Browse the demo city by distance from a point in it, nearest first.
        var listingAnswer = await a.Client.User.Shop.GetAsync(c =>
        {
            c.QueryParameters.City = 1;
            c.QueryParameters.Long = 113.94;
            c.QueryParameters.Lat = 22.52;
            c.QueryParameters.Count = 100;
        });
        Expect(listingAnswer?.ErrorReply, "GET /user/shop");
        var listing = listingAnswer!.ShopListReply!;
        var shops = listing.ShopList!;
        if (shops.Count == 0) throw new InvalidOperationException("the listing is empty");
        for (var i = 1; i < shops.Count; i++)
        {
            if (shops[i].Distance < shops[i - 1].Distance) throw new InvalidOperationException("the listing is not nearest first");
        }
        var sid = shops[0].Id!.Value;
        log.AppendLine($"listing: {shops.Count} of {listing.TotalNum} shops, nearest {sid} at {shops[0].Distance} m");

        var infoAnswer = await a.Client.User.Shop.Info.GetAsync(c => c.QueryParameters.Sid = sid);
        Expect(infoAnswer?.ErrorReply, "GET /user/shop/info");
        var info = infoAnswer!.ShopInfoReply!;
        if (info.Info!.Id != sid || string.IsNullOrEmpty(info.Info.Name)) throw new InvalidOperationException("shop info is not the shop asked for");
        log.AppendLine($"shop info: {info.Info.Name}, {info.Info.Fans} fans");

        // Follow the shop; it is then among the followed shops.
        Expect((await a.Client.User.Shop.Concern.PostAsync(c => c.QueryParameters.Sid = sid))!.ErrorReply, "POST /user/shop/concern");
        var fansAnswer = await a.Client.User.Fans.Info.GetAsync(c => c.QueryParameters.Sid = [sid]);
        Expect(fansAnswer?.ErrorReply, "GET /user/fans/info");
        var fans = fansAnswer!.FanShopsReply!;
        if (fans.ShopList!.All(s => s.Id != sid)) throw new InvalidOperationException("the followed shop is not among the followed");
        log.AppendLine($"follow: shop {sid}");

        // Favourite the shop's first goods; the client's sync (diff from nothing) then adds it.
        var goodsAnswer = await a.Client.User.Goods.GetAsync(c => c.QueryParameters.Sid = sid);
        Expect(goodsAnswer?.ErrorReply, "GET /user/goods");
        var goods = goodsAnswer!.GoodsListReply!;
        var gid = goods.GoodsList!.First().Id!.Value;
        Expect((await a.Client.User.Goods.Concern.PostAsync(c => c.QueryParameters.Gid = gid))!.ErrorReply, "POST /user/goods/concern");
        var savedAnswer = await a.Client.User.Favorite.Diff.PostAsync(new GoodsIdsRequest { GoodsIDs = [] });
        Expect(savedAnswer?.ErrorReply, "POST /user/favorite/diff");
        var saved = savedAnswer!.SavedGoodsDiffReply!;
        if (saved.AddGoodsIDs?.Contains(gid) != true) throw new InvalidOperationException("the saved goods is not in the diff");
        log.AppendLine($"favourite: goods {gid}");

        // a invites b by phone, b sees the invitation and accepts, a sees b among friends.
        var invite = new InviteRequest { Mode = 1, Phone = new InviteRequest.InviteRequest_phone { String = phoneB }, Remark = "from the generated client" };
        Expect((await a.Client.User.Friend.Invite.PostAsync(invite))!.ErrorReply, "POST /user/friend/invite");
        var invitationsAnswer = await b.Client.User.Friend.Invite.GetAsync();
        Expect(invitationsAnswer?.ErrorReply, "GET /user/friend/invite");
        var invitations = invitationsAnswer!.InvitationsReply!;
        if (invitations.InviteList!.All(i => i.Uid != a.AccId)) throw new InvalidOperationException("b has no invitation from a");
        Expect((await b.Client.User.Friend.Accept.PostAsync(c => { c.QueryParameters.Uid = a.AccId; c.QueryParameters.Accept = 1; }))!.ErrorReply,
            "POST /user/friend/accept");
        var friendsAnswer = await a.Client.User.Friend.GetAsync(c => c.QueryParameters.Uid = [b.AccId]);
        Expect(friendsAnswer?.ErrorReply, "GET /user/friend");
        var friends = friendsAnswer!.FriendsReply!;
        if (friends.FrdList!.All(f => f.FrdID != b.AccId)) throw new InvalidOperationException("b is not among a's friends");
        log.AppendLine($"friends: {a.AccId} and {b.AccId}");
        return log.ToString();
    }

    private sealed record User(MmxApiClient Client, long AccId);

    private static async Task<User> SignUpAndLogIn(Func<HttpClient> newHttp, string adminKey, string phone, StringBuilder log)
    {
        var anonymous = Client(newHttp(), token: null);
        Expect((await anonymous.User.Gencode.PostAsync(new PhoneRequest { Phone = new PhoneRequest.PhoneRequest_phone { String = phone } }))!.ErrorReply,
            "POST /user/gencode");
        // The code the SMS would carry, from the operator's outbox (the embedded default keeps one).
        var outboxAnswer = await anonymous.Admin.Sms.GetAsync(c =>
        {
            c.QueryParameters.Phone = phone;
            c.Headers.Add("X-Admin-Key", adminKey);
        });
        Expect(outboxAnswer?.ErrorReply, "GET /admin/sms");
        var outbox = outboxAnswer!.SmsOutboxReply!;
        var code = outbox.Messages!.First().Code;
        var verifiedAnswer = await anonymous.User.Vercode.PostAsync(new VerifyCodeRequest
        {
            Phone = new VerifyCodeRequest.VerifyCodeRequest_phone { String = phone },
            Code = new VerifyCodeRequest.VerifyCodeRequest_code { String = code },
        });
        Expect(verifiedAnswer?.ErrorReply, "POST /user/vercode");
        var verified = verifiedAnswer!.TicketReply!;
        const string password = "generated-client-1";
        var registeredAnswer = await anonymous.User.Register.PostAsync(new PhonePasswordRequest
        {
            Phone = new PhonePasswordRequest.PhonePasswordRequest_phone { String = phone },
            Password = password,
            Ticket = verified.Ticket,
        });
        Expect(registeredAnswer?.ErrorReply, "POST /user/register");
        var registered = registeredAnswer!.RegisterReply!;

        var loginAnswer = await anonymous.User.Login.PostAsync(new LoginRequest
        {
            Mode = 2, Type = 4, Phone = new LoginRequest.LoginRequest_phone { String = phone }, Password = password, Dev = "kiota",
        });
        Expect(loginAnswer?.ErrorReply, "POST /user/login");
        var login = loginAnswer!.LoginReply!;
        if (login.AccID != registered.AccID) throw new InvalidOperationException("login answered another account");
        log.AppendLine($"sign-up and login: {phone} is {login.AccID}");
        return new User(Client(newHttp(), login.Token), login.AccID!.Value);
    }

    private static MmxApiClient Client(HttpClient http, string? token)
    {
        if (token is not null) http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var adapter = new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: http)
        {
            BaseUrl = http.BaseAddress!.ToString().TrimEnd('/'),
        };
        return new MmxApiClient(adapter);
    }

    /// <summary>
    /// An answer is the typed reply and the error reply at once (Kiota's wrapper for the document's
    /// anyOf); the shared err and msg land in the ErrorReply member, the data in the typed one.
    /// </summary>
    private static void Expect(ErrorReply? reply, string step)
    {
        if (reply?.Err != 0) throw new InvalidOperationException($"{step} answered err {reply?.Err?.ToString() ?? "(none)"}: {reply?.Msg}");
    }
}
