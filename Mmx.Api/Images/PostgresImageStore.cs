using Npgsql;

namespace Mmx.Api.Images;

/// <summary>
/// The image store of cluster mode: a table in the cluster's PostgreSQL (<c>MmxImages</c>,
/// db/postgresql-orleans.sql), so an image or upload saved through one front is served by every
/// front without a shared volume or another service to run. Names are content addresses, so a
/// second save of the same bytes is a no-op (<c>ON CONFLICT DO NOTHING</c>) and a row never changes.
/// The table holds at most <c>Mmx:Images:MaxStoreBytes</c> (its size on disk, as PostgreSQL counts
/// it): a new image beyond that is err 6.
/// </summary>
public sealed class PostgresImageStore(NpgsqlDataSource database, ImageSettings settings) : IImageStore
{
    public async Task<string> Save(byte[] bytes, ImageKind kind, CancellationToken cancellation)
    {
        var name = IImageStore.NameOf(bytes, kind);
        await using var connection = await database.OpenConnectionAsync(cancellation);
        await using (var size = new NpgsqlCommand("SELECT pg_total_relation_size('mmximages')", connection))
        {
            if ((long)(await size.ExecuteScalarAsync(cancellation))! + bytes.Length > settings.MaxStoreBytes)
                throw new ApiException(Err.LimitReached, "the image store is full");
        }
        await using var insert = new NpgsqlCommand("INSERT INTO MmxImages (Name, Bytes) VALUES (@name, @bytes) ON CONFLICT (Name) DO NOTHING", connection);
        insert.Parameters.AddWithValue("name", name);
        insert.Parameters.AddWithValue("bytes", bytes);
        await insert.ExecuteNonQueryAsync(cancellation);
        return name;
    }

    public async Task<Stream?> Open(string name, CancellationToken cancellation)
    {
        if (!IImageStore.IsValidName(name)) return null;
        await using var connection = await database.OpenConnectionAsync(cancellation);
        await using var select = new NpgsqlCommand("SELECT Bytes FROM MmxImages WHERE Name = @name", connection);
        select.Parameters.AddWithValue("name", name);
        return await select.ExecuteScalarAsync(cancellation) is byte[] bytes ? new MemoryStream(bytes, writable: false) : null;
    }
}
