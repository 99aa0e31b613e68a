
namespace Mmx.Tests.Postgres;

/// <summary>The chat socket in cluster mode: two API fronts on two silos and a real PostgreSQL, real WebSockets.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresChatTests(PostgresServer postgres)
{
    [Fact]
    public async Task Notifications_reach_the_socket_on_the_other_front_and_a_socket_there_gives_way_to_one_here()
    {
        var clusterId = $"chat-{Guid.NewGuid():N}";
        await using var silos = await SiloPair.Start(postgres.ConnectionString, clusterId);
        await using var front1 = new ApiFactory(postgres.ConnectionString, clusterId).ListenOnLoopback();
        await using var front2 = new ApiFactory(postgres.ConnectionString, clusterId).ListenOnLoopback();
        Assert.Equal(0, (int)(await front1.Import("""
            {"cities":[{"id":22001,"name":"苏州"}],
             "categories":[{"id":22010,"name":"女装","pic":"https://img.test/c.png","parent":0}],
             "shops":[{"id":22100,"name":"观前店","city":22001,"category":22010,"long":120.62,"lat":31.32}]}
            """))["err"]!);

        var password = ShippedClients.ShippedClientRequests.Md5Upper("cluster-chat-1");
        var inviter = front1.NewClient();
        var inviterId = await inviter.SignUp(AccountTestKit.NewPhone(), password);
        var invitee = front2.NewClient();
        var inviteeId = await invitee.SignUp(AccountTestKit.NewPhone(), password);
        Assert.Equal(0, (int)(await invitee.Post("/user/shop/concern?sid=22100"))["err"]!);

        await using var onFront2 = await ChatClient.Connect(front2.WebSocketUri($"/chat/?u={inviteeId}&p={password}"));
        await using var inviterSocket = await ChatClient.Connect(front1.WebSocketUri($"/chat/?u={inviterId}&p={password}"));

        // The invitation is sent through front 1; the invitee's socket is on front 2.
        Assert.Equal(0, (int)(await inviter.Post("/user/friend/invite", new { mode = 3, userID = inviteeId, remark = "跨前端" }))["err"]!);
        var invite = await onFront2.Next("ADD_FRIEND");
        Assert.Equal(inviterId, (long)invite["arguments"]!["invitor_id"]!);
        Assert.Equal(0, (int)(await invitee.Post($"/user/friend/accept?uid={inviterId}&accept=1"))["err"]!);
        Assert.Equal(1, (int)(await inviterSocket.Next("CON_FRIEND"))["accept"]!);

        var admin = new ApiClient(front1.CreateClient());
        var published = await admin.Send(HttpMethod.Post, "/admin/shop/message", new { sid = 22100, title = "开业", content = "欢迎光临" }, admin: true);
        Assert.Equal(0, (int)published["err"]!);
        Assert.Equal("欢迎光临", (string)(await onFront2.Next("SEND_FANS_M"))["body"]!);

        // The same account opens a socket on front 1: the one on front 2 is told and closed.
        await using var onFront1 = await ChatClient.Connect(front1.WebSocketUri($"/chat/?u={inviteeId}&p={password}"));
        await onFront2.Next("CHANGE_DEVICE");
        Assert.True(await onFront2.EndsWithin(5), "the older socket on the other front stayed open");
    }
}
