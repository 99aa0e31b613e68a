namespace Mmx.Api.Admin;

/// <summary>/admin/feedback/reply: the user and the answer.</summary>
public sealed record FeedbackReplyRequest(long? Uid, string? Content);

/// <summary>POST /admin/dashboard/signout: whose dashboard sign-ins end (an operator's name; none: everyone's).</summary>
public sealed record DashboardSignOutRequest(string? Operator);
