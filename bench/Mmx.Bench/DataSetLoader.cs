using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Mmx.Bench;

/// <summary>
/// Loads the benchmark's data set into a running API through its public routes: the catalogue by
/// POST /admin/import; users by the third-party first login (a sign-up route: it registers an
/// account, isReg 1, without the password KDF, which would make 20,000 sign-ups take 30 minutes
/// of CPU); a few phone users by the SMS flow (gencode, the admin outbox, vercode, register) for
/// the login scenario; then for every user one address, followed shops, saved goods and friends.
/// Writes tokens.txt ("token accID addrID" a line) and logins.txt ("phone password") to --out.
/// </summary>
public static class DataSetLoader
{
    private const string Password = "bench-password-1";

    public static async Task<int> Run(Options options)
    {
        var api = new Uri(options.Text("api"));
        var key = options.Text("key");
        var outDir = options.Text("out");
        var shops = options.Int("shops", 5_000);
        var goods = options.Int("goods", 50_000);
        var users = options.Int("users", 20_000);
        var phoneUsers = options.Int("phone-users", 100);
        var follows = options.Int("follows", 5);
        var favorites = options.Int("favorites", 5);
        var parallel = options.Int("parallel", 32);
        Directory.CreateDirectory(outDir);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = parallel * 2 }) { BaseAddress = api, Timeout = TimeSpan.FromMinutes(10) };

        var watch = Stopwatch.StartNew();
        var document = DataSet.Catalogue(shops, goods);
        using (var request = new HttpRequestMessage(HttpMethod.Post, "/admin/import") { Content = new StringContent(document.ToJsonString(), Encoding.UTF8, "application/json") })
        {
            request.Headers.Add("X-Admin-Key", key);
            using var response = await http.SendAsync(request);
            var answer = await response.Content.ReadFromJsonAsync<JsonNode>();
            Require(answer, "import");
            Log($"catalogue: {shops:N0} shops, {goods:N0} goods imported in {watch.Elapsed.TotalSeconds:F1} s: {answer!["imported"]!.ToJsonString()}");
        }

        // Users: the same openIDs on every run, so a second load logs into the same accounts.
        var accounts = new (string Token, long AccId, long AddrId)[users];
        var runTag = options.Text("tag", "bench");
        await Parallel(users, parallel, "users signed up", async i =>
        {
            var login = await Send(http, HttpMethod.Post, "/user/login", null,
                new { mode = 4, type = 4, openID = $"{runTag}-{i}", dev = $"bench-{i}" });
            var token = (string)login["token"]!;
            var address = await Send(http, HttpMethod.Put, "/user/address", token,
                new { name = $"用户{i}", phone = $"139{i:D8}", address = "深圳市南山区科技园", postcode = "518057" }, allow: [6]);
            var addrId = (long?)address["addrID"] ?? 0;
            if (addrId == 0)
            {
                // A second load: the book is full; edit its first address instead.
                var book = await Send(http, HttpMethod.Get, "/user/address", token, null);
                addrId = (long)book["addressList"]![0]!["addrID"]!;
            }
            accounts[i] = (token, (long)login["accID"]!, addrId);
        });

        var random = new Random(7);
        var plan = Enumerable.Range(0, users).Select(i => (
            Shops: Enumerable.Range(0, follows).Select(_ => random.Next(1, shops + 1)).ToArray(),
            Goods: Enumerable.Range(0, favorites).Select(_ => random.Next(1, goods + 1)).ToArray())).ToArray();
        await Parallel(users, parallel, "users with fans and favourites", async i =>
        {
            foreach (var sid in plan[i].Shops) await Send(http, HttpMethod.Post, $"/user/shop/concern?sid={sid}", accounts[i].Token, null, allow: [6]);
            foreach (var gid in plan[i].Goods) await Send(http, HttpMethod.Post, $"/user/goods/concern?gid={gid}", accounts[i].Token, null, allow: [6]);
        });

        // Friends: a ring, each user invites the next one, who accepts: two friends each.
        await Parallel(users, parallel, "friendships", async i =>
        {
            var next = (i + 1) % users;
            await Send(http, HttpMethod.Post, "/user/friend/invite", accounts[i].Token, new { mode = 3, userID = accounts[next].AccId, remark = "" }, allow: [5]);
            await Send(http, HttpMethod.Post, $"/user/friend/accept?uid={accounts[i].AccId}", accounts[next].Token, null, allow: [4, 5]);
        });

        var logins = new string[phoneUsers];
        await Parallel(phoneUsers, Math.Min(parallel, 8), "phone users registered", async i =>
        {
            var phone = $"137{i:D8}";
            logins[i] = $"{phone} {Password}";
            await Send(http, HttpMethod.Post, "/user/gencode", null, new { phone }, allow: [7]);
            using var outbox = new HttpRequestMessage(HttpMethod.Get, $"/admin/sms?phone={phone}");
            outbox.Headers.Add("X-Admin-Key", key);
            using var sms = await http.SendAsync(outbox);
            var code = (string?)(await sms.Content.ReadFromJsonAsync<JsonNode>())?["messages"]?[0]?["code"];
            // The ticket goes in the body: this one client's cookie jar is shared by parallel sign-ups.
            var ticket = (string?)(await Send(http, HttpMethod.Post, "/user/vercode", null, new { phone, code }))["ticket"];
            // Already registered on an earlier load: the login scenario needs only the account.
            await Send(http, HttpMethod.Post, "/user/register", null, new { phone, password = Password, ticket }, allow: [5]);
        });

        await File.WriteAllLinesAsync(Path.Combine(outDir, "tokens.txt"), accounts.Select(a => $"{a.Token} {a.AccId} {a.AddrId}"));
        await File.WriteAllLinesAsync(Path.Combine(outDir, "logins.txt"), logins);
        Log($"data set loaded in {watch.Elapsed.TotalSeconds:F0} s; tokens and logins in {outDir}");
        return 0;
    }

    /// <summary>Runs <paramref name="work"/> for 0..count-1, <paramref name="parallel"/> at a time, logging progress.</summary>
    internal static async Task Parallel(int count, int parallel, string what, Func<int, Task> work)
    {
        var watch = Stopwatch.StartNew();
        var done = 0;
        await System.Threading.Tasks.Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (i, _) =>
        {
            await work(i);
            var n = Interlocked.Increment(ref done);
            if (n % 5_000 == 0) Log($"  {n:N0} / {count:N0} {what}");
        });
        Log($"{count:N0} {what} in {watch.Elapsed.TotalSeconds:F1} s ({count / watch.Elapsed.TotalSeconds:F0}/s)");
    }

    /// <summary>One API call; answers its JSON when err is 0 (or allowed), retries rate limits and transient faults, else throws.</summary>
    internal static async Task<JsonNode> Send(HttpClient http, HttpMethod method, string path, string? token, object? body, int[]? allow = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, path);
            if (token is not null) request.Headers.Authorization = new("Bearer", token);
            if (body is not null) request.Content = JsonContent.Create(body);
            using var response = await http.SendAsync(request);
            var answer = await response.Content.ReadFromJsonAsync<JsonNode>();
            var err = (int?)answer?["err"];
            if (err == 0 || (allow?.Contains(err ?? -1) ?? false)) return answer!;
            // A rate limit or a transient cluster error: wait and retry a few times.
            if ((err is 7 or 99 || (int)response.StatusCode == 503) && attempt < 5)
            {
                await Task.Delay(200 * attempt);
                continue;
            }
            throw new InvalidOperationException($"{method} {path} answered {answer?.ToJsonString()}");
        }
    }

    private static void Require(JsonNode? answer, string what)
    {
        if ((int?)answer?["err"] != 0) throw new InvalidOperationException($"{what} failed: {answer?.ToJsonString()}");
    }

    private static void Log(string line) => Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] {line}");
}
