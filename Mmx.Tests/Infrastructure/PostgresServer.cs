using System.Diagnostics;
using Npgsql;

namespace Mmx.Tests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL for the tests: its own data folder and a free loopback port, run as the
/// `postgres` user when the tests run as root (postgres refuses root). Set MMX_TEST_POSTGRES to a
/// connection string to use an existing server instead. The schema is applied on start.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private const string BinDir = "/usr/lib/postgresql/15/bin";
    private string? _dataDir;

    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var given = Environment.GetEnvironmentVariable("MMX_TEST_POSTGRES");
        if (!string.IsNullOrWhiteSpace(given))
        {
            ConnectionString = given;
        }
        else
        {
            var port = FreePorts.Next();
            _dataDir = Path.Combine(Path.GetTempPath(), $"mmx-pg-{Guid.NewGuid():N}");
            Directory.CreateDirectory(_dataDir);
            await Run("chown", $"postgres:postgres {_dataDir}", asPostgres: false, optional: !IsRoot);
            await Run($"{BinDir}/initdb", $"-D {_dataDir}/data -U postgres --auth=trust -E UTF8 --no-sync", asPostgres: true);
            await Run($"{BinDir}/pg_ctl",
                $"-D {_dataDir}/data -l {_dataDir}/server.log -w -o \"-p {port} -k {_dataDir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200\" start",
                asPostgres: true);
            ConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=50";
        }
        await PostgresSchema.Apply(ConnectionString);
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_dataDir is null) return;
        await Run($"{BinDir}/pg_ctl", $"-D {_dataDir}/data -m immediate -w stop", asPostgres: true, optional: true);
        try { Directory.Delete(_dataDir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private static bool IsRoot => Environment.UserName == "root";

    private static async Task Run(string file, string arguments, bool asPostgres, bool optional = false)
    {
        var start = asPostgres && IsRoot
            ? new ProcessStartInfo("runuser", $"-u postgres -- {file} {arguments}")
            : new ProcessStartInfo(file, arguments);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0 && !optional)
        {
            throw new InvalidOperationException($"{file} {arguments} failed ({process.ExitCode}): {await output} {await error}");
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "postgres";
}
