using Mmx.Grains.Accounts;

namespace Mmx.Api.Accounts;

/// <summary>
/// Verification tickets (contract: "Phone numbers, SMS codes, passwords"): /user/vercode hands the
/// client that typed the right code a random one-use ticket, in the answer as <c>ticket</c> and as
/// the HttpOnly cookie <c>mmx_verify</c> (the shipped app keeps cookies and sends no ticket field).
/// register, resetpw and bindphone take it from either place. Grains know only its SHA-256.
/// </summary>
public static class VerificationTickets
{
    public const string CookieName = "mmx_verify";

    /// <summary>A new ticket and the hash the phone grain keeps of it.</summary>
    public static (string Ticket, string Hash) New()
    {
        var ticket = Sessions.NewToken();
        return (ticket, Sessions.HashOf(ticket));
    }

    public static void SetCookie(HttpResponse response, string ticket) =>
        response.Cookies.Append(CookieName, ticket, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = response.HttpContext.Request.IsHttps,
            MaxAge = PhoneGrain.VerificationLifetime,
            Path = "/user",
        });

    /// <summary>A spent ticket's cookie goes, so that the next flow starts clean.</summary>
    public static void ClearCookie(HttpResponse response) =>
        response.Cookies.Delete(CookieName, new CookieOptions { Path = "/user" });

    /// <summary>The hashes of the tickets a request offers: the body's, then the cookie's.</summary>
    public static IReadOnlyList<string> Offered(HttpRequest request, string? bodyTicket)
    {
        var hashes = new List<string>(2);
        if (IsWellFormed(bodyTicket)) hashes.Add(Sessions.HashOf(bodyTicket));
        if (request.Cookies.TryGetValue(CookieName, out var cookie) && IsWellFormed(cookie))
        {
            var hash = Sessions.HashOf(cookie);
            if (!hashes.Contains(hash)) hashes.Add(hash);
        }
        return hashes;
    }

    /// <summary>The first offered ticket that is the phone's live one, or null.</summary>
    public static async Task<string?> LiveTicketOf(IPhoneGrain phone, IReadOnlyList<string> offered)
    {
        foreach (var hash in offered)
        {
            if (await phone.HasTicket(hash)) return hash;
        }
        return null;
    }

    /// <summary>As <see cref="LiveTicketOf"/>, and err 10 when none is.</summary>
    public static async Task<string> RequireLiveTicket(IPhoneGrain phone, IReadOnlyList<string> offered) =>
        await LiveTicketOf(phone, offered) ?? throw new ApiException(Err.PhoneNotVerified, ErrTexts.Of(Err.PhoneNotVerified));

    private static bool IsWellFormed([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? ticket) =>
        ticket is { Length: > 0 and <= 128 };
}
