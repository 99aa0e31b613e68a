namespace Mmx.Tests.Postgres;

/// <summary>Accounts in cluster mode on PostgreSQL: two API fronts, and a restart of every silo.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresAccountTests(PostgresServer postgres)
{
    [Fact]
    public async Task A_logout_on_one_front_is_refused_by_another()
    {
        await using var fronts = await TwoFronts.Start(postgres.ConnectionString, "fronts");
        var (a, b) = (fronts.A, fronts.B);

        var phone = AccountTestKit.NewPhone();
        await a.SignUp(phone);
        Assert.Equal(0, (int)(await a.LogIn(phone))["err"]!);
        b.Token = a.Token;
        // Both fronts have now confirmed the session and remember it (SessionCache).
        Assert.Equal(0, (int)(await a.Get("/user/personal"))["err"]!);
        Assert.Equal(0, (int)(await b.Get("/user/personal"))["err"]!);

        Assert.Equal(0, (int)(await b.Post("/user/logout"))["err"]!);
        Assert.Equal(2, (int)(await a.Get("/user/personal"))["err"]!);
        Assert.Equal(2, (int)(await b.Get("/user/personal"))["err"]!);
    }

    [Fact]
    public async Task An_erased_account_leaves_no_storage_rows_of_its_grains()
    {
        await using var fronts = await TwoFronts.Start(postgres.ConnectionString, "erase");
        var client = fronts.A;
        var accId = await client.SignUp(AccountTestKit.NewPhone());
        Assert.Equal(0, (int)(await client.Post("/user/feedback", new { feedback = "在吗" }))["err"]!);
        Assert.Equal(0, (int)(await client.Post("/user/setting/private", new { visitEnable = 0 }))["err"]!);

        // Rows of the account's grains (states "user", "user-feedback", "user-social", "user-shops", ...,
        // keyed by the accID): there before, gone after.
        async Task<long> Rows()
        {
            await using var connection = new Npgsql.NpgsqlConnection(postgres.ConnectionString);
            await connection.OpenAsync();
            await using var command = new Npgsql.NpgsqlCommand(
                "select count(*) from orleansstorage where serviceid like 'erase%' and grainidn1 = @id and graintypestring like 'user%'", connection);
            command.Parameters.AddWithValue("id", accId);
            return (long)(await command.ExecuteScalarAsync())!;
        }
        Assert.True(await Rows() >= 3, $"the rows of account {accId} were not found");
        Assert.Equal(0, (int)(await client.Post("/user/delete", new { password = "secret-pass-1" }))["err"]!);
        Assert.Equal(0, await Rows());
    }

    [Fact]
    public async Task Two_fronts_cannot_double_the_sms_or_login_limits()
    {
        await using var fronts = await TwoFronts.Start(postgres.ConnectionString, "limits");
        var (a, b) = (fronts.A, fronts.B);

        // One code per 60 s per number, whichever front is asked.
        var phone = AccountTestKit.NewPhone();
        Assert.Equal(0, (int)(await a.Post("/user/gencode", new { phone }))["err"]!);
        Assert.Equal(7, (int)(await b.Post("/user/gencode", new { phone }))["err"]!);

        // Five wrong passwords lock the account, spread over two fronts.
        var code = await a.ReadCodeFromOutbox(phone);
        Assert.Equal(0, (int)(await a.Post("/user/vercode", new { phone, code }))["err"]!);
        Assert.Equal(0, (int)(await a.Post("/user/register", new { phone, password = "right-pass-1" }))["err"]!);
        for (var i = 0; i < 5; i++)
        {
            var front = i % 2 == 0 ? a : b;
            Assert.Equal(8, (int)(await front.LogIn(phone, password: $"wrong-pass-{i}"))["err"]!);
        }
        Assert.Equal(7, (int)(await a.LogIn(phone, password: "right-pass-1"))["err"]!);
        Assert.Equal(7, (int)(await b.LogIn(phone, password: "right-pass-1"))["err"]!);
    }

    [Fact]
    public async Task Accounts_addresses_and_logouts_survive_a_restart_of_every_silo()
    {
        var clusterId = $"accounts-{Guid.NewGuid():N}";
        var phone = AccountTestKit.NewPhone();
        string loggedOut, live;
        long accId;

        await using (var silos = await SiloPair.Start(postgres.ConnectionString, clusterId))
        await using (var front = new ApiFactory(postgres.ConnectionString, clusterId))
        {
            var client = new ApiClient(front.CreateClient());
            accId = await client.SignUp(phone);
            Assert.Equal(0, (int)(await client.Put("/user/address", new { name = "收件人", phone = "13900139000", address = "杭州西湖", postcode = "310000" }))["err"]!);
            Assert.Equal(0, (int)(await client.LogIn(phone, dev: "IMEI-before"))["err"]!);
            loggedOut = client.Token!;
            Assert.Equal(0, (int)(await client.Post("/user/logout"))["err"]!);
            Assert.Equal(0, (int)(await client.LogIn(phone, dev: "IMEI-last"))["err"]!);
            live = client.Token!;
        }

        await using var newSilos = await SiloPair.Start(postgres.ConnectionString, clusterId);
        await using var newFront = new ApiFactory(postgres.ConnectionString, clusterId);
        var after = new ApiClient(newFront.CreateClient()) { Token = loggedOut };
        Assert.Equal(2, (int)(await after.Get("/user/personal"))["err"]!);

        after.Token = live;
        var info = (await after.Get("/user/personal"))["info"]!;
        Assert.Equal(phone, (string?)info["phone"]);
        var address = Assert.Single((await after.Get("/user/address"))["addressList"]!.AsArray())!;
        Assert.Equal("杭州西湖", (string?)address["address"]);
        Assert.Equal(1, (int)address["default"]!);

        var login = await after.LogIn(phone, dev: "IMEI-after");
        Assert.Equal(accId, (long)login["accID"]!);
        Assert.Equal("IMEI-last", (string?)login["dev"]);
    }

    /// <summary>Two silos and two API fronts of one new cluster on the test's PostgreSQL.</summary>
    private sealed class TwoFronts : IAsyncDisposable
    {
        private readonly SiloPair _silos;
        private readonly ApiFactory _frontA;
        private readonly ApiFactory _frontB;

        private TwoFronts(SiloPair silos, string connectionString, string clusterId)
        {
            _silos = silos;
            _frontA = new ApiFactory(connectionString, clusterId);
            _frontB = new ApiFactory(connectionString, clusterId);
            A = new ApiClient(_frontA.CreateClient());
            B = new ApiClient(_frontB.CreateClient());
        }

        public ApiClient A { get; }
        public ApiClient B { get; }

        public static async Task<TwoFronts> Start(string connectionString, string name)
        {
            var clusterId = $"{name}-{Guid.NewGuid():N}";
            return new TwoFronts(await SiloPair.Start(connectionString, clusterId), connectionString, clusterId);
        }

        public async ValueTask DisposeAsync()
        {
            await _frontB.DisposeAsync();
            await _frontA.DisposeAsync();
            await _silos.DisposeAsync();
        }
    }
}
