using System.Diagnostics;

namespace Mmx.Tests.Infrastructure;

/// <summary>
/// A steady write load through an API front around a disruption, and the check that no
/// acknowledged write was lost: 16 signed-up clients write feedback and read, the disruption runs
/// after a few seconds, and afterwards every acknowledged write is looked for.
/// </summary>
public static class WriteLoad
{
    /// <param name="AckedAfter">When each acknowledged write was sent, in seconds after the disruption began (negative: before).</param>
    /// <param name="AckedAfterByWriter">The same, for each of the 16 writers (each writes to grains of its own user).</param>
    /// <param name="FailedAfterByWriter">When each writer's failed requests were sent, likewise.</param>
    public sealed record Run(int Acknowledged, int Lost, int Failed, double SecondsUnavailable, int AcknowledgedBefore, int AcknowledgedLate,
        IReadOnlyList<double> AckedAfter, IReadOnlyList<IReadOnlyList<double>> AckedAfterByWriter, IReadOnlyList<IReadOnlyList<double>> FailedAfterByWriter);

    /// <param name="newClient">A client of the front under test.</param>
    /// <param name="disrupt">Runs after 4 s; the load goes on while it runs and until <paramref name="length"/>.</param>
    public static async Task<Run> Around(Func<ApiClient> newClient, Func<Task> disrupt, string what, TimeSpan? length = null)
    {
        var writers = new List<(ApiClient Client, List<string> Acked, List<TimeSpan> AckedAt, List<TimeSpan> FailedAt)>();
        for (var i = 0; i < 16; i++)
        {
            var client = newClient();
            await client.SignUp(AccountTestKit.NewPhone());
            writers.Add((client, [], [], []));
        }

        var clock = Stopwatch.StartNew();
        var disruptedAt = TimeSpan.MaxValue;
        var failures = new List<TimeSpan>();
        var ackedAt = new List<TimeSpan>();
        var stopAt = length ?? TimeSpan.FromSeconds(40);
        void Failed(List<TimeSpan> writersFailures, TimeSpan sent)
        {
            lock (failures)
            {
                failures.Add(sent);
                writersFailures.Add(sent);
            }
        }
        var load = Task.WhenAll(writers.Select(async (w, index) =>
        {
            for (var n = 0; clock.Elapsed < stopAt; n++)
            {
                var content = $"w{index}-{n}";
                // A failure is dated by when its request was sent: a call caught in flight by the
                // disruption may take a while to be answered, but it says nothing of later requests.
                var sent = clock.Elapsed;
                if (await Succeeds(() => w.Client.Post("/user/feedback", new { feedback = content })))
                {
                    lock (w.Acked)
                    {
                        w.Acked.Add(content);
                        w.AckedAt.Add(sent);
                    }
                    lock (ackedAt) ackedAt.Add(sent);
                }
                else
                {
                    Failed(w.FailedAt, sent);
                }
                sent = clock.Elapsed;
                if (!await Succeeds(() => w.Client.Get("/user/city"))) Failed(w.FailedAt, sent);
                await Task.Delay(50);
            }
        }));

        await Task.Delay(TimeSpan.FromSeconds(4));
        disruptedAt = clock.Elapsed;
        await disrupt();
        await load;

        var lost = 0;
        foreach (var (client, acked, _, _) in writers)
        {
            var stored = new HashSet<string>();
            for (var offset = 0; ; offset += 50)
            {
                var page = (await client.Get($"/user/feedback?offset={offset}&count=50"))["feedList"]!.AsArray();
                foreach (var entry in page) stored.Add((string)entry!["content"]!);
                if (page.Count < 50) break;
            }
            lost += acked.Count(a => !stored.Contains(a));
        }
        var run = new Run(
            Acknowledged: writers.Sum(w => w.Acked.Count),
            Lost: lost,
            Failed: failures.Count,
            SecondsUnavailable: failures.Count == 0 ? 0 : Math.Max(0, (failures.Max() - disruptedAt).TotalSeconds),
            AcknowledgedBefore: ackedAt.Count(t => t < disruptedAt),
            AcknowledgedLate: ackedAt.Count(t => t > disruptedAt + TimeSpan.FromSeconds(20)),
            AckedAfter: [.. ackedAt.Select(t => (t - disruptedAt).TotalSeconds)],
            AckedAfterByWriter: [.. writers.Select(w => (IReadOnlyList<double>)[.. w.AckedAt.Select(t => (t - disruptedAt).TotalSeconds)])],
            FailedAfterByWriter: [.. writers.Select(w => (IReadOnlyList<double>)[.. w.FailedAt.Select(t => (t - disruptedAt).TotalSeconds)])]);
        Console.WriteLine($"{what}: {run.Acknowledged} writes acknowledged, {run.Lost} lost, {run.Failed} failed requests, " +
                          $"last failed request sent {run.SecondsUnavailable:F1} s after the disruption");
        // And the service answers now.
        Assert.Equal(0, (int)(await writers[0].Client.Get("/user/personal"))["err"]!);
        return run;
    }

    /// <summary>Whether a request was answered with err 0: a fault, a time-out or a non-JSON answer counts as a failure.</summary>
    public static async Task<bool> Succeeds(Func<Task<System.Text.Json.Nodes.JsonNode>> request)
    {
        try
        {
            return (int)(await request())["err"]! == 0;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or Xunit.Sdk.XunitException)
        {
            return false;
        }
    }
}
