using Mmx.Api.Lookups;
using Mmx.Api.Validation;

namespace Mmx.Api.Access;

/// <summary>
/// Who talks to the chat server: by a session token (<c>Authorization: Bearer</c>, the
/// <c>mmx_token</c> cookie or <c>?token=</c>), or as the apps do on the chat host, where they hold no
/// MMX session, by <c>?u={accID or mcode}&amp;p={MD5 of the password}</c>, guarded like a login (an
/// unknown account costs the same hash and answers the same as a wrong password).
/// </summary>
public static class ChatIdentity
{
    /// <summary>The socket's hold on its session or password; HTTP 401 (429 while held back) when neither is good.</summary>
    public static async Task<LiveConnections.Connection> Hold(HttpContext context, IGrainFactory grains, LiveConnections connections, KnownIds known)
    {
        try
        {
            if (Token(context.Request) is { } token)
            {
                return await connections.Open(Sessions.HashOf(token))
                    ?? throw new ApiException(Err.NotLoggedIn, "the session has ended; log in again");
            }
            var (accId, storedHash) = await ByPassword(context, grains, known);
            return connections.OpenOnPassword(accId, storedHash);
        }
        catch (ApiException refused) when (refused.HttpStatus == StatusCodes.Status200OK)
        {
            // An upgrade that is refused is an HTTP refusal, so that a WebSocket client sees it.
            throw new ApiException(refused.Err, refused.Message,
                refused.Err == Err.TooManyRequests ? StatusCodes.Status429TooManyRequests : StatusCodes.Status401Unauthorized);
        }
    }

    /// <summary>The caller of one of the chat server's HTTP routes: err 2 without a live session or the right password.</summary>
    public static async Task<long> Caller(HttpContext context, IGrainFactory grains, KnownIds known)
    {
        if (Token(context.Request) is not null)
        {
            return await Sessions.OptionalAccId(context) ?? throw new ApiException(Err.NotLoggedIn, "the session has ended; log in again");
        }
        return (await ByPassword(context, grains, known)).AccId;
    }

    private static string? Token(HttpRequest request) =>
        (Sessions.TokenOf(request) ?? request.Query["token"].ToString()) is var token && Sessions.IsWellFormed(token) ? token : null;

    private static async Task<(long AccId, string StoredHash)> ByPassword(HttpContext context, IGrainFactory grains, KnownIds known)
    {
        var user = context.Request.Query["u"].ToString();
        var password = context.Request.Query["p"].ToString();
        if (user.Length == 0 || password.Length is 0 or > Passwords.MaxLength)
            throw new ApiException(Err.NotLoggedIn, "log in: a session token, or u and p");
        var accId = AccountNumber.IsAccountNumber(user) ? await AccountNumber.Resolve(grains, known, user, "u", checkExists: true) : null;
        var storedHash = await PasswordProof.Check(grains, context, accId ?? 0, password);
        return (accId!.Value, storedHash);
    }
}
