using System.ComponentModel.DataAnnotations;
using Mmx.Grains.Configuration;

namespace Mmx.Api.Providers;

/// <summary>
/// One third-party provider's configuration, under <c>Mmx:ThirdParty:{QQ|WeChat|Weibo|Alipay}</c>.
/// <c>BaseUrl</c> defaults to the provider's public API; tests and staging point it at a stub.
/// </summary>
public class ProviderSettings : IValidatableObject
{
    /// <summary>Where the provider's API lives (Alipay: the gateway URL itself).</summary>
    public string BaseUrl { get; set; } = "";

    /// <summary>QQ appid / WeChat appid / Weibo app key (client_id) / Alipay app_id.</summary>
    public string AppId { get; set; } = "";

    /// <summary>Login checks the access token with the provider before it trusts the openID.</summary>
    public bool Verify { get; set; }

    /// <summary>Checking tokens needs the app they must belong to: without it, a token granted to any app of the provider would pass.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Verify && string.IsNullOrWhiteSpace(AppId))
            yield return new ValidationResult("is required with Verify on: a token is checked against the app it was granted to", [nameof(AppId)]);
    }
}

/// <summary>Weibo's settings: a login sends a code, which the app's secret trades for a token.</summary>
public sealed class WeiboSettings : ProviderSettings
{
    /// <summary>The app secret (client_secret).</summary>
    public string AppSecret { get; set; } = "";

    /// <summary>The redirect_uri the code was issued for.</summary>
    public string RedirectUri { get; set; } = "";
}

/// <summary>
/// WeChat's settings: the app id and secret trade a web login's code for a token server-side
/// (<c>GET /thirdlogin/wechat</c>); the secret never leaves the server.
/// </summary>
public sealed class WeChatSettings : ProviderSettings
{
    /// <summary>The app secret (secret) of the WeChat open platform's website app.</summary>
    public string AppSecret { get; set; } = "";

    /// <summary>Whether the web login's code exchange can run (both the app id and the secret are set).</summary>
    public bool WebLoginConfigured() => !string.IsNullOrWhiteSpace(AppId) && !string.IsNullOrWhiteSpace(AppSecret);
}

/// <summary>Alipay's settings: gateway calls are signed with the app's key.</summary>
public sealed class AlipaySettings : ProviderSettings
{
    /// <summary>The app's RSA private key (PEM) that signs gateway calls.</summary>
    public string PrivateKeyPem { get; set; } = "";

    /// <summary>Alipay's public key (PEM); when set, answers must carry a valid signature.</summary>
    public string ProviderPublicKeyPem { get; set; } = "";
}

/// <summary>The four providers of login modes 4-7 and their settings.</summary>
[SettingsSection(Section)]
public sealed class ThirdPartySettings
{
    public const string Section = "Mmx:ThirdParty";

    public ProviderSettings QQ { get; set; } = new() { BaseUrl = "https://graph.qq.com" };
    public WeChatSettings WeChat { get; set; } = new() { BaseUrl = "https://api.weixin.qq.com" };
    public WeiboSettings Weibo { get; set; } = new() { BaseUrl = "https://api.weibo.com" };
    public AlipaySettings Alipay { get; set; } = new() { BaseUrl = "https://openapi.alipay.com/gateway.do" };

    /// <summary>
    /// Trust an openID without a provider check when that provider's <c>Verify</c> is off. Off by
    /// default in every mode: a bare openID would log anyone into any third-party account. A test
    /// bench or a demo turns it on explicitly, and the process warns at start when it is on.
    /// </summary>
    public bool TrustOpenId { get; set; }

    /// <summary>The whole budget of one provider call, retries included; a slower provider is err 12.</summary>
    [System.ComponentModel.DataAnnotations.Range(0.2, 60)] public double TimeoutSeconds { get; set; } = 5;

    public ProviderSettings ForMode(int mode) => mode switch
    {
        4 => QQ,
        5 => WeChat,
        6 => Weibo,
        7 => Alipay,
        _ => throw new ArgumentOutOfRangeException(nameof(mode)),
    };
}
