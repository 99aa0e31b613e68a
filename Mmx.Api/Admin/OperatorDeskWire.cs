using System.Text.Json.Serialization;

namespace Mmx.Api.Admin;

// Answers of the operators' desk (/admin/audit, /admin/user, /admin/feedback), MMX's spelling.

/// <summary>One operator action: time is unix milliseconds, subject what its body named, err how it ended, traceId the same request in the logs.</summary>
public sealed record OperatorActionWire(long Time, string Operator, string Role, string Request, string Subject, string Client, int Err, string TraceId);
public sealed record AuditLogReply(Err Err, [property: JsonPropertyName("total_num")] int TotalNum, ImmutableArray<OperatorActionWire> Actions);

/// <summary>A user as the operators look one up: the profile's public fields, the bound phone, and whether the account is disabled.</summary>
public sealed record UserLookupWire(long AccID, long Mcode, string Name, string Portrait, string Phone, bool Disabled);
public sealed record UserLookupReply(Err Err, UserLookupWire User);

/// <summary>One user's feedback thread on the desk: open while the user's newest message is unanswered.</summary>
public sealed record FeedbackThreadWire(long Uid, string Name, long LastTime, string LastContent, bool Open);
public sealed record FeedbackDeskReply(Err Err, [property: JsonPropertyName("total_num")] int TotalNum, ImmutableArray<FeedbackThreadWire> Threads);

/// <summary>One message of a thread: direction 1 from the user, 2 the operators' reply.</summary>
public sealed record FeedbackMessageWire(string Content, long Time, int Direction);
public sealed record FeedbackThreadReply(Err Err, long Uid, ImmutableArray<FeedbackMessageWire> Messages);
