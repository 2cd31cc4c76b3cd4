using Dapper;
using IKomek.Dashboard.Platform.Database;
using IKomek.Dashboard.Tests.Infrastructure;
using Npgsql;

namespace IKomek.Dashboard.Tests.Platform.Database;

/// <summary>Numbered migrations: order, idempotence, checksum guard, atomicity; and the real sql/ folder.</summary>
public sealed class MigratorTests : IAsyncLifetime, IDisposable
{
    private readonly string _sql = Path.Combine(Path.GetTempPath(), "ikomek-sql-" + Guid.NewGuid().ToString("N")[..12]);
    private NpgsqlDataSource _db = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.Combine(_sql, "schema"));
        _db = NpgsqlDataSource.Create(await TestPostgres.CreateEmptyDatabaseAsync());
    }

    [Fact]
    public async Task Migrate_AppliesFilesInNumberOrder()
    {
        // 0010 needs 0002's table, which needs 0001's: any other order fails.
        Write("0010_c.sql", "ALTER TABLE b ADD COLUMN extra int;");
        Write("0001_a.sql", "CREATE TABLE a (id int PRIMARY KEY);");
        Write("0002_b.sql", "CREATE TABLE b (a_id int REFERENCES a (id));");

        var applied = await Migrate();

        Assert.Equal(["0001_a.sql", "0002_b.sql", "0010_c.sql"], applied);
        await using var conn = await _db.OpenConnectionAsync();
        var recorded = await conn.QueryAsync<string>("SELECT file FROM schema_migrations ORDER BY applied_at, file");
        Assert.Equal(applied, recorded);
    }

    [Fact]
    public async Task Migrate_Twice_SecondRunAppliesNothing()
    {
        Write("0001_a.sql", "CREATE TABLE a (id int);");
        await Migrate();

        var second = await Migrate();

        Assert.Empty(second);
    }

    [Fact]
    public async Task Migrate_AppliedFileEdited_StopsWithClearMessage()
    {
        Write("0001_a.sql", "CREATE TABLE a (id int);");
        await Migrate();
        Write("0001_a.sql", "CREATE TABLE a (id bigint);");

        var error = await Assert.ThrowsAsync<MigrationChecksumException>(Migrate);

        Assert.Contains("0001_a.sql", error.Message);
        Assert.Contains("edited after it was applied", error.Message);
    }

    [Fact]
    public async Task Migrate_FailingFile_RollsBackThatFileAndKeepsEarlierOnes()
    {
        Write("0001_a.sql", "CREATE TABLE a (id int);");
        Write("0002_bad.sql", "CREATE TABLE half (id int); SELECT no_such_function();");

        await Assert.ThrowsAsync<PostgresException>(Migrate);

        await using var conn = await _db.OpenConnectionAsync();
        Assert.Equal(["0001_a.sql"], await conn.QueryAsync<string>("SELECT file FROM schema_migrations"));
        Assert.False(await conn.ExecuteScalarAsync<bool>("SELECT to_regclass('half') IS NOT NULL"));
    }

    [Fact]
    public async Task Migrate_RealSqlFolder_CreatesTheWholeSchema()
    {
        var applied = await new Migrator(_db, Migrator.DefaultSqlFolder).MigrateAsync();

        Assert.NotEmpty(applied);
        await using var conn = await _db.OpenConnectionAsync();
        foreach (var table in new[] { "districts", "departments", "organisations", "areas", "service_types", "channels", "managers", "users",
                     "appeals", "appeal_events", "kpis", "kpi_values", "projects", "project_milestones", "project_risks",
                     "systemic_problems", "planted_problems", "rating_results", "rating_weights" })
        {
            Assert.True(await conn.ExecuteScalarAsync<bool>($"SELECT to_regclass('{table}') IS NOT NULL"), table);
        }
        Assert.Empty(await new Migrator(_db, Migrator.DefaultSqlFolder).MigrateAsync());
    }

    [Fact]
    public async Task Migrate_ViewReadingALaterView_IsCreatedAfterIt()
    {
        Write("0001_a.sql", "CREATE TABLE a (id int);");
        Directory.CreateDirectory(Path.Combine(_sql, "views"));
        File.WriteAllText(Path.Combine(_sql, "views", "v_a_total.sql"), "CREATE VIEW v_a_total AS SELECT count(*) AS n FROM v_z_ids;");
        File.WriteAllText(Path.Combine(_sql, "views", "v_z_ids.sql"), "CREATE VIEW v_z_ids AS SELECT id FROM a;");

        await Migrate();
        await Migrate();

        await using var conn = await _db.OpenConnectionAsync();
        Assert.Equal(0, await conn.ExecuteScalarAsync<long>("SELECT n FROM v_a_total"));
    }

    [Fact]
    public async Task Migrate_EditedFunctionFile_TakesEffectAtTheNextStart()
    {
        Write("0001_f.sql", "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;");
        WriteFunction("feature/f.sql", "CREATE OR REPLACE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 2 $$;");
        await Migrate();
        await using var conn = await _db.OpenConnectionAsync();
        Assert.Equal(2, await conn.ExecuteScalarAsync<int>("SELECT f()"));

        WriteFunction("feature/f.sql", "CREATE OR REPLACE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 3 $$;");
        Assert.Empty(await Migrate());

        Assert.Equal(3, await conn.ExecuteScalarAsync<int>("SELECT f()"));
    }

    /// <summary>A node starting on the same version leaves the views alone (dropping them under other nodes' reads can
    /// deadlock); an edited view file, or a view gone, has them made again.</summary>
    [Fact]
    public async Task Migrate_SameViewFiles_KeepTheViews_AnEditedOrMissingOneRemakesThem()
    {
        Write("0001_a.sql", "CREATE TABLE a (id int);");
        Directory.CreateDirectory(Path.Combine(_sql, "views"));
        File.WriteAllText(Path.Combine(_sql, "views", "v_a_ids.sql"), "CREATE VIEW v_a_ids AS SELECT id FROM a;");
        await Migrate();
        await using var conn = await _db.OpenConnectionAsync();
        const string oid = "SELECT 'v_a_ids'::regclass::oid::bigint";
        var first = await conn.ExecuteScalarAsync<long>(oid);

        await Migrate();
        Assert.Equal(first, await conn.ExecuteScalarAsync<long>(oid));

        File.WriteAllText(Path.Combine(_sql, "views", "v_a_ids.sql"), "CREATE VIEW v_a_ids AS SELECT id, id * 2 AS twice FROM a;");
        await Migrate();
        Assert.NotEqual(first, await conn.ExecuteScalarAsync<long>(oid));
        Assert.Equal(2L, await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM information_schema.columns WHERE table_name = 'v_a_ids'"));

        await conn.ExecuteAsync("DROP VIEW v_a_ids");
        await Migrate();
        Assert.Equal(2L, await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM information_schema.columns WHERE table_name = 'v_a_ids'"));
    }

    [Fact]
    public async Task Migrate_FunctionsInViewsSubfolders_AreAppliedBeforeTheViews()
    {
        Write("0001_a.sql", "CREATE TABLE a (id int);");
        WriteFunction("b/double_it.sql", "CREATE OR REPLACE FUNCTION double_it(x int) RETURNS int LANGUAGE sql AS $$ SELECT 2 * x $$;");
        Directory.CreateDirectory(Path.Combine(_sql, "views", "a"));
        File.WriteAllText(Path.Combine(_sql, "views", "a", "v_a_doubled.sql"), "CREATE VIEW v_a_doubled AS SELECT double_it(id) AS d FROM a;");

        await Migrate();

        await using var conn = await _db.OpenConnectionAsync();
        await conn.ExecuteAsync("INSERT INTO a VALUES (21)");
        Assert.Equal(42, await conn.ExecuteScalarAsync<int>("SELECT d FROM v_a_doubled"));
    }

    /// <summary>The current body of each function lives in one place: sql/functions, not only in a migration.</summary>
    [Fact]
    public async Task RealSqlFolder_EveryFunctionOfTheSchema_HasItsFileInSqlFunctions()
    {
        await new Migrator(_db, Migrator.DefaultSqlFolder).MigrateAsync();
        var files = Directory.GetFiles(Path.Combine(Migrator.DefaultSqlFolder, "functions"), "*.sql", SearchOption.AllDirectories)
            .Select(File.ReadAllText).ToList();

        await using var conn = await _db.OpenConnectionAsync();
        var functions = await conn.QueryAsync<string>("""
            SELECT p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
            WHERE n.nspname = 'public' AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
            """);

        Assert.NotEmpty(functions);
        Assert.All(functions, f => Assert.Contains(files, text => text.Contains($"FUNCTION {f}(", StringComparison.Ordinal)));
    }

    private void WriteFunction(string relativePath, string sql)
    {
        var path = Path.Combine(_sql, "functions", relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, sql);
    }

    private void Write(string file, string sql) => File.WriteAllText(Path.Combine(_sql, "schema", file), sql);

    private async Task<IReadOnlyList<string>> Migrate() => await new Migrator(_db, _sql).MigrateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    public void Dispose() => Directory.Delete(_sql, recursive: true);
}
