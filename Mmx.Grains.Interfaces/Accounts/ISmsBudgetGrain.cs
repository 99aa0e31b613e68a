namespace Mmx.Grains.Accounts;

/// <summary>
/// One for the service (key 0): how many SMS codes may still go out this minute across every
/// number, so that a flood spread over many numbers and addresses cannot run up the SMS bill.
/// </summary>
[Alias("mmx.accounts.ISmsBudgetGrain")]
public interface ISmsBudgetGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Takes one code from this minute's budget; TooManyRequests when it is spent. A quarter of it is
    /// kept for numbers with an account (<paramref name="forAccount"/>), so a flood of sign-up
    /// codes to strangers' numbers cannot keep members from logging in or resetting a password.
    /// </summary>
    [Alias("TryTake")]
    Task<Err> TryTake(bool forAccount);
}
