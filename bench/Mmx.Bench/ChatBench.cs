using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace Mmx.Bench;

/// <summary>
/// The chat socket against running API fronts (bench/run.sh starts a cluster with two): (1)
/// --sockets users with a socket open on the first front: its resident memory per socket (/proc of
/// --pid) and the read mix's throughput with and without them; (2) a shop room of 100 members:
/// the time from a CHAT_M sent to its arrival at each other member (p50/p99); (3) --pairs pairs of
/// friends, one on each front: the time a DM takes to the other front.
/// </summary>
public static class ChatBench
{
    public static async Task<int> Run(Options options)
    {
        var api = new Uri(options.Text("api"));
        var api2 = new Uri(options.Text("api2"));
        var key = options.Text("key");
        var pid = options.Int("pid", 0);
        var sockets = options.Int("sockets", 10_000);
        var pairs = options.Int("pairs", 50);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = api, Timeout = TimeSpan.FromMinutes(5) };
        using var http2 = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = api2, Timeout = TimeSpan.FromMinutes(5) };
        await EventsBench.Import(http, key);

        var users = await EventsBench.SignUp(http, "chat", sockets);
        var quiet = await EventsBench.Reads(http, users[0].Token, TimeSpan.FromSeconds(15), null);
        var before = EventsBench.ResidentBytes(pid);
        var open = new Socket[users.Length];
        await DataSetLoader.Parallel(users.Length, 64, "sockets open", async i => open[i] = await Socket.Open(api, users[i].Token));
        await Task.Delay(5_000);
        var after = EventsBench.ResidentBytes(pid);
        var busy = await EventsBench.Reads(http, users[0].Token, TimeSpan.FromSeconds(15), null);
        Console.WriteLine($"CHAT sockets={users.Length} rss_before_mb={before / 1048576.0:F0} rss_after_mb={after / 1048576.0:F0} " +
            $"bytes_per_socket={(after - before) / (double)users.Length:F0}");
        Console.WriteLine($"CHAT reads_without_sockets rps={quiet.Rps:F0} p50_ms={quiet.P50:F1} p99_ms={quiet.P99:F1} errors={quiet.Errors}");
        Console.WriteLine($"CHAT reads_with_sockets rps={busy.Rps:F0} p50_ms={busy.P50:F1} p99_ms={busy.P99:F1} errors={busy.Errors}");

        await ShopRoom(open.Take(100).ToArray());
        foreach (var socket in open) await socket.DisposeAsync();

        await CrossFront(http, http2, api, api2, pairs);
        return 0;
    }

    /// <summary>100 members in one shop room; 10 of them say 20 messages each, 50 ms apart (200 a second, 19,800 deliveries).</summary>
    private static async Task ShopRoom(Socket[] members)
    {
        var room = ChatRoom(EventsBench.FirstShop);
        foreach (var member in members) await member.Send($$"""{"c":"ENTR_GROUP","gname":"{{room}}"}""");
        await Task.WhenAll(members.Select(async m =>
        {
            await m.Send($$"""{"c":"GROUP_USERS","gname":"{{room}}"}""");
            await m.Next(f => (string?)f["c"] == "GROUP_USERS", TimeSpan.FromSeconds(30));
        }));
        var latencies = await Talk(members.Take(10).ToArray(), members, room, 20, TimeSpan.FromMilliseconds(50));
        Console.WriteLine($"CHAT shop_room members={members.Length} messages={10 * 20} deliveries={latencies.Count} " +
            $"p50_ms={EventsBench.Percentile(latencies, 0.5):F1} p99_ms={EventsBench.Percentile(latencies, 0.99):F1}");
    }

    /// <summary>Pairs of friends, the first of each on front 1 and the second on front 2; each first says 20 DMs, half a second apart (100 a second in all).</summary>
    private static async Task CrossFront(HttpClient http, HttpClient http2, Uri api, Uri api2, int pairs)
    {
        var left = await EventsBench.SignUp(http, "dm-a", pairs);
        var right = await EventsBench.SignUp(http2, "dm-b", pairs);
        await DataSetLoader.Parallel(pairs, 16, "pairs made friends", async i =>
        {
            await DataSetLoader.Send(http, HttpMethod.Post, "/user/friend/invite", left[i].Token, new { mode = 3, userID = right[i].AccId, remark = "" });
            await DataSetLoader.Send(http2, HttpMethod.Post, $"/user/friend/accept?uid={left[i].AccId}", right[i].Token, null);
        });
        var senders = new Socket[pairs];
        var receivers = new Socket[pairs];
        await DataSetLoader.Parallel(pairs, 16, "pair sockets open", async i =>
        {
            senders[i] = await Socket.Open(api, left[i].Token);
            receivers[i] = await Socket.Open(api2, right[i].Token);
        });
        var latencies = new List<double>();
        await Task.WhenAll(Enumerable.Range(0, pairs).Select(async i =>
        {
            var room = $"e2e_{Math.Max(left[i].AccId, right[i].AccId)}_{Math.Min(left[i].AccId, right[i].AccId)}";
            var heard = await Talk([senders[i]], [receivers[i]], room, 20, TimeSpan.FromMilliseconds(500));
            lock (latencies) latencies.AddRange(heard);
        }));
        latencies.Sort();
        Console.WriteLine($"CHAT dm_across_fronts pairs={pairs} messages={pairs * 20} deliveries={latencies.Count} " +
            $"p50_ms={EventsBench.Percentile(latencies, 0.5):F1} p99_ms={EventsBench.Percentile(latencies, 0.99):F1}");
        foreach (var socket in senders.Concat(receivers)) await socket.DisposeAsync();
    }

    /// <summary>Each speaker says <paramref name="count"/> tagged messages, <paramref name="apart"/> apart; answers the send-to-arrival times at every listener but the speaker.</summary>
    private static async Task<List<double>> Talk(Socket[] speakers, Socket[] listeners, string room, int count, TimeSpan apart)
    {
        var sentAt = new ConcurrentDictionary<string, long>();
        var latencies = new ConcurrentBag<double>();
        using var done = new CancellationTokenSource();
        var expected = speakers.Length * count * (listeners.Length - (listeners.Intersect(speakers).Any() ? 1 : 0));
        var listening = listeners.Select(l => l.Collect(f =>
        {
            if ((string?)f["c"] != "CHAT_M" || (string?)f["gname"] != room) return;
            var tag = (string?)f["body"]?["m"];
            if (tag is not null && !l.Said(tag) && sentAt.TryGetValue(tag, out var at)) latencies.Add(Stopwatch.GetElapsedTime(at).TotalMilliseconds);
        }, done.Token)).ToArray();
        await Task.WhenAll(speakers.Select(async (s, n) =>
        {
            for (var i = 0; i < count; i++)
            {
                var tag = $"{room}-{n}-{i}-{Guid.NewGuid():N}";
                sentAt[tag] = Stopwatch.GetTimestamp();
                s.Remember(tag);
                await s.Send(new JsonObject { ["c"] = "CHAT_M", ["gname"] = room, ["body"] = new JsonObject { ["mtype"] = "text", ["m"] = tag } }.ToJsonString());
                await Task.Delay(apart);
            }
        }));
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (latencies.Count < expected && DateTime.UtcNow < deadline) await Task.Delay(100);
        done.Cancel();
        await Task.WhenAll(listening);
        var sorted = latencies.ToList();
        sorted.Sort();
        return sorted;
    }

    private static string ChatRoom(long shop) => $"shop_{shop}";

    /// <summary>One phone's socket: frames read in the background; a listener takes them.</summary>
    private sealed class Socket : IAsyncDisposable
    {
        private readonly ClientWebSocket _socket = new();
        private readonly System.Threading.Channels.Channel<JsonObject> _frames = System.Threading.Channels.Channel.CreateUnbounded<JsonObject>();
        private readonly HashSet<string> _said = [];
        private Task _pump = Task.CompletedTask;

        public static async Task<Socket> Open(Uri api, string token)
        {
            var socket = new Socket();
            socket._socket.Options.SetRequestHeader("Authorization", $"Bearer {token}");
            await socket._socket.ConnectAsync(new Uri($"ws://{api.Authority}/chat/"), CancellationToken.None);
            socket._pump = socket.Pump();
            return socket;
        }

        public Task Send(string json) => _socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, CancellationToken.None);

        public void Remember(string tag)
        {
            lock (_said) _said.Add(tag);
        }

        public bool Said(string tag)
        {
            lock (_said) return _said.Contains(tag);
        }

        public async Task<JsonObject> Next(Func<JsonObject, bool> match, TimeSpan within)
        {
            using var timeout = new CancellationTokenSource(within);
            while (true)
            {
                var frame = await _frames.Reader.ReadAsync(timeout.Token);
                if (match(frame)) return frame;
            }
        }

        public async Task Collect(Action<JsonObject> take, CancellationToken until)
        {
            try
            {
                await foreach (var frame in _frames.Reader.ReadAllAsync(until)) take(frame);
            }
            catch (OperationCanceledException)
            {
            }
        }

        private async Task Pump()
        {
            var buffer = new byte[64 * 1024];
            try
            {
                while (_socket.State == WebSocketState.Open)
                {
                    var result = await _socket.ReceiveAsync(buffer, CancellationToken.None);
                    if (result.MessageType == WebSocketMessageType.Close || !result.EndOfMessage) break;
                    if (JsonNode.Parse(buffer.AsSpan(0, result.Count)) is JsonObject frame) _frames.Writer.TryWrite(frame);
                }
            }
            catch (WebSocketException)
            {
            }
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", timeout.Token);
            }
            catch (Exception)
            {
            }
            _socket.Abort();
            await _pump;
            _socket.Dispose();
        }
    }
}
