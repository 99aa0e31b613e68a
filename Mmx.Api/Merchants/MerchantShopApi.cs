using System.Text.Json.Serialization;
using Mmx.Api.Lookups;
using Mmx.Api.Validation;
using Mmx.Grains.Merchants;

namespace Mmx.Api.Merchants;

/// <summary>
/// The merchant's edits of its shop (the portal's shop page): the details and the introduction.
/// A live shop's edit reaches users as an import does, on every front before the answer; the
/// public read of a shop (GET /shop/{sid}) is the catalogue's.
/// </summary>
public static class MerchantShopApi
{
    public const int MaxIntroduction = 2000;

    public static IEndpointRouteBuilder MapMerchantShopApi(this IEndpointRouteBuilder app)
    {
        var own = app.MapGroup("/shop/{sid:long}").WithTags("Merchants").RequireMerchant();
        own.MapPut("", Edit).WithBody<ShopFieldsRequest>().WithSummary("Change the shop's details (a live shop's change is on every front before the answer)");
        own.MapGet("/introduction", Introduction).WithSummary("The shop's introduction, in any status");
        own.MapMethods("/introduction", ["PUT", "POST"], SetIntroduction).WithBody<ShopIntroductionRequest>().WithSummary("Change the shop's introduction");
        own.MapGet("/image", Pictures).WithSummary("The shop's pictures, in any status (the first is its cover)");
        own.MapMethods("/image", ["PUT", "POST"], SetPictures).WithBody<ShopPicturesRequest>()
            .WithSummary("Replace the shop's pictures: MMX's own uploads (/file/uploader) or pictures the shop already has");
        return app;
    }

    private static async Task<MerchantDoneReply> Edit(HttpContext context, long sid, IGrainFactory grains, KnownIds known)
    {
        var shopId = context.OwnShop(sid);
        var body = await JsonBody.Read<ShopFieldsRequest>(context.Request);
        var (shop, extras) = await MerchantSignUpForm.Shop(body, grains, known);
        (await grains.GetGrain<IMerchantGrain>(shopId).EditShop(shop, extras)).OrFail();
        return new(Err.Ok, true, shopId);
    }

    private static async Task<ShopIntroductionReply> Introduction(HttpContext context, long sid, IGrainFactory grains)
    {
        var shopId = context.OwnShop(sid);
        var shop = (await grains.GetGrain<IMerchantGrain>(shopId).GetShop()).OrFail();
        return new(Err.Ok, true, shopId, shop.Shop.Intro);
    }

    private static async Task<MerchantDoneReply> SetIntroduction(HttpContext context, long sid, IGrainFactory grains)
    {
        var shopId = context.OwnShop(sid);
        var body = await JsonBody.Read<ShopIntroductionRequest>(context.Request);
        // Absent is no edit (err 1): only an empty introduction clears it.
        var introduction = Text.MultiLine(body.Introduction?.Trim() ?? throw ApiException.BadRequest("introduction is required"), "introduction", 0, MaxIntroduction);
        (await grains.GetGrain<IMerchantGrain>(shopId).SetIntroduction(introduction)).OrFail();
        return new(Err.Ok, true, shopId);
    }

    private static async Task<ShopPicturesReply> Pictures(HttpContext context, long sid, IGrainFactory grains)
    {
        var shopId = context.OwnShop(sid);
        var shop = (await grains.GetGrain<IMerchantGrain>(shopId).GetShop()).OrFail();
        return new(Err.Ok, true, shopId, shop.Shop.Pics);
    }

    /// <summary>
    /// The portal uploads a picture, then puts the whole list back (the new one first) and removes
    /// one the same way. A new URL must be MMX's own (so that a shop's pictures never point at a
    /// stranger's host); those the shop has (an import's) may stay.
    /// </summary>
    private static async Task<MerchantDoneReply> SetPictures(HttpContext context, long sid, IGrainFactory grains)
    {
        var shopId = context.OwnShop(sid);
        var body = await JsonBody.Read<ShopPicturesRequest>(context.Request);
        if (body.PicUrlList is null or { ValueKind: System.Text.Json.JsonValueKind.Null }) throw ApiException.BadRequest("pic_url_list is required");
        var pictures = CatalogueFields.Urls(JsonLists.Strings(body.PicUrlList, "pic_url_list"), "pic_url_list").Distinct().ToImmutableArray();
        var merchant = grains.GetGrain<IMerchantGrain>(shopId);
        var current = (await merchant.GetShop()).OrFail().Shop.Pics;
        if (pictures.FirstOrDefault(p => !current.Contains(p) && !StoredImages.IsStored(context.Request, p)) is { } foreign)
            throw ApiException.BadRequest($"pic_url_list: {foreign} is not a picture uploaded to MMX (/file/uploader)");
        (await merchant.SetPictures(pictures)).OrFail();
        return new(Err.Ok, true, shopId);
    }
}

/// <summary>GET /shop/{sid}/image: the portal reads <c>shop_img_urls</c>.</summary>
public sealed record ShopPicturesReply(Err Err,
    [property: JsonPropertyName("is_success")] bool IsSuccess,
    [property: JsonPropertyName("shop_id")] long ShopId,
    [property: JsonPropertyName("shop_img_urls")] ImmutableArray<string> ShopImgUrls);

/// <summary>GET /shop/{sid}/introduction.</summary>
public sealed record ShopIntroductionReply(Err Err,
    [property: JsonPropertyName("is_success")] bool IsSuccess,
    [property: JsonPropertyName("shop_id")] long ShopId,
    string Introduction);
