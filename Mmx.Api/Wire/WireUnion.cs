namespace Mmx.Api.Wire;

/// <summary>
/// A value whose type differs between the contract's wire and the legacy one the shipped apps get
/// (<see cref="LegacyTypes"/>): a time as unix seconds or a date string, attributes as a list or
/// their JSON text. The property is typed <c>object</c>; the OpenAPI document says which types.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class WireUnion(params string[] types) : Attribute
{
    public const string Integer = "integer";
    public const string String = "string";
    public const string Array = "array";
    public const string Number = "number";
    /// <summary>A day, "2015-10-26".</summary>
    public const string Date = "date";

    public IReadOnlyList<string> Types { get; } = types;
}
