using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mmx.Api.Wire;

/// <summary>
/// The source-generated JSON of every answer type (no reflection on the answer path); the types
/// live in each area's wire file, and the options are the wire's (<see cref="Http.Json"/>).
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.Strict)]
// Every answer type; WireContractTests checks that each route's answer is here.
[JsonSerializable(typeof(Accounts.RegisterReply))]
[JsonSerializable(typeof(Accounts.LoginReply))]
[JsonSerializable(typeof(Accounts.TicketReply))]
[JsonSerializable(typeof(Accounts.ProfileReply))]
[JsonSerializable(typeof(Accounts.AddressListReply))]
[JsonSerializable(typeof(Accounts.AddressAddedReply))]
[JsonSerializable(typeof(Accounts.FeedbackListReply))]
[JsonSerializable(typeof(Accounts.ExportReply))]
[JsonSerializable(typeof(Admin.ImportReply))]
[JsonSerializable(typeof(Admin.SmsOutboxReply))]
[JsonSerializable(typeof(Catalogue.CityListReply))]
[JsonSerializable(typeof(Catalogue.CategoryListReply))]
[JsonSerializable(typeof(Catalogue.VersionReply))]
[JsonSerializable(typeof(Catalogue.ShopListReply))]
[JsonSerializable(typeof(Catalogue.RecommendedShopsReply))]
[JsonSerializable(typeof(Catalogue.ShopNameReply))]
[JsonSerializable(typeof(Catalogue.ShopInfoReply))]
[JsonSerializable(typeof(Catalogue.GoodsListReply))]
[JsonSerializable(typeof(Catalogue.GoodsInfoReply))]
[JsonSerializable(typeof(Catalogue.ShopGoodsReply))]
[JsonSerializable(typeof(Catalogue.ShopActivitiesReply))]
[JsonSerializable(typeof(Catalogue.CityActivitiesReply))]
[JsonSerializable(typeof(Catalogue.ActivityReply))]
[JsonSerializable(typeof(Images.ImageUrlReply))]
[JsonSerializable(typeof(ShopLife.FanShopsDiffReply))]
[JsonSerializable(typeof(ShopLife.FanShopsReply))]
[JsonSerializable(typeof(ShopLife.ShopNewsReply))]
[JsonSerializable(typeof(ShopLife.CustomersReply))]
[JsonSerializable(typeof(ShopLife.VisitsReply))]
[JsonSerializable(typeof(ShopLife.FfvCountReply))]
[JsonSerializable(typeof(ShopLife.SavedGoodsDiffReply))]
[JsonSerializable(typeof(ShopLife.SavedGoodsReply))]
[JsonSerializable(typeof(ShopLife.PromotionsReply))]
[JsonSerializable(typeof(ShopLife.GoodsV2ListReply))]
[JsonSerializable(typeof(ShopLife.GoodsV2PageReply))]
[JsonSerializable(typeof(Social.FriendsV2Reply))]
[JsonSerializable(typeof(Social.SearchAnswer))]
[JsonSerializable(typeof(Social.SuccessV2Reply))]
[JsonSerializable(typeof(Social.PhoneBookClasses))]
[JsonSerializable(typeof(Social.InvitationsReply))]
[JsonSerializable(typeof(Social.FriendsDiffReply))]
[JsonSerializable(typeof(Social.FriendsReply))]
[JsonSerializable(typeof(Social.PrivacyReply))]
[JsonSerializable(typeof(Social.FriendGoodsReply))]
[JsonSerializable(typeof(Social.FriendFanShopsReply))]
[JsonSerializable(typeof(Social.FriendVisitsReply))]
[JsonSerializable(typeof(Social.UserCardsReply))]
[JsonSerializable(typeof(ThirdParty.ProviderInfoReply))]
[JsonSerializable(typeof(TryOn.FitPicturesReply))]
[JsonSerializable(typeof(OkReply))]
[JsonSerializable(typeof(ErrorReply))]
[JsonSerializable(typeof(ImmutableArray<GoodsAttribute>))]
public sealed partial class WireJsonContext : JsonSerializerContext;
