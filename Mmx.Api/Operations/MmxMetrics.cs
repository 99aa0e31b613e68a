using System.Diagnostics.Metrics;

namespace Mmx.Api.Operations;

/// <summary>The app's own counters, exported at /metrics next to HTTP, runtime and Orleans meters.</summary>
public static class MmxMetrics
{
    public const string MeterName = "Mmx.Api";
    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> SignUps = Meter.CreateCounter<long>("mmx.signups", description: "Accounts registered");
    private static readonly Counter<long> Erasures = Meter.CreateCounter<long>("mmx.accounts.erased", description: "Accounts erased by their owners");
    private static readonly Counter<long> Logins = Meter.CreateCounter<long>("mmx.logins", description: "Login attempts by outcome");
    private static readonly Counter<long> Presence = Meter.CreateCounter<long>("mmx.presence", description: "Shop enters and exits");
    private static readonly Counter<long> Errors = Meter.CreateCounter<long>("mmx.errors", description: "Answers with a non-zero err, by err");

    public static void SignedUp() => SignUps.Add(1);

    public static void AccountErased() => Erasures.Add(1);

    public static void LoggedIn(bool ok) => Logins.Add(1, new KeyValuePair<string, object?>("outcome", ok ? "ok" : "refused"));

    public static void Entered() => Presence.Add(1, new KeyValuePair<string, object?>("action", "enter"));

    public static void Exited() => Presence.Add(1, new KeyValuePair<string, object?>("action", "exit"));

    public static void Error(int err) => Errors.Add(1, new KeyValuePair<string, object?>("err", err));
}
