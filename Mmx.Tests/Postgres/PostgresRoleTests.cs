using Npgsql;

namespace Mmx.Tests.Postgres;

/// <summary>
/// The silos and fronts need not be superusers (security round three, point 16): the schema step,
/// run as the database's owner, makes the app role with the rights Orleans' storage needs and no
/// DDL; a cluster connected as that role stores and reads state.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresRoleTests(PostgresServer postgres)
{
    [Fact]
    public async Task The_schema_step_makes_an_app_role_that_stores_state_and_can_change_no_schema()
    {
        var role = $"mmx_app_{Guid.NewGuid():N}"[..20];
        await Mmx.Grains.PostgresSchema.Apply(postgres.ConnectionString, role, "app-pass-1");
        // Again: idempotent (the role's password is set again).
        await Mmx.Grains.PostgresSchema.Apply(postgres.ConnectionString, role, "app-pass-2");

        var asApp = new NpgsqlConnectionStringBuilder(postgres.ConnectionString) { Username = role, Password = "app-pass-2" }.ConnectionString;
        await using (var connection = new NpgsqlConnection(asApp))
        {
            await connection.OpenAsync();
            await using (var super = new NpgsqlCommand("SELECT rolsuper FROM pg_roles WHERE rolname = current_user", connection))
            {
                Assert.False((bool)(await super.ExecuteScalarAsync())!);
            }
            await using var ddl = new NpgsqlCommand("CREATE TABLE app_role_may_not (x int)", connection);
            var refused = await Assert.ThrowsAsync<PostgresException>(() => ddl.ExecuteNonQueryAsync());
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        }

        // A cluster on that role: grain state written and read back through Orleans' functions.
        var cluster = new TwoSiloCluster(asApp);
        await cluster.InitializeAsync();
        try
        {
            var accId = await AccountTestKit.Register(cluster.Client);
            Assert.True(await cluster.Client.GetGrain<Mmx.Grains.Accounts.IUserGrain>(accId).Exists());
        }
        finally
        {
            await cluster.DisposeAsync();
        }
    }
}
