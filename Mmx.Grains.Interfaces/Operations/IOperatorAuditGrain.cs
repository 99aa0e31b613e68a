namespace Mmx.Grains.Operations;

/// <summary>One operator action as the audit log keeps it: who, what, from where, and how it ended.</summary>
[GenerateSerializer, Immutable, Alias("mmx.operations.OperatorAction")]
public sealed record OperatorAction
{
    /// <summary>When it was asked, unix milliseconds.</summary>
    [Id(0)] public required long Time { get; init; }
    /// <summary>The operator's name (its key's, see the operator settings).</summary>
    [Id(1)] public required string Operator { get; init; }
    /// <summary>The role the route needs.</summary>
    [Id(2)] public required string Role { get; init; }
    /// <summary>"POST /admin/user/12/disable?x=1": the method, path and query.</summary>
    [Id(3)] public required string Request { get; init; }
    /// <summary>The client's address (the network key the throttles use).</summary>
    [Id(4)] public string Client { get; init; } = "";
    /// <summary>The answer's err (0: done).</summary>
    [Id(5)] public int Err { get; init; }
    /// <summary>The request's W3C trace id: the same action in the JSON logs.</summary>
    [Id(6)] public string TraceId { get; init; } = "";
    /// <summary>What the action named beyond its path (a body's subject: "goods 12", "reply to 7"); empty when the path says it.</summary>
    [Id(7)] public string Subject { get; init; } = "";
}

/// <summary>
/// The audit log of operator actions for the cluster (key 0): every /admin request an operator
/// key was accepted for, from any front, newest first. It keeps the newest
/// <see cref="Kept"/>; the log lines (category Mmx.Api.Audit) keep everything.
/// </summary>
[Alias("mmx.operations.IOperatorAuditGrain")]
public interface IOperatorAuditGrain : IGrainWithIntegerKey
{
    const long Key = 0;
    const int Kept = 10_000;

    [Alias("Record")]
    Task Record(OperatorAction action);

    /// <summary>A page of actions, newest first; only one operator's when <paramref name="operatorName"/> is given.</summary>
    [Alias("Page"), ReadOnly]
    Task<Catalogue.Page<OperatorAction>> Page(string? operatorName, int offset, int count);
}
