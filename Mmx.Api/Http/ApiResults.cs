namespace Mmx.Api.Http;

/// <summary>Answers that are only an err: <c>{"err":0}</c> on success, the contract error otherwise.</summary>
public static class ApiResults
{
    private static readonly Wire.OkReply OkAnswer = new(Grains.Err.Ok);

    /// <summary>The typed <c>{"err":0}</c> for a route whose answer is only its err.</summary>
    public static Wire.OkReply Done() => OkAnswer;

    /// <summary><see cref="Done()"/> when the grain said Ok, else the contract error.</summary>
    public static Wire.OkReply Done(Grains.Err err, string? subject = null)
    {
        err.OrFail(subject);
        return OkAnswer;
    }
}

/// <summary>The human-readable `msg` of each err, for answers that have nothing more specific to say.</summary>
public static class ErrTexts
{
    public static string Of(Grains.Err err) => err switch
    {
        Grains.Err.BadRequest => "bad request",
        Grains.Err.NotLoggedIn => "log in first",
        Grains.Err.Forbidden => "not allowed",
        Grains.Err.NotFound => "not found",
        Grains.Err.AlreadyExists => "already exists",
        Grains.Err.LimitReached => "limit reached",
        Grains.Err.TooManyRequests => "too many requests; try again later",
        Grains.Err.WrongCredentials => "wrong account or password",
        Grains.Err.CodeInvalid => "the code is wrong, expired or used up",
        Grains.Err.PhoneNotVerified => "verify the phone with /user/vercode first",
        Grains.Err.Unsupported => "not supported",
        Grains.Err.UpstreamFailed => "an upstream service failed; try again later",
        Grains.Err.Ok => "success",
        _ => "internal error",
    };
}
