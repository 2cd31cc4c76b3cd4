using Dapper;
using IKomek.Dashboard.Platform.Database;
using Npgsql;

namespace IKomek.Dashboard.Tests.Platform.Database;

/// <summary>The app's own PostgreSQL launcher, against the real server binaries.</summary>
public sealed class EmbeddedPostgresTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ikomek-launcher-" + Guid.NewGuid().ToString("N")[..12]);

    [Fact]
    public async Task Start_FreshFolder_CreatesClusterAndAcceptsQueries()
    {
        await using var pg = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions(_folder, Durable: false));

        Assert.True(File.Exists(Path.Combine(pg.DataDirectory, "PG_VERSION")));
        Assert.Equal(42, await ScalarAsync<int>(pg, "SELECT 42"));
    }

    [Fact]
    public async Task Start_ExistingData_ReusesItWithoutInitdb()
    {
        await using (var first = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions(_folder, Durable: false)))
        {
            await ScalarAsync<int>(first, "CREATE TABLE kept (v int); INSERT INTO kept VALUES (7); SELECT 1");
        }
        var versionFileTime = File.GetLastWriteTimeUtc(Path.Combine(_folder, "data", "PG_VERSION"));

        await using var second = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions(_folder, Durable: false));

        Assert.Equal(7, await ScalarAsync<int>(second, "SELECT v FROM kept"));
        Assert.Equal(versionFileTime, File.GetLastWriteTimeUtc(Path.Combine(second.DataDirectory, "PG_VERSION")));
    }

    [Fact]
    public async Task Start_StalePidFileOfDeadServer_StartsAnyway()
    {
        string pidFileContent;
        await using (var first = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions(_folder, Durable: false)))
        {
            pidFileContent = await File.ReadAllTextAsync(Path.Combine(first.DataDirectory, "postmaster.pid"));
        }
        // As after a crash: the server is gone but its pid file stayed behind.
        var pidFile = Path.Combine(_folder, "data", "postmaster.pid");
        await File.WriteAllTextAsync(pidFile, pidFileContent);

        await using var second = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions(_folder, Durable: false));

        Assert.Equal(1, await ScalarAsync<int>(second, "SELECT 1"));
    }

    [Fact]
    public async Task Start_PidFileNamingAnotherLiveProcess_StartsAnyway()
    {
        await using (await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions(_folder, Durable: false)))
        {
        }
        // The crashed server's pid was reused by an unrelated process (here: the test runner itself).
        var pidFile = Path.Combine(_folder, "data", "postmaster.pid");
        await File.WriteAllTextAsync(pidFile, $"{Environment.ProcessId}\n{Path.Combine(_folder, "data")}\n1700000000\n5999\n\n127.0.0.1\n  5999001  0\nready\n");

        await using var second = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions(_folder, Durable: false));

        Assert.NotEqual(5999, second.Port);
        Assert.Equal(1, await ScalarAsync<int>(second, "SELECT 1"));
    }

    [Fact]
    public async Task Start_ServerLeftRunningByAKilledApp_IsAdoptedAndStoppedLater()
    {
        // The first app was killed: its server keeps running and nobody disposes it.
        var orphan = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions(_folder, Durable: false));

        var adopter = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions(_folder, Durable: false));

        Assert.Equal(orphan.Port, adopter.Port);
        Assert.Equal(1, await ScalarAsync<int>(adopter, "SELECT 1"));
        await adopter.StopAsync();
        Assert.False(File.Exists(Path.Combine(_folder, "data", "postmaster.pid")));
    }

    [Fact]
    public async Task Start_BesideARunningApp_LeavesItsServerRunning()
    {
        var app = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions(_folder, Durable: false));

        await using (var verb = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions(_folder, Durable: false, StopAdoptedServer: false)))
        {
            Assert.Equal(app.Port, verb.Port);
        }

        Assert.Equal(1, await ScalarAsync<int>(app, "SELECT 1"));
        await app.StopAsync();
    }

    [Fact]
    public async Task Stop_StopsTheServer()
    {
        var pg = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions(_folder, Durable: false));
        await pg.StopAsync();

        Assert.False(File.Exists(Path.Combine(pg.DataDirectory, "postmaster.pid")));
        await Assert.ThrowsAnyAsync<NpgsqlException>(() => ScalarAsync<int>(pg, "SELECT 1"));
    }

    [Fact]
    public async Task Start_FreshFolder_RefusesAConnectionWithoutThePassword_KeepsItOwnerOnly()
    {
        await using var pg = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions(_folder, Durable: false));

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, ModeOf(pg.PasswordFile));
        Assert.True(EmbeddedPostgres.ReadPassword(_folder).Length >= 40);
        Assert.Equal(1, await ScalarAsync<int>(pg, "SELECT 1"));
        await AssertRefusedAsync(pg, password: null);
        await AssertRefusedAsync(pg, password: "not-the-password");
        Assert.All(File.ReadLines(Path.Combine(pg.DataDirectory, "pg_hba.conf")).Where(l => l.Length > 0 && !l.StartsWith('#')),
            line => Assert.EndsWith("scram-sha-256", line.Trim()));
    }

    [Fact]
    public async Task Start_FolderFromBeforePasswords_IsGivenOneAndRequiresIt()
    {
        // A cluster of an older version: trust in pg_hba.conf, no password file, data kept.
        await using (var old = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions(_folder, Durable: false)))
        {
            await ScalarAsync<int>(old, "CREATE TABLE kept (v int); INSERT INTO kept VALUES (7); SELECT 1");
            await ScalarAsync<int>(old, "ALTER ROLE postgres PASSWORD NULL; SELECT 1");
        }
        await File.WriteAllTextAsync(Path.Combine(_folder, "data", "pg_hba.conf"), "host all all 127.0.0.1/32 trust\n");
        File.Delete(EmbeddedPostgres.PasswordFileOf(_folder));

        await using var upgraded = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions(_folder, Durable: false));

        Assert.Equal(7, await ScalarAsync<int>(upgraded, "SELECT v FROM kept"));
        await AssertRefusedAsync(upgraded, password: null);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, ModeOf(upgraded.PasswordFile));
    }

    private static UnixFileMode? ModeOf(string path) => OperatingSystem.IsWindows() ? null : File.GetUnixFileMode(path);

    private static async Task AssertRefusedAsync(EmbeddedPostgres pg, string? password)
    {
        var csb = new NpgsqlConnectionStringBuilder(pg.ConnectionString("postgres")) { Password = password, Pooling = false, Timeout = 30 };
        await using var conn = new NpgsqlConnection(csb.ConnectionString);
        var e = await Assert.ThrowsAnyAsync<NpgsqlException>(() => conn.OpenAsync());
        Assert.Contains("password", e.Message, StringComparison.OrdinalIgnoreCase);
    }

    // 30 s to connect: on a busy test machine a server that is up can take seconds to answer.
    private static async Task<T> ScalarAsync<T>(EmbeddedPostgres pg, string sql)
    {
        await using var conn = new NpgsqlConnection(pg.ConnectionString("postgres") + ";Pooling=false;Timeout=30");
        await conn.OpenAsync();
        return await conn.ExecuteScalarAsync<T>(sql) ?? throw new InvalidOperationException("no value");
    }

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
