using System.Globalization;
using Dapper;
using IKomek.Dashboard.Platform.Audit;
using Npgsql;

namespace IKomek.Dashboard.Features.Administration;

public sealed record DatabaseInfo(string ServerVersion, string DatabaseName, long SizeBytes, DateTime StartedAt);

public sealed record TableSize(string Table, long Rows, long SizeBytes);

public sealed record AppliedMigration(string File, string Checksum, DateTime AppliedAt);

public sealed record DemoCityInfo(int Seed, double Scale, int Years, DateTime EndDate, long Appeals, DateTime GeneratedAt);

public sealed record Holiday(DateOnly Day, string NameRu, string NameKk, string NameEn);

/// <summary>A person of the city's directory; <paramref name="CanSignIn"/> when the row has a password (0015_accounts.sql).</summary>
public sealed record UserRow(int Id, string Login, string DisplayName, string Role, int? DepartmentId, bool CanSignIn, bool Disabled, DateTime? LastSignInAt);

public sealed record AdministrationSnapshot(
    DatabaseInfo Database,
    IReadOnlyList<TableSize> Tables,
    IReadOnlyList<AppliedMigration> Migrations,
    DemoCityInfo? DemoCity,
    IReadOnlyList<UserRow> Users);

public sealed class AdministrationQueries(NpgsqlDataSource db)
{
    public async Task<AdministrationSnapshot> GetSnapshotAsync(CancellationToken ct = default)
    {
        const string sql = """
            SELECT split_part(split_part(version(), ' on ', 1), ' (', 1) AS ServerVersion, current_database() AS DatabaseName,
                   pg_database_size(current_database()) AS SizeBytes, pg_postmaster_start_time() AS StartedAt;

            -- Planner estimates: exact counts of millions of rows would cost seconds on every visit.
            SELECT c.relname AS "Table", greatest(c.reltuples, 0)::bigint AS Rows, pg_total_relation_size(c.oid) AS SizeBytes
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND c.relkind = 'r'
            ORDER BY pg_total_relation_size(c.oid) DESC;

            SELECT file AS File, checksum AS Checksum, applied_at AS AppliedAt FROM schema_migrations ORDER BY file;

            SELECT seed AS Seed, scale AS Scale, years AS Years, end_date::timestamp AS EndDate, appeals AS Appeals, generated_at AS GeneratedAt
            FROM demo_city;

            SELECT id AS Id, login AS Login, display_name AS DisplayName, role AS Role, department_id::int AS DepartmentId,
                   password_hash IS NOT NULL AS CanSignIn, disabled AS Disabled, last_sign_in_at AS LastSignInAt
            FROM users ORDER BY id;
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var grid = await conn.QueryMultipleAsync(new CommandDefinition(sql, cancellationToken: ct));
        var info = await grid.ReadSingleAsync<DatabaseInfo>();
        var tables = (await grid.ReadAsync<TableSize>()).AsList();
        var migrations = (await grid.ReadAsync<AppliedMigration>()).AsList();
        var demo = await grid.ReadSingleOrDefaultAsync<DemoCityInfo>();
        var users = (await grid.ReadAsync<UserRow>()).AsList();
        return new AdministrationSnapshot(info, tables, migrations, demo, users);
    }

    /// <summary>Public holidays from <paramref name="from"/> on, in date order.</summary>
    public async Task<IReadOnlyList<Holiday>> GetHolidaysAsync(DateOnly from, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<(DateTime Day, string Ru, string Kk, string En)>(new CommandDefinition(
            "SELECT day::timestamp, name_ru, name_kk, name_en FROM holidays WHERE day >= @from ORDER BY day",
            new { from = from.ToDateTime(TimeOnly.MinValue) }, cancellationToken: ct));
        return rows.Select(r => new Holiday(DateOnly.FromDateTime(r.Day), r.Ru, r.Kk, r.En)).ToList();
    }

    /// <returns>False when the day is a holiday already (and nothing is logged).</returns>
    public async Task<bool> AddHolidayAsync(Actor by, DateOnly day, string name, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        // One name for all three languages until someone translates it: an administrator types it once.
        if (await conn.ExecuteAsync(new CommandDefinition(
                "INSERT INTO holidays (day, name_ru, name_kk, name_en) VALUES (@day, @name, @name, @name) ON CONFLICT (day) DO NOTHING",
                new { day = day.ToDateTime(TimeOnly.MinValue), name }, tx, cancellationToken: ct)) != 1) return false;
        await AuditLog.RecordAsync(conn, tx, by, AuditActions.HolidayChange, "holiday", Key(day), new { change = "added", name }, ct);
        await tx.CommitAsync(ct);
        return true;
    }

    /// <returns>False when the day was not a holiday (and nothing is logged).</returns>
    public async Task<bool> RemoveHolidayAsync(Actor by, DateOnly day, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var name = await conn.ExecuteScalarAsync<string?>(new CommandDefinition("DELETE FROM holidays WHERE day = @day RETURNING name_ru",
            new { day = day.ToDateTime(TimeOnly.MinValue) }, tx, cancellationToken: ct));
        if (name is null) return false;
        await AuditLog.RecordAsync(conn, tx, by, AuditActions.HolidayChange, "holiday", Key(day), new { change = "removed", name }, ct);
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>A holiday's subject id in the audit log: its date, yyyy-MM-dd.</summary>
    private static string Key(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
