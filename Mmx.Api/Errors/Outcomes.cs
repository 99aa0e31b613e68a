namespace Mmx.Api.Errors;

/// <summary>
/// The one place a grain's failed answer (an <see cref="Err"/> or an <see cref="Outcome{T}"/>)
/// becomes the contract's error: the grain's own message where it gave one, "{subject} not found"
/// for a NotFound about a named subject, else the err's usual message.
/// </summary>
public static class Outcomes
{
    /// <summary>The value of a successful outcome; otherwise the request ends with its err.</summary>
    public static T OrFail<T>(this Outcome<T> outcome, string? subject = null) =>
        outcome.IsOk ? outcome.Value! : throw Failure(outcome.Err, outcome.Message, subject);

    /// <inheritdoc cref="OrFail{T}(Outcome{T}, string?)"/>
    public static async Task<T> OrFail<T>(this Task<Outcome<T>> answer, string? subject = null) => (await answer).OrFail(subject);

    /// <summary>Nothing when the grain said Ok; otherwise the request ends with its err.</summary>
    public static void OrFail(this Err err, string? subject = null)
    {
        if (err != Err.Ok) throw Failure(err, null, subject);
    }

    public static ApiException Failure(Err err, string? message, string? subject) =>
        new(err, message ?? (err == Err.NotFound && subject is not null ? $"{subject} not found" : ErrTexts.Of(err)));
}
