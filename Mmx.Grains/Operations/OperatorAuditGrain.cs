namespace Mmx.Grains.Operations;

[GenerateSerializer, Alias("mmx.operations.OperatorAuditState")]
public sealed record OperatorAuditState
{
    /// <summary>Oldest first; at most <see cref="IOperatorAuditGrain.Kept"/>.</summary>
    [Id(0)] public ImmutableList<OperatorAction> Actions { get; init; } = [];
}

/// <summary>See <see cref="IOperatorAuditGrain"/>. Operator actions are few (people, not clients), so one activation holds them.</summary>
public sealed class OperatorAuditGrain(
    [PersistentState(stateName: "operator-audit", storageName: SiloSetup.StorageName)] IPersistentState<OperatorAuditState> state)
    : Grain, IOperatorAuditGrain
{
    public async Task Record(OperatorAction action)
    {
        var actions = state.State.Actions.Add(action);
        if (actions.Count > IOperatorAuditGrain.Kept) actions = actions.RemoveRange(0, actions.Count - IOperatorAuditGrain.Kept);
        state.State = new OperatorAuditState { Actions = actions };
        await state.WriteStateAsync();
    }

    public Task<Page<OperatorAction>> Page(string? operatorName, int offset, int count)
    {
        var matching = state.State.Actions.Reverse().Where(a => operatorName is null || a.Operator == operatorName).ToList();
        return Task.FromResult(new Page<OperatorAction> { Items = [.. matching.Skip(offset).Take(count)], Total = matching.Count });
    }
}
