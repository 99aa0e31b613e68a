using Mmx.Grains;

namespace Mmx.Api.Providers;

/// <summary>
/// Decides whether a third-party login's openID may be trusted: checked with its provider when that
/// provider is configured with <c>Verify</c> on (no token or a refused one is err 8, a silent
/// provider err 12); else trusted as the app's provider SDK gave it where an operator turned
/// <c>TrustOpenId</c> on; else err 11.
/// </summary>
public sealed class OpenIdVerifier(ThirdPartySettings settings,
    QqProvider qq, WeChatProvider weChat, WeiboProvider weibo, AlipayProvider alipay)
{
    public const int MaxTokenLength = 512;

    /// <summary>Whether this provider's tokens are checked (so a token proves who holds the account).</summary>
    public bool Verifies(int mode) => settings.ForMode(mode).Verify;

    public async Task Check(int mode, string openId, string? accessToken, CancellationToken cancellation)
    {
        if (!settings.ForMode(mode).Verify)
        {
            if (settings.TrustOpenId) return;
            throw new ApiException(Err.Unsupported, "this third-party login is not enabled on this server");
        }

        var token = accessToken?.Trim();
        if (string.IsNullOrEmpty(token)) throw new ApiException(Err.WrongCredentials, "accessToken is required for this login");
        if (token.Length > MaxTokenLength) throw ApiException.BadRequest($"accessToken must be at most {MaxTokenLength} characters");
        var check = mode switch
        {
            4 => qq.Verify(token, openId, cancellation),
            5 => weChat.Verify(token, openId, cancellation),
            6 => weibo.Verify(token, openId, cancellation),
            _ => alipay.Verify(token, openId, cancellation),
        };
        await check;
    }
}
