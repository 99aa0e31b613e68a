namespace Mmx.Api.Admin;

/// <summary>/admin/feedback/reply: the user and the answer.</summary>
public sealed record FeedbackReplyRequest(long? Uid, string? Content);

/// <summary>POST /admin/dashboard/signout: whose dashboard sign-ins end (an operator's name; none: everyone's).</summary>
public sealed record DashboardSignOutRequest(string? Operator);

/// <summary>POST /admin/takedown: what comes down (an activity, a goods item, or a try-on picture: the goods and the picture's URL).</summary>
[WireExample("tryon", "Take down a customer's try-on picture", """{"kind": "tryon", "id": 10, "pic": "https://img.example.com/fit/1.jpg"}""")]
public sealed record TakedownRequest(string? Kind, long? Id, string? Pic);
