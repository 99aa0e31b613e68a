namespace Mmx.Api.Wire;

/// <summary>An answer that is only its err: <c>{"err":0}</c>.</summary>
public sealed record OkReply(Err Err);
