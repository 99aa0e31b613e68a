namespace Mmx.Grains.Social;

/// <summary>
/// One per mobile number without an account (key: 11 digits): the friend invitations kept for it
/// until someone signs up with it, and when it last got an SMS invitation. Only the number's
/// <see cref="Accounts.IPhoneGrain"/> calls it, so keeping and delivering never race a sign-up.
/// </summary>
[Alias("mmx.social.IPhoneInvitationsGrain")]
public interface IPhoneInvitationsGrain : IGrainWithStringKey
{
    /// <summary>
    /// Keeps <paramref name="invitation"/> (one per inviter, the newest) and sends the number an
    /// SMS invitation unless one went to it in the last 30 days. An SMS that cannot go (budget
    /// spent, gateway down) is logged; the invitation is kept all the same.
    /// </summary>
    [Alias("Keep")]
    Task Keep(Invitation invitation);

    /// <summary>
    /// The number now belongs to <paramref name="accId"/>: each kept invitation whose inviter still
    /// has an account becomes an invitation to it, and nothing stays kept. Idempotent.
    /// </summary>
    [Alias("Deliver")]
    Task Deliver(long accId);
}
