using Mmx.Grains.Accounts;

namespace Mmx.Api.Access;

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

    /// <summary>
    /// Sets the cookie to the new ticket, keeping the one before it: the web client's phone change
    /// verifies the current number, then the new one (both on /basic/phonevalidate), and sends
    /// bindphone with neither ticket in the body, so both must reach it. Each ticket is good only for
    /// its own number, once. The cookie goes to /user (register, resetpw, bindphone) and, when set
    /// by /basic/phonevalidate, to that path too, so that the second code sees the first ticket, and
    /// to /merchant, where the merchant portal's sign-up spends the ticket of the number it verified there
    /// (the portal's password reset sets it there itself).
    /// </summary>
    public static void SetCookie(HttpResponse response, string ticket)
    {
        var previous = response.HttpContext.Request.Cookies.TryGetValue(CookieName, out var cookie)
            ? cookie.Split(Separator).LastOrDefault(IsWellFormed) : null;
        var value = previous is not null && previous != ticket ? previous + Separator + ticket : ticket;
        foreach (var path in PathsFor(response.HttpContext.Request))
        {
            response.Cookies.Append(CookieName, value, Sessions.ProofCookie(response.HttpContext.Request, PhoneGrain.VerificationLifetime, path));
        }
    }

    private const string UserPath = "/user";
    public const string PhoneValidatePath = "/basic/phonevalidate";
    private const string MerchantPath = "/merchant";

    // A merchant's forgotten password (/merchant/forgetpassword) spends its ticket under /merchant only.
    private static string[] PathsFor(HttpRequest request) =>
        request.Path.StartsWithSegments(PhoneValidatePath) ? [UserPath, PhoneValidatePath, MerchantPath]
        : request.Path.StartsWithSegments(MerchantPath) ? [MerchantPath]
        : [UserPath];

    // Not in a ticket's alphabet (base64url).
    private const char Separator = '.';

    /// <summary>A spent ticket's cookie goes (from every path it was set on), so that the next flow starts clean.</summary>
    public static void ClearCookie(HttpResponse response)
    {
        foreach (var path in (string[])[UserPath, PhoneValidatePath, MerchantPath]) response.Cookies.Delete(CookieName, new CookieOptions { Path = path });
    }

    /// <summary>The hashes of the tickets a request offers: the body's, then the cookie's (at most two).</summary>
    public static IReadOnlyList<string> Offered(HttpRequest request, string? bodyTicket)
    {
        var hashes = new List<string>(2);
        if (IsWellFormed(bodyTicket)) hashes.Add(Sessions.HashOf(bodyTicket));
        if (request.Cookies.TryGetValue(CookieName, out var cookie))
        {
            foreach (var ticket in cookie.Split(Separator).Where(IsWellFormed).TakeLast(2))
            {
                var hash = Sessions.HashOf(ticket);
                if (!hashes.Contains(hash)) hashes.Add(hash);
            }
        }
        return hashes;
    }

    /// <summary>
    /// Checks a typed SMS code against the phone's; when right, the client gets a new ticket (in the
    /// cookie, and answered here for the body). A wrong code is its err.
    /// </summary>
    public static async Task<string> Issue(HttpContext context, IPhoneGrain phone, string code)
    {
        var (ticket, hash) = New();
        ApiResults.Done(await phone.VerifyCode(code, hash, ClientAddresses.KeyOf(context.Connection.RemoteIpAddress)));
        SetCookie(context.Response, ticket);
        return ticket;
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
