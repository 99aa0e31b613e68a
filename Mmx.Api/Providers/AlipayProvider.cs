using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Mmx.Api.Providers;

/// <summary>
/// Alipay open platform (login mode 7): the gateway method <c>alipay.user.info.share</c> with the
/// user's <c>auth_token</c> names the user (<c>user_id</c>, or <c>open_id</c> for newer apps).
/// Calls are signed RSA2 (SHA256withRSA over the sorted <c>key=value</c> pairs) with the app's
/// private key; when Alipay's public key is configured, the answer's signature is checked too.
/// </summary>
public sealed class AlipayProvider(IHttpClientFactory http, ThirdPartySettings settings,
    [FromKeyedServices(Grains.Common.MmxClock.Key)] TimeProvider time, ILogger<AlipayProvider> logger)
{
    private const string Name = "Alipay";
    private const string Method = "alipay.user.info.share";
    private const string ResponseKey = "alipay_user_info_share_response";
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);
    private AlipaySettings Settings => settings.Alipay;

    public async Task Verify(string authToken, string openId, CancellationToken cancellation)
    {
        var fields = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["app_id"] = Settings.AppId,
            ["method"] = Method,
            ["format"] = "JSON",
            ["charset"] = "utf-8",
            ["sign_type"] = "RSA2",
            ["timestamp"] = time.GetUtcNow().ToOffset(Beijing).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
            ["version"] = "1.0",
            ["auth_token"] = authToken,
        };
        fields["sign"] = Sign(SigningText(fields));

        var text = await http.SendForText(Name, () => new HttpRequestMessage(HttpMethod.Post, Settings.BaseUrl)
        {
            Content = new FormUrlEncodedContent(fields),
        }, logger, cancellation);

        // The signature covers the response object's text exactly as sent: keep its raw slice.
        string? rawShare = null;
        string? signature = null;
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                if (document.RootElement.TryGetProperty(ResponseKey, out var element)) rawShare = element.GetRawText();
                if (document.RootElement.TryGetProperty("sign", out var sign) && sign.ValueKind == JsonValueKind.String) signature = sign.GetString();
            }
        }
        catch (JsonException)
        {
            throw ProviderCalls.Failed(Name);
        }

        var share = rawShare is null ? null : JsonNode.Parse(rawShare);
        if (share is null || share["code"].Text() != "10000") throw ProviderCalls.Refused(Name);
        if (Settings.ProviderPublicKeyPem.Length > 0 && !SignedByAlipay(rawShare!, signature))
        {
            logger.LogWarning("Alipay answer with a bad signature");
            throw ProviderCalls.Failed(Name);
        }
        if (share["user_id"].Text() != openId && share["open_id"].Text() != openId) throw ProviderCalls.Refused(Name);
    }

    /// <summary>Alipay's signing text: non-empty fields but <c>sign</c>, sorted by key, joined as k=v&amp;k=v.</summary>
    public static string SigningText(IEnumerable<KeyValuePair<string, string>> fields) =>
        string.Join("&", fields.Where(f => f.Key != "sign" && f.Value.Length > 0).OrderBy(f => f.Key, StringComparer.Ordinal)
            .Select(f => $"{f.Key}={f.Value}"));

    private string Sign(string text)
    {
        if (Settings.PrivateKeyPem.Length == 0) throw new InvalidOperationException("Mmx:ThirdParty:Alipay:PrivateKeyPem is not set.");
        using var rsa = RSA.Create();
        rsa.ImportFromPem(Settings.PrivateKeyPem);
        return Convert.ToBase64String(rsa.SignData(Encoding.UTF8.GetBytes(text), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }

    /// <summary>Alipay signs the response object's text with its own key.</summary>
    private bool SignedByAlipay(string responseJson, string? signature)
    {
        if (string.IsNullOrEmpty(signature)) return false;
        using var rsa = RSA.Create();
        rsa.ImportFromPem(Settings.ProviderPublicKeyPem);
        try
        {
            return rsa.VerifyData(Encoding.UTF8.GetBytes(responseJson), Convert.FromBase64String(signature),
                HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
