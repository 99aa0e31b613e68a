using Npgsql;

namespace Mmx.Grains;

/// <summary>
/// Applies db/postgresql-orleans.sql (embedded in this assembly). The script is idempotent, so
/// applying it to a database that already has the schema changes nothing but the query texts.
/// </summary>
public static class PostgresSchema
{
    private const string ResourceName = "Mmx.Db.postgresql-orleans.sql";

    public static string Script()
    {
        using var stream = typeof(PostgresSchema).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The resource {ResourceName} is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>
    /// Applies the schema; with <paramref name="appRole"/>, also makes that role (or sets its
    /// password) with exactly the rights the silos and fronts need: connect, and read and write the
    /// rows of Orleans' tables through its functions. The connection must be the database owner's.
    /// </summary>
    public static async Task Apply(string connectionString, string? appRole = null, string? appPassword = null, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Two silos starting at once must not interleave their CREATEs: one waits for the other.
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(7107101)", connection, transaction))
        {
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }
        await using (var command = new NpgsqlCommand(Script(), connection, transaction))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        if (appRole is { Length: > 0 }) await GrantAppRole(connection, transaction, appRole, appPassword ?? "", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task GrantAppRole(NpgsqlConnection connection, NpgsqlTransaction transaction, string role, string password, CancellationToken cancellationToken)
    {
        // The statements are built by the server's format() (%I, %L), so names and the password are quoted by PostgreSQL itself.
        string[] templates =
        [
            "SELECT CASE WHEN EXISTS (SELECT FROM pg_roles WHERE rolname = $1) "
                + "THEN format('ALTER ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD %L', $1::text, $2::text) "
                + "ELSE format('CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD %L', $1::text, $2::text) END",
            "SELECT format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), $1::text)",
            "SELECT format('GRANT USAGE ON SCHEMA public TO %I', $1::text)",
            "SELECT format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO %I', $1::text)",
            "SELECT format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO %I', $1::text)",
            "SELECT format('GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO %I', $1::text)",
        ];
        foreach (var template in templates)
        {
            string statement;
            await using (var build = new NpgsqlCommand(template, connection, transaction))
            {
                build.Parameters.AddWithValue(role);
                if (template.Contains("$2")) build.Parameters.AddWithValue(password);
                statement = (string)(await build.ExecuteScalarAsync(cancellationToken))!;
            }
            await using var run = new NpgsqlCommand(statement, connection, transaction);
            await run.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
