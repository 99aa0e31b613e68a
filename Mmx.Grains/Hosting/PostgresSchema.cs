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

    public static async Task Apply(string connectionString, CancellationToken cancellationToken = default)
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
        await transaction.CommitAsync(cancellationToken);
    }
}
