namespace Mmx.Grains.Common;

/// <summary>
/// What every id-handing grain (accIDs, merchants' shops, their goods and activities) is: a stored
/// <see cref="IdBlockState"/> and <see cref="IdBlocks"/> from its first id; each derives with its
/// own state name and first id.
/// </summary>
public abstract class IdBlockGrain(IPersistentState<IdBlockState> state, long firstId) : Grain
{
    private IdBlocks _ids = null!;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _ids = new IdBlocks(state, firstId);
        return Task.CompletedTask;
    }

    public Task<long> Next() => _ids.Next();

    /// <summary>See <see cref="IdBlocks.HandedOutBelow"/>.</summary>
    protected long IdsHandedOutBelow => _ids.HandedOutBelow;
}
