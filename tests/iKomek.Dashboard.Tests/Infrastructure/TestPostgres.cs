using Dapper;
using IKomek.Dashboard.Platform.Database;
using Npgsql;

namespace IKomek.Dashboard.Tests.Infrastructure;

/// <summary>
/// One throwaway PostgreSQL cluster for the whole test run, started by the app's own launcher. Databases are cloned
/// from migrated templates, so each test class gets a fresh database in a fraction of a second.
/// </summary>
public static class TestPostgres
{
    private static readonly SemaphoreSlim TemplateLock = new(1, 1);
    private static readonly HashSet<string> ReadyTemplates = [];
    private static readonly Lazy<Task<EmbeddedPostgres>> Server = new(StartAsync);

    public static Task<EmbeddedPostgres> GetServerAsync() => Server.Value;

    private const string FolderPrefix = "ikomek-tests-";

    private static async Task<EmbeddedPostgres> StartAsync()
    {
        RemoveClustersOfEndedRuns();
        var folder = Path.Combine(Path.GetTempPath(), $"{FolderPrefix}{Environment.ProcessId}-{Guid.NewGuid():N}"[..40]);
        var server = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions(folder, Durable: false));
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            server.StopAsync().GetAwaiter().GetResult();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        };
        return server;
    }

    /// <summary>
    /// Clusters of test runs whose process is gone: the test host does not always live to its exit handler (a run
    /// cancelled or killed), and each left-behind cluster holds a few hundred megabytes of /tmp.
    /// </summary>
    private static void RemoveClustersOfEndedRuns()
    {
        foreach (var folder in Directory.EnumerateDirectories(Path.GetTempPath(), FolderPrefix + "*"))
        {
            var pid = Path.GetFileName(folder)[FolderPrefix.Length..].Split('-')[0];
            if (!int.TryParse(pid, out var id) || Directory.Exists($"/proc/{id}")) continue;
            var postmaster = Path.Combine(folder, "data", "postmaster.pid");
            // Its server may still run, orphaned: leave that one to its own end rather than pull the folder from under it.
            if (File.Exists(postmaster) && int.TryParse(File.ReadLines(postmaster).FirstOrDefault(), out var serverPid) && Directory.Exists($"/proc/{serverPid}")) continue;
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>A new, empty database (no migrations).</summary>
    public static async Task<string> CreateEmptyDatabaseAsync()
    {
        var server = await GetServerAsync();
        var name = NewName();
        await ExecuteOnAdminAsync(server, $"CREATE DATABASE {name}");
        return server.ConnectionString(name);
    }

    /// <summary>
    /// A new database cloned from a template that <paramref name="prepare"/> builds once per test run
    /// (migrations only, or migrations and a small demo city).
    /// </summary>
    public static async Task<string> CreateDatabaseFromTemplateAsync(string template, Func<NpgsqlDataSource, Task> prepare)
    {
        var server = await GetServerAsync();
        await TemplateLock.WaitAsync();
        try
        {
            if (!ReadyTemplates.Contains(template))
            {
                await ExecuteOnAdminAsync(server, $"DROP DATABASE IF EXISTS {template}");
                await ExecuteOnAdminAsync(server, $"CREATE DATABASE {template}");
                await using (var ds = NpgsqlDataSource.Create(server.ConnectionString(template)))
                {
                    await prepare(ds);
                }
                NpgsqlConnection.ClearAllPools();
                ReadyTemplates.Add(template);
            }
            var name = NewName();
            await ExecuteOnAdminAsync(server, $"CREATE DATABASE {name} TEMPLATE {template}");
            return server.ConnectionString(name);
        }
        finally
        {
            TemplateLock.Release();
        }
    }

    /// <summary>A freshly migrated database.</summary>
    public static Task<string> CreateMigratedDatabaseAsync() =>
        CreateDatabaseFromTemplateAsync("template_migrated", ds => new Migrator(ds, Migrator.DefaultSqlFolder).MigrateAsync());

    private static string NewName() => "t_" + Guid.NewGuid().ToString("N")[..20];

    private static async Task ExecuteOnAdminAsync(EmbeddedPostgres server, string sql)
    {
        await using var conn = new NpgsqlConnection(server.ConnectionString("postgres") + ";Pooling=false");
        await conn.OpenAsync();
        await conn.ExecuteAsync(sql);
    }
}
