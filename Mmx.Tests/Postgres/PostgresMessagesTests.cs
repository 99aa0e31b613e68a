using System.Text.Json.Nodes;
using Mmx.Grains.Messages;
using Mmx.Grains.ShopLife;
using Mmx.Tests.Messages;

namespace Mmx.Tests.Postgres;

/// <summary>Inboxes and live events in cluster mode on a real PostgreSQL.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresMessagesTests(PostgresServer postgres)
{
    [Fact]
    public async Task An_inbox_survives_a_restart_of_the_whole_cluster()
    {
        var clusterId = $"inbox-{Guid.NewGuid():N}";
        const long b = 32_000_000;
        var fans = new[] { b * 10 + 1, b * 10 + 2 };
        long first, second;
        await using (var cluster = await SiloPair.Start(postgres.ConnectionString, clusterId))
        {
            var grains = cluster.Client;
            (await grains.GetGrain<ICatalogueGrain>(ICatalogueGrain.Key).Import(SampleCatalogue.Build(b, Mmx.Grains.Common.ShanghaiCalendar.Today(TimeProvider.System)))).Ok();
            foreach (var fan in fans) Assert.Equal(Err.Ok, await grains.GetGrain<IUserShopsGrain>(fan).Follow(b + 100));
            first = (await grains.GetGrain<IShopMessagesGrain>(b + 100).Publish(MessageTestKit.Draft("一"))).Ok().MsgId;
            await MessageTestKit.Finished(grains, first);
            second = (await grains.GetGrain<IShopMessagesGrain>(b + 100).Publish(MessageTestKit.Draft("二"))).Ok().MsgId;
            await MessageTestKit.Finished(grains, second);
            await grains.GetGrain<IInboxGrain>(fans[0]).MarkRead([first]);
        }

        // Every silo is gone; new ones read the inboxes from PostgreSQL.
        await using var again = await SiloPair.Start(postgres.ConnectionString, clusterId);
        var page = await again.Client.GetGrain<IInboxGrain>(fans[0]).Page(0, 10);
        Assert.Equal([second, first], page.Items.Select(i => i.Message.MsgId));
        Assert.Equal(["二", "一"], page.Items.Select(i => i.Message.Title));
        Assert.Equal(1, page.Unread);
        Assert.Equal(2, (await again.Client.GetGrain<IInboxGrain>(fans[1]).Page(0, 10)).Unread);
        // Ids go on rising after the restart: a new message is not mistaken for a delivered one.
        var third = (await again.Client.GetGrain<IShopMessagesGrain>(b + 100).Publish(MessageTestKit.Draft("三"))).Ok().MsgId;
        Assert.True(third > second);
        await MessageTestKit.Finished(again.Client, third);
        Assert.Equal(3, (await again.Client.GetGrain<IInboxGrain>(fans[1]).Page(0, 10)).Total);
    }

    [Fact]
    public async Task With_two_api_fronts_an_event_reaches_the_stream_on_the_other_front()
    {
        var clusterId = $"events-{Guid.NewGuid():N}";
        await using var silos = await SiloPair.Start(postgres.ConnectionString, clusterId);
        await using var front1 = new ApiFactory(postgres.ConnectionString, clusterId);
        await using var front2 = new ApiFactory(postgres.ConnectionString, clusterId);
        Assert.Equal(0, (int)(await front1.Import("""
            {"cities":[{"id":21001,"name":"杭州"}],
             "categories":[{"id":21010,"name":"女装","pic":"https://img.test/c.png","parent":0}],
             "shops":[{"id":21100,"name":"湖滨店","city":21001,"category":21010,"long":120.16,"lat":30.26}]}
            """))["err"]!);

        var a = front1.NewClient();
        var aId = await a.SignUp(AccountTestKit.NewPhone());
        var b = front2.NewClient();
        var bId = await b.SignUp(AccountTestKit.NewPhone());
        Assert.Equal(0, (int)(await a.Post("/user/shop/concern?sid=21100"))["err"]!);
        Assert.Equal(0, (int)(await a.Post("/user/shop/enter?sid=21100"))["err"]!);

        await using var stream = await EventStreamReader.Open(a.Http, a.Token);
        Assert.Equal(1, (long)(await stream.Next("customers")).Data["count"]!);

        // Another user on the other front: the invitation, the customer count and a shop message
        // all reach the stream held by front 1.
        Assert.Equal(0, (int)(await b.Post("/user/friend/invite", new { mode = 3, userID = aId, remark = "hi" }))["err"]!);
        var invite = await stream.Next("friend");
        Assert.Equal(bId, (long)invite.Data["uid"]!);
        Assert.Equal(0, (int)(await b.Post("/user/shop/enter?sid=21100"))["err"]!);
        await stream.Next("customers", d => (long)d["count"]! == 2);
        var admin = new ApiClient(front2.CreateClient());
        var published = await admin.Send(HttpMethod.Post, "/admin/shop/message", new { sid = 21100, title = "开业", content = "欢迎" }, admin: true);
        Assert.Equal(1, (int)published["fans"]!);
        var message = await stream.Next("message");
        Assert.Equal((long)published["msgID"]!, (long)message.Data["msgID"]!);

        // Front 1 goes away with the stream; a message sent meanwhile waits in the inbox, and the
        // phone, reconnecting to front 2 with the last id it saw, gets it first.
        await stream.DisposeAsync();
        await front1.DisposeAsync();
        var missed = await admin.Send(HttpMethod.Post, "/admin/shop/message", new { sid = 21100, title = "错过的", content = "x" }, admin: true);
        Assert.Equal(0, (int)missed["err"]!);
        await using var resumed = await EventStreamReader.Open(front2.CreateClient(), a.Token, lastEventId: message.Id);
        var caughtUp = await resumed.Next("message");
        Assert.Equal((long)missed["msgID"]!, (long)caughtUp.Data["msgID"]!);
        Assert.Equal("错过的", (string)caughtUp.Data["title"]!);
    }
}
