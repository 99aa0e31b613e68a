namespace Mmx.Tests.Infrastructure;

/// <summary>A grain's outcome in a test: <see cref="Ok{T}(Outcome{T})"/> asserts success and gives the value.</summary>
public static class OutcomeAssertions
{
    public static T Ok<T>(this Outcome<T> outcome)
    {
        Assert.Equal(Err.Ok, outcome.Err);
        return outcome.Value!;
    }

    public static async Task<T> Ok<T>(this Task<Outcome<T>> answer) => (await answer).Ok();
}
