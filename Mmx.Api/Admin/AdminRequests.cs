namespace Mmx.Api.Admin;

/// <summary>/admin/feedback/reply: the user and the answer.</summary>
public sealed record FeedbackReplyRequest(long? Uid, string? Content);
