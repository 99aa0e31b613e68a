using Mmx.Grains.Accounts;

namespace Mmx.Api.Access;

/// <summary>The account's password as proof (a sensitive change, a chat socket's <c>u</c>/<c>p</c>): guarded and counted like a login.</summary>
public static class PasswordProof
{
    /// <summary>
    /// Err 8 when wrong, err 7 while this client is held back; answers the stored hash the password matched.
    /// </summary>
    public static async Task<string> Check(IGrainFactory grains, HttpContext context, long accId, string password)
    {
        var guard = LoginGuard.For(grains, context, $"a:{accId}");
        await guard.Admit(password);
        var challenge = (await grains.GetGrain<IUserGrain>(accId).BeginLogin()).Value;
        if (!Passwords.VerifyOrDecoy(password, challenge?.PasswordHash, out _))
        {
            await guard.Failed();
            throw new ApiException(Err.WrongCredentials, ErrTexts.Of(Err.WrongCredentials));
        }
        await guard.Succeeded();
        if (challenge!.Disabled) throw ApiException.Forbidden(IUserGrain.AccountDisabled);
        return challenge.PasswordHash;
    }
}
