namespace Mmx.Grains.Common;

[GenerateSerializer, Alias("mmx.accounts.AccountIdState")]
public sealed record IdBlockState
{
    /// <summary>Every id below this may have been handed out; the next activation starts here.</summary>
    [Id(0)] public long ReservedUpTo { get; init; }
}

/// <summary>
/// Ids from blocks reserved in storage before use (the account and shop id grains): an id is never
/// handed out twice, even when the silo dies (the rest of its block is skipped, not reused).
/// Made in the owning grain's OnActivateAsync, once its state is read.
/// </summary>
internal sealed class IdBlocks(IPersistentState<IdBlockState> state, long firstId, long blockSize = 100)
{
    private long _next = Math.Max(firstId, state.State.ReservedUpTo);

    public async Task<long> Next()
    {
        if (_next >= state.State.ReservedUpTo)
        {
            state.State = new IdBlockState { ReservedUpTo = _next + blockSize };
            await state.WriteStateAsync();
        }
        return _next++;
    }

    /// <summary>Every id handed out so far is below this, also by an activation before a failure (its block is in storage).</summary>
    public long HandedOutBelow => Math.Max(_next, state.State.ReservedUpTo);
}
