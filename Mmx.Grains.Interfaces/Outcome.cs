namespace Mmx.Grains;

/// <summary>
/// The one answer shape of a grain method that can fail and, when it does not, gives a value:
/// <see cref="Err.Ok"/> with <see cref="Value"/>, or another err (with a <see cref="Message"/>
/// where the grain knows more than the err says, e.g. which import row is wrong). Methods that can
/// fail and give nothing answer the <see cref="Err"/> alone; methods that cannot fail answer their
/// value. The API front turns a failed outcome into the contract's error in one place
/// (Mmx.Api.Errors.Outcomes).
/// </summary>
[GenerateSerializer, Immutable, Alias("mmx.Outcome`1")]
public sealed record Outcome<T>
{
    [Id(0)] public required Err Err { get; init; }
    [Id(1)] public T? Value { get; init; }
    [Id(2)] public string? Message { get; init; }

    public bool IsOk => Err == Err.Ok;

    public static Outcome<T> Ok(T value) => new() { Err = Err.Ok, Value = value };
    public static Outcome<T> Fail(Err err, string? message = null) =>
        err == Err.Ok ? throw new ArgumentException("a failure needs an err other than Ok", nameof(err)) : new() { Err = err, Message = message };

    public static implicit operator Outcome<T>(T value) => Ok(value);
    public static implicit operator Outcome<T>(Err err) => Fail(err);
}
