using Mmx.Api.Lookups;
using Mmx.Api.Operations.OpenApi;
using Mmx.Api.Validation;
using Mmx.Grains.Accounts;
using Mmx.Grains.Chat;
using Mmx.Grains.ShopLife;

namespace Mmx.Api.Chat;

/// <summary>
/// The chat server's HTTP routes beside the socket (contract, "The chat socket"; the original's
/// REST_api.py): a room's info (members read it, a group's owner changes it), a user's or shop's
/// card for a chat screen, and shops' live counts.
/// </summary>
public static class ChatHttpApi
{
    public static IEndpointRouteBuilder MapChatHttpApi(this IEndpointRouteBuilder app)
    {
        var chat = app.MapGroup("/chat").WithTags("Chat");
        chat.MapGet("/room/{gname}/info", RoomInfo).Needs(RouteSecurity.Session)
            .WithSummary("A chat room's name, picture, owner and members (members only; a session, or u and p as the apps send them)");
        chat.MapPost("/room/{gname}/info", ChangeRoom).WithBody<ChatRoomChange>().Needs(RouteSecurity.Session)
            .WithSummary("The group's owner sets its name (roomName) and picture (roomImg)");
        chat.MapGet("/user/{id}/info", UserInfo)
            .WithSummary("A user's public name and portrait, or a shop's name and picture, for a chat screen");
        chat.MapGet("/shops/usernum", ShopsUserNum).WithQuery(QueryDocs.Id("shop_id", "a shop (repeat the key for several)"))
            .WithSummary("How many people are in each shop right now (its chat room's members included)");
        return app;
    }

    private static async Task<ChatRoomInfoReply> RoomInfo(string gname, HttpContext context, IGrainFactory grains, KnownIds known)
    {
        var me = await ChatIdentity.Caller(context, grains, known);
        var room = Room(gname);
        var info = await grains.GetGrain<IChatRoomGrain>(room.Value).Info(me).OrFail("room");
        return new(Err.Ok, 0, room.Value, info.Name, info.Pic, info.Owner, info.Name, info.Pic, [.. info.Members.Select(m => m.ToString())]);
    }

    private static async Task<ChatRoomInfoReply> ChangeRoom(string gname, HttpContext context, IGrainFactory grains, KnownIds known)
    {
        var me = await ChatIdentity.Caller(context, grains, known);
        var room = Room(gname);
        var change = await JsonBody.Read<ChatRoomChange>(context.Request);
        var name = (change.RoomName ?? change.Name) is { Length: > 0 } n ? Text.SingleLine(n, "roomName", 1, 32) : null;
        var pic = (change.RoomImg ?? change.Pic) is { Length: > 0 } p ? Text.Url(p, "roomImg") : null;
        if (name is null && pic is null) throw ApiException.BadRequest("give roomName or roomImg");
        (await grains.GetGrain<IChatRoomGrain>(room.Value).SetInfo(me, name, pic)).OrFail();
        return await RoomInfo(gname, context, grains, known);
    }

    private static async Task<ChatUserInfoReply> UserInfo(string id, IGrainFactory grains, KnownIds known)
    {
        var number = AccountNumber.Digits(id) is { } digits && long.TryParse(digits, out var n) ? n : throw ApiException.BadRequest("id must be a user or shop id");
        if (await known.IsAccount(number) && (await grains.GetGrain<IUserGrain>(number).GetProfile()).Value is { } profile)
            return new(Err.Ok, number, profile.Name, profile.Portrait);
        if (await known.IsShop(number))
        {
            var shop = (await grains.GetGrain<IShopLifeGrain>(number).Info(0).OrFail("shop")).Shop;
            return new(Err.Ok, number, shop.Name, shop.FirstPic);
        }
        throw ApiException.NotFound("user");
    }

    private static async Task<ChatShopsUserNumReply> ShopsUserNum(HttpContext context, IGrainFactory grains, KnownIds known)
    {
        var shops = context.Request.Query.IdList("shop_id");
        var counts = new Dictionary<string, long>();
        foreach (var sid in shops)
        {
            await known.RequireShop(sid);
            counts[sid.ToString()] = (await grains.GetGrain<IShopLifeGrain>(sid).Info(0).OrFail("shop")).Counts.Customers;
        }
        return new(Err.Ok, true, counts[shops[0].ToString()], counts);
    }

    private static ChatRoomName Room(string gname) => ChatRoomName.Parse(gname) ?? throw ApiException.BadRequest("gname must be shop_{sid}, e2e_{a}_{b} or users_...");
}
