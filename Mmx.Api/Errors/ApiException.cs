namespace Mmx.Api.Errors;

/// <summary>
/// Ends a request with a contract error. Thrown by validation and handlers; turned into
/// <c>{"err": n, "msg": "..."}</c> by <see cref="ErrorResponses"/>.
/// </summary>
public sealed class ApiException(Err err, string message, int httpStatus = StatusCodes.Status200OK) : Exception(message)
{
    public Err Err { get; } = err;

    /// <summary>200 for the contract's answers; 404 where a client fetches a resource by URL (a QR card, an image).</summary>
    public int HttpStatus { get; } = httpStatus;

    public static ApiException ResourceNotFound(string what) => new(Err.NotFound, $"{what} not found", StatusCodes.Status404NotFound);

    public static ApiException BadRequest(string message) => new(Err.BadRequest, message);
    public static ApiException NotFound(string what) => new(Err.NotFound, $"{what} not found");
    public static ApiException Forbidden(string message) => new(Err.Forbidden, message);
}
