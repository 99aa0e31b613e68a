using System.Collections.Concurrent;
using Mmx.Grains.Chat;
using Mmx.Grains.Social;

namespace Mmx.Tests.Chat;

/// <summary>A silo killed while pairs of friends chat, on a cluster of its own with PostgreSQL storage.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ChatFailureTests(PostgresServer postgres) : IAsyncLifetime
{
    private readonly TwoSiloCluster _cluster = new(postgres.ConnectionString);

    public Task InitializeAsync() => _cluster.InitializeAsync();
    public Task DisposeAsync() => _cluster.DisposeAsync();

    [Fact]
    public async Task A_silo_killed_while_two_users_chat_loses_no_message_its_sender_saw_echoed()
    {
        var grains = _cluster.Client;
        const long b = 61_000_000;
        // Twenty pairs, so that some of their rooms (and pages) live on the silo that dies.
        var pairs = Enumerable.Range(0, 20).Select(i => (A: b + 2 * i + 1, B: b + 2 * i)).ToList();
        foreach (var (a, other) in pairs)
        {
            var pair = grains.GetGrain<IFriendshipGrain>(FriendshipKey.Of(a, other));
            Assert.Equal(Err.Ok, await pair.Invite(a, other, ""));
            Assert.Equal(Err.Ok, await pair.Accept(other, a));
        }

        // Each pair talks in turn, a message every 20 ms; a failed send is retried, as the app
        // resends what was not echoed. An echo is the room's answer: the message as stored.
        var acknowledged = new ConcurrentDictionary<string, ConcurrentQueue<string>>();
        var failures = 0;
        var talk = Task.WhenAll(pairs.Select(async p =>
        {
            var room = ChatRoomName.OfPair(p.A, p.B);
            var said = acknowledged.GetOrAdd(room, _ => new ConcurrentQueue<string>());
            for (var i = 0; i < 60; i++)
            {
                var text = $"{room} #{i}";
                for (var attempt = 0; ; attempt++)
                {
                    try
                    {
                        var sent = await grains.GetGrain<IChatRoomGrain>(room).Send(i % 2 == 0 ? p.A : p.B, new ChatDraft { Kind = "text", Text = text });
                        Assert.True(sent.IsOk);
                        said.Enqueue(text);
                        break;
                    }
                    catch (Exception) when (attempt < 200)
                    {
                        Interlocked.Increment(ref failures);
                        await Task.Delay(250);
                    }
                }
                await Task.Delay(20);
            }
        }));
        await Task.Delay(400);
        Assert.False(talk.IsCompleted);
        await _cluster.Cluster.KillSiloAsync(_cluster.Cluster.SecondarySilos[0]);
        await talk;

        foreach (var (a, other) in pairs)
        {
            var room = ChatRoomName.OfPair(a, other);
            var stored = (await grains.GetGrain<IChatRoomGrain>(room).History(a, 0, 100)).Value!.Select(m => m.Draft.Text).ToList();
            // Every echoed message is there, in the order it was said (a retry may have stored one twice).
            var expected = acknowledged[room].ToList();
            Assert.Equal(60, expected.Count);
            Assert.Equal(expected, stored.Distinct().ToList());
            var seqs = (await grains.GetGrain<IChatRoomGrain>(room).Since(a, 0, 100)).Value!.Select(m => m.Seq).ToList();
            Assert.Equal(seqs.Order(), seqs);
            Assert.Equal(seqs.Count, seqs.Distinct().Count());
        }
        Console.WriteLine($"silo killed during chats: {failures} failed sends, all retried; every echoed message stored");
    }
}
