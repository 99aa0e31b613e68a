namespace Mmx.Api.Errors;

/// <summary>
/// Ends a request with a contract error. Thrown by validation and handlers; turned into
/// <c>{"err": n, "msg": "..."}</c> by <see cref="ErrorResponses"/>.
/// </summary>
public sealed class ApiException(Err err, string message) : Exception(message)
{
    public Err Err { get; } = err;

    public static ApiException BadRequest(string message) => new(Err.BadRequest, message);
    public static ApiException NotFound(string what) => new(Err.NotFound, $"{what} not found");
    public static ApiException Forbidden(string message) => new(Err.Forbidden, message);
}
