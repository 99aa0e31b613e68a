namespace Mmx.Api.Operations.OpenApi;

/// <summary>What each tag of the document (an area of the API) holds, as /docs/ shows it.</summary>
public static class AreaTags
{
    private static readonly Dictionary<string, string> Descriptions = new(StringComparer.Ordinal)
    {
        ["Accounts"] = "Sign-up with a verified phone, login (phone, mcode, provider), logout, password reset, phone changes, leaving the app",
        ["Activities"] = "Shops' activities (promotions with a start and an end day)",
        ["Addresses"] = "The user's delivery addresses (at most four)",
        ["Admin"] = "Operator routes: catalogue import, merchant audit, feedback replies, shop messages, the SMS outbox (X-Admin-Key)",
        ["Catalogue"] = "Cities, categories and app versions",
        ["Fans"] = "Shops the user follows (is a fan of), and the message switch per shop",
        ["Favorites"] = "Goods the user saved",
        ["Feedback"] = "The user's feedback and the operator's replies",
        ["Friends"] = "Invitations, friends, their remarks and what friends follow, save and visit",
        ["Friends (v2)"] = "The v2 friend routes (is_success on failure)",
        ["Goods"] = "Goods of a shop, goods pages and goods info",
        ["Images"] = "The image store and portrait changes",
        ["Merchants"] = "The shop owner's side as the merchant portal uses it: sign-up, login (a merchant session, never a user's), contact, service and fan-message allowance",
        ["Messages"] = "The inbox of messages from the shops the user follows (those with msgEnable on)",
        ["Chat"] = "The chat server's HTTP routes beside the /chat/ WebSocket (room info, user and shop cards, live counts); the apps send u and p (the MD5 password) here, or a session",
        ["Presence"] = "Entering and leaving a shop; live customer counts and visits",
        ["Profile"] = "The user's profile, privacy switches, public card and QR card",
        ["Reference data"] = "Provinces, cities, districts and goods categories as the web client and the merchant portal read them (/basic/*), and the phone check of /basic/phonevalidate",
        ["Shops"] = "Shops by city, category and distance; search, recommendations and shop info",
        ["Third party"] = "Provider accounts (QQ, WeChat, Weibo, Alipay), the web client's WeChat login, and phone-book friends",
    };

    public static string? Describe(string name) => Descriptions.GetValueOrDefault(name);
}
