using Mmx.Grains.Messages;

namespace Mmx.Grains.Social;

[GenerateSerializer, Alias("mmx.social.FriendshipState")]
public sealed record FriendshipState
{
    [Id(0)] public FriendshipStatus Status { get; init; }
    /// <summary>Who invited (while Invited), or 0.</summary>
    [Id(1)] public long InvitedBy { get; init; }
}

/// <summary>
/// Making friends: (1) store Preparing, (2) add tentative entries on both sides, (3) store Friends:
/// the commit, (4) confirm both entries. Ending: (1) store Unfriending, (2) make both entries
/// tentative, (3) store None: the commit, (4) remove both entries. A tentative entry counts only
/// while this grain says Friends or Unfriending, so both sides read the same answer at every step,
/// and a retry after a failure repeats the steps (each idempotent) from the stored status.
/// </summary>
public sealed class FriendshipGrain(
    [PersistentState(stateName: "friendship", storageName: SiloSetup.StorageName)] IPersistentState<FriendshipState> state,
    [FromKeyedServices(MmxClock.Key)] TimeProvider time,
    ILogger<FriendshipGrain> logger)
    : Grain, IFriendshipGrain
{
    private FriendshipState S => state.State;

    public async Task<Err> Invite(long from, long to, string remark)
    {
        await CompleteChangeUnderWay(from, to);
        switch (S.Status)
        {
            case FriendshipStatus.Friends:
                return Err.AlreadyExists;
            case FriendshipStatus.Invited when S.InvitedBy == to:
                // They invited each other: friends at once.
                await MakeFriends(from, to);
                await Tell(to, FriendEventTypes.Accept, from);
                return Err.Ok;
            default:
                if (S.Status != FriendshipStatus.Invited)
                {
                    await Save(new FriendshipState { Status = FriendshipStatus.Invited, InvitedBy = from });
                }
                var invitation = new Invitation { From = from, Remark = remark, Time = time.GetUtcNow().ToUnixTimeSeconds() };
                await Social(to).AddInvitation(invitation);
                await Social(from).NoteSent(to);
                await Tell(to, FriendEventTypes.Invite, from, remark);
                return Err.Ok;
        }
    }

    public async Task<Err> Accept(long acceptor, long inviter)
    {
        await CompleteChangeUnderWay(acceptor, inviter);
        if (S.Status == FriendshipStatus.Friends) return Err.Ok;
        if (S.Status != FriendshipStatus.Invited || S.InvitedBy != inviter) return Nothing();
        await MakeFriends(acceptor, inviter);
        await Tell(inviter, FriendEventTypes.Accept, acceptor);
        return Err.Ok;
    }

    public async Task<Err> Decline(long decliner, long inviter)
    {
        await CompleteChangeUnderWay(decliner, inviter);
        if (S.Status != FriendshipStatus.Invited || S.InvitedBy != inviter) return Nothing();
        // The invitation leaves the list first: a failure before the status is saved leaves an
        // invitation only here, which a retry declines again.
        await Social(decliner).RemoveInvitation(inviter);
        await Save(new FriendshipState { Status = FriendshipStatus.None });
        logger.LogInformation("An invitation was declined");
        await Tell(inviter, FriendEventTypes.Decline, decliner);
        return Err.Ok;
    }

    public async Task<Err> Unfriend(long by, long other)
    {
        await CompleteChangeUnderWay(by, other);
        if (S.Status != FriendshipStatus.Friends) return Nothing();
        await Save(new FriendshipState { Status = FriendshipStatus.Unfriending });
        await EndFriendship(by, other);
        await Tell(other, FriendEventTypes.Remove, by);
        return Err.Ok;
    }

    /// <summary>NotFound; a pair that was never anything (a made-up id) leaves no activation behind.</summary>
    private Err Nothing()
    {
        if (S.Status == FriendshipStatus.None) DeactivateOnIdle();
        return Err.NotFound;
    }

    /// <summary>
    /// The live event for the other user's streams, after the change is stored. Best effort: the
    /// lists are the truth, and a failure here must not fail a change that has been made. The
    /// actor's nickname is looked up by the events grain, not here: an account being erased calls
    /// this grain from its own user grain, which cannot answer until the erasure is done.
    /// </summary>
    private async Task Tell(long to, string type, long by, string remark = "")
    {
        try
        {
            var friendEvent = new FriendEvent { Type = type, Uid = by, Remark = remark, Time = time.GetUtcNow().ToUnixTimeSeconds() };
            // An answer is also kept for the inviter's chat socket, which may be offline now.
            if (type is FriendEventTypes.Accept or FriendEventTypes.Decline) await Social(to).NoteAnswer(friendEvent);
            await GrainFactory.GetGrain<IUserEventsGrain>(to).Publish(UserEvent.Of(friendEvent));
        }
        catch (Exception ex)
        {
            logger.LogDebug(ex, "The {Type} event for user {To} was not published", type, to);
        }
    }

    public Task<FriendshipStatus> Status() => Task.FromResult(S.Status);

    /// <summary>Finishes a change that a failure interrupted, whichever way it was going.</summary>
    private async Task CompleteChangeUnderWay(long a, long b)
    {
        if (S.Status == FriendshipStatus.Preparing)
        {
            logger.LogInformation("Completing an interrupted accept of {Pair}", this.GetPrimaryKeyString());
            await MakeFriends(a, b);
        }
        else if (S.Status == FriendshipStatus.Unfriending)
        {
            logger.LogInformation("Completing an interrupted unfriend of {Pair}", this.GetPrimaryKeyString());
            await EndFriendship(a, b);
        }
    }

    private async Task MakeFriends(long a, long b)
    {
        if (S.Status != FriendshipStatus.Preparing) await Save(new FriendshipState { Status = FriendshipStatus.Preparing });
        await Task.WhenAll(Social(a).Prepare(b), Social(b).Prepare(a));
        await Save(new FriendshipState { Status = FriendshipStatus.Friends });
        await Task.WhenAll(Social(a).Confirm(b), Social(b).Confirm(a),
            Social(a).RemoveInvitation(b), Social(b).RemoveInvitation(a));
    }

    private async Task EndFriendship(long a, long b)
    {
        await Task.WhenAll(Social(a).Demote(b), Social(b).Demote(a));
        await Save(new FriendshipState { Status = FriendshipStatus.None });
        await Task.WhenAll(Social(a).Remove(b), Social(b).Remove(a));
    }

    private IUserSocialGrain Social(long accId) => GrainFactory.GetGrain<IUserSocialGrain>(accId);

    private async Task Save(FriendshipState next)
    {
        state.State = next;
        await state.WriteStateAsync();
    }
}
