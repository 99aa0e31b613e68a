using System.Security.Cryptography;
using System.Text;

namespace Mmx.Tests.ShippedClients;

/// <summary>
/// What the app's shipped clients send, as their code builds it: the iOS app (thm-tech/fd_app_ios)
/// sends numbers as strings and an MD5 of the password in upper-case hex under a ForwardOne
/// User-Agent; the web client (thm-tech/fd_web_cli) sends numbers and a lower-case hex MD5.
/// </summary>
public static class ShippedClientRequests
{
    public static readonly (string, string) IosAgent = ("User-Agent", "ForwardOne/1.0 (iPhone; iOS 9.1; Scale/2.00)");
    public static readonly (string, string) BrowserAgent = ("User-Agent", "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_11_1) AppleWebKit/601.2.7 Safari/601.2.7");

    public static string Md5Upper(string password) => Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(password)));
    public static string Md5Lower(string password) => Md5Upper(password).ToLowerInvariant();

    /// <summary>The iOS login body: every number a string, the fields of other modes empty.</summary>
    public static string IosPhoneLogin(string phone, string password) =>
        $$"""{"mode":"2","type":"4","account":"","email":"","phone":"{{phone}}","password":"{{Md5Upper(password)}}","openID":"","dev":"8C2F3E5A-IOS"}""";

    /// <summary>The web client's login body (loginCtrl.js): mode 2 for a phone, mode 1 for an account that starts with a letter.</summary>
    public static string WebLogin(string account, string password) => char.IsAsciiLetter(account[0])
        ? $$"""{"mode":1,"account":"{{account}}","password":"{{Md5Lower(password)}}","dev":"127.0.0.1","type":4}"""
        : $$"""{"mode":2,"phone":"{{account}}","password":"{{Md5Lower(password)}}","dev":"127.0.0.1","type":4}""";

    /// <summary>Signs up as the iOS app does (gencode, vercode, register with the MD5), keeping the token. Answers the accID.</summary>
    public static async Task<long> IosSignUp(ApiClient client, string phone, string password)
    {
        await client.VerifyPhone(phone);
        var registered = await client.Literal(HttpMethod.Post, "/user/register",
            $$"""{"phone":"{{phone}}","password":"{{Md5Upper(password)}}"}""", IosAgent);
        Assert.Equal(0, (int)registered["err"]!);
        client.Token = (string)registered["token"]!;
        return (long)registered["accID"]!;
    }
}
