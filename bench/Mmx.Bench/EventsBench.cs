using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Mmx.Bench;

/// <summary>
/// Live events and shop messages against a running API front (bench/run.sh starts an embedded one):
/// (1) --streams users, spread over 100 shops, each inside their shop with GET /user/events open:
/// the front's resident memory per open stream (/proc of --pid), and the time from one more user's
/// enter to the <c>customers</c> event on every stream of that shop (p50/p99; counts are coalesced
/// to about one a second by design); (2) --fans users following one shop, a message published to
/// them: the time until the last inbox (the highest accID: fan-outs go in rising accID order) has
/// it, and the latency of other reads before and while the fan-out runs.
/// </summary>
public static class EventsBench
{
    internal const long City = 990_001;
    internal const long FirstShop = 990_100;
    private const int Shops = 100;
    private const long FanShop = 990_999;

    public static async Task<int> Run(Options options)
    {
        var api = new Uri(options.Text("api"));
        var key = options.Text("key");
        var pid = options.Int("pid", 0);
        var streams = options.Int("streams", 10_000);
        var fans = options.Int("fans", 100_000);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64, PooledConnectionIdleTimeout = TimeSpan.FromSeconds(5) }) { BaseAddress = api, Timeout = TimeSpan.FromMinutes(5) };
        await Import(http, key);

        var streamUsers = await SignUp(http, "events", streams);
        var probes = await SignUp(http, "probe", Shops);
        await StreamsRun(api, http, pid, streamUsers, probes);

        var fanUsers = await SignUp(http, "fan", fans);
        await FanOutRun(http, key, fanUsers);
        return 0;
    }

    private static async Task StreamsRun(Uri api, HttpClient http, int pid, (string Token, long AccId)[] users, (string Token, long AccId)[] probes)
    {
        await DataSetLoader.Parallel(users.Length, 32, "users entered their shop", i => DataSetLoader.Send(http, HttpMethod.Post, $"/user/shop/enter?sid={ShopOf(i)}", users[i].Token, null));
        await Task.Delay(2_000);
        var before = ResidentBytes(pid);

        // One connection per stream, as phones have: a handler of its own, no pool limit.
        using var streamHttp = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = int.MaxValue }) { BaseAddress = api, Timeout = Timeout.InfiniteTimeSpan };
        using var stop = new CancellationTokenSource();
        var readers = new StreamReaderTask[users.Length];
        await DataSetLoader.Parallel(users.Length, 64, "streams open", async i =>
        {
            readers[i] = new StreamReaderTask(ShopOf(i));
            await readers[i].Open(streamHttp, users[i].Token, stop.Token);
        });
        // Every stream has shown its shop's count once.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (readers.Any(r => r.LastCount(r.ShopId) < 0) && DateTime.UtcNow < deadline) await Task.Delay(200);
        await Task.Delay(5_000);
        var after = ResidentBytes(pid);
        Console.WriteLine($"EVENTS streams={users.Length} rss_before_mb={before / 1048576.0:F0} rss_after_mb={after / 1048576.0:F0} " +
            $"bytes_per_stream={(after - before) / (double)users.Length:F0}");

        // Rounds of 10 shops: one more user enters each; every stream of the shop should hear the new count.
        var latencies = new List<double>();
        for (var round = 0; round < Shops / 10; round++)
        {
            var shops = Enumerable.Range(round * 10, 10).ToArray();
            var waits = shops.Select(async s =>
            {
                var shopId = FirstShop + s;
                var watchers = readers.Where(r => r.ShopId == shopId).ToArray();
                var expected = watchers.Max(r => r.LastCount(shopId)) + 1;
                var started = Stopwatch.GetTimestamp();
                await DataSetLoader.Send(http, HttpMethod.Post, $"/user/shop/enter?sid={shopId}", probes[s].Token, null);
                var heard = await Task.WhenAll(watchers.Select(r => r.WhenCount(shopId, expected, TimeSpan.FromSeconds(30))));
                return heard.Where(t => t > 0).Select(t => Stopwatch.GetElapsedTime(started, t).TotalMilliseconds).ToArray();
            });
            foreach (var shop in await Task.WhenAll(waits)) latencies.AddRange(shop);
            await Task.Delay(1_500);
        }
        var missed = Shops / 10 * 10 * (users.Length / Shops) - latencies.Count;
        latencies.Sort();
        Console.WriteLine($"EVENTS enter_to_customers_event samples={latencies.Count} missed={missed} p50_ms={Percentile(latencies, 0.50):F0} " +
            $"p99_ms={Percentile(latencies, 0.99):F0} max_ms={latencies.LastOrDefault():F0}");
        await stop.CancelAsync();
        foreach (var r in readers) r.Dispose();
    }

    private static async Task FanOutRun(HttpClient http, string key, (string Token, long AccId)[] fans)
    {
        await DataSetLoader.Parallel(fans.Length, 32, "fans following the shop", i => DataSetLoader.Send(http, HttpMethod.Post, $"/user/shop/concern?sid={FanShop}", fans[i].Token, null));
        var last = fans.MaxBy(f => f.AccId);
        var reader = fans[0].Token;

        // Other traffic: 8 clients reading shop info and the listing, before and during the fan-out.
        var baseline = await Reads(http, reader, TimeSpan.FromSeconds(10), null);
        var started = Stopwatch.GetTimestamp();
        using var done = new CancellationTokenSource();
        var during = Reads(http, reader, TimeSpan.FromMinutes(10), done.Token);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/admin/shop/message")
        {
            Content = JsonContent.Create(new { sid = FanShop, title = "全场五折", content = "本周末全场五折，会员再享九五折" }),
        };
        request.Headers.Add("X-Admin-Key", key);
        using var response = await http.SendAsync(request);
        var published = (await response.Content.ReadFromJsonAsync<JsonNode>())!;
        var publishMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        while ((int)(await DataSetLoader.Send(http, HttpMethod.Get, "/user/message?count=1", last.Token, null))["total_num"]! == 0) await Task.Delay(50);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        await done.CancelAsync();
        var traffic = await during;
        Console.WriteLine($"EVENTS fanout fans={(int)published["fans"]!} publish_answer_ms={publishMs:F0} last_inbox_s={seconds:F1} per_s={(int)published["fans"]! / seconds:F0}");
        Console.WriteLine($"EVENTS reads_before rps={baseline.Rps:F0} p50_ms={baseline.P50:F1} p99_ms={baseline.P99:F1}");
        Console.WriteLine($"EVENTS reads_during_fanout rps={traffic.Rps:F0} p50_ms={traffic.P50:F1} p99_ms={traffic.P99:F1} errors={traffic.Errors}");
    }

    internal static async Task<(double Rps, double P50, double P99, int Errors)> Reads(HttpClient http, string token, TimeSpan length, CancellationToken? stop)
    {
        var latencies = new List<double>();
        var errors = 0;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, 8).Select(async c =>
        {
            var i = 0;
            while (watch.Elapsed < length && stop?.IsCancellationRequested != true)
            {
                var url = i++ % 2 == 0 ? $"/user/shop/info?sid={FirstShop + c}" : $"/user/shop?city={City}&count=20";
                var t = Stopwatch.GetTimestamp();
                try
                {
                    await DataSetLoader.Send(http, HttpMethod.Get, url, token, null);
                    lock (latencies) latencies.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
                }
                catch (Exception)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        }));
        latencies.Sort();
        return (latencies.Count / watch.Elapsed.TotalSeconds, Percentile(latencies, 0.5), Percentile(latencies, 0.99), errors);
    }

    private static long ShopOf(int user) => FirstShop + user % Shops;

    internal static async Task Import(HttpClient http, string key)
    {
        var shops = new JsonArray();
        for (var s = 0; s < Shops; s++) shops.Add(Shop(FirstShop + s, $"活动店{s}", 0.001 * s));
        shops.Add(Shop(FanShop, "人气店", 0.2));
        var doc = new JsonObject
        {
            ["cities"] = new JsonArray(new JsonObject { ["id"] = City, ["name"] = "事件城" }),
            ["categories"] = new JsonArray(new JsonObject { ["id"] = City, ["name"] = "女装", ["pic"] = "https://img.bench/c.png", ["parent"] = 0 }),
            ["shops"] = shops,
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/admin/import") { Content = new StringContent(doc.ToJsonString(), Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Admin-Key", key);
        using var response = await http.SendAsync(request);
        var answer = await response.Content.ReadFromJsonAsync<JsonNode>();
        if ((int?)answer?["err"] != 0) throw new InvalidOperationException($"import: {answer?.ToJsonString()}");
    }

    private static JsonObject Shop(long id, string name, double offset) => new()
    {
        ["id"] = id, ["name"] = name, ["city"] = City, ["category"] = City, ["long"] = 113.9 + offset, ["lat"] = 22.5, ["pics"] = new JsonArray("https://img.bench/s.jpg"),
    };

    /// <summary>First logins by openID (the bench's API trusts them, Mmx:ThirdParty:TrustOpenId): accounts without the password KDF.</summary>
    internal static async Task<(string Token, long AccId)[]> SignUp(HttpClient http, string tag, int count)
    {
        var users = new (string, long)[count];
        await DataSetLoader.Parallel(count, 32, $"{tag} users signed up", async i =>
        {
            var login = await DataSetLoader.Send(http, HttpMethod.Post, "/user/login", null, new { mode = 4, type = 4, openID = $"{tag}-{i}", dev = "bench" });
            users[i] = ((string)login["token"]!, (long)login["accID"]!);
        });
        return users;
    }

    internal static long ResidentBytes(int pid)
    {
        if (pid == 0) return 0;
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:"));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
    }

    internal static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)(p * sorted.Count))];

    /// <summary>One open stream: the customers counts it heard, with when.</summary>
    private sealed class StreamReaderTask(long shopId) : IDisposable
    {
        private readonly Dictionary<long, (long Count, long At)> _counts = [];
        private readonly List<(long ShopId, long Count, TaskCompletionSource<long> Heard)> _waits = [];
        private HttpResponseMessage? _response;
        public long ShopId { get; } = shopId;

        public long LastCount(long shop)
        {
            lock (_counts) return _counts.TryGetValue(shop, out var c) ? c.Count : -1;
        }

        public async Task Open(HttpClient http, string token, CancellationToken stop)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "/user/events");
            request.Headers.Authorization = new("Bearer", token);
            _response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, stop);
            if (_response.Content.Headers.ContentType?.MediaType != "text/event-stream") throw new InvalidOperationException("not a stream");
            _ = Read(await _response.Content.ReadAsStreamAsync(stop), stop);
        }

        /// <summary>When the stream heard at least this count for the shop (a timestamp), or 0 when it did not in time.</summary>
        public async Task<long> WhenCount(long shop, long count, TimeSpan timeout)
        {
            var heard = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_counts)
            {
                if (_counts.TryGetValue(shop, out var c) && c.Count >= count) return c.At;
                _waits.Add((shop, count, heard));
            }
            var first = await Task.WhenAny(heard.Task, Task.Delay(timeout));
            return first == heard.Task ? heard.Task.Result : 0;
        }

        private async Task Read(Stream body, CancellationToken stop)
        {
            try
            {
                using var reader = new StreamReader(body);
                string? name = null;
                while (await reader.ReadLineAsync(stop) is { } line)
                {
                    if (line.StartsWith("event: ")) name = line[7..];
                    else if (line.StartsWith("data: ") && name == "customers")
                    {
                        var at = Stopwatch.GetTimestamp();
                        var data = JsonNode.Parse(line[6..])!;
                        var (shop, count) = ((long)data["sid"]!, (long)data["count"]!);
                        lock (_counts)
                        {
                            _counts[shop] = (count, at);
                            foreach (var wait in _waits.Where(w => w.ShopId == shop && count >= w.Count).ToList())
                            {
                                wait.Heard.TrySetResult(at);
                                _waits.Remove(wait);
                            }
                        }
                    }
                    else if (line.Length == 0) name = null;
                }
            }
            catch (Exception) when (stop.IsCancellationRequested)
            {
            }
            catch (IOException)
            {
            }
        }

        public void Dispose() => _response?.Dispose();
    }
}
