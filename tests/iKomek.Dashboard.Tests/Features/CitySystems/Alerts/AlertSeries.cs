using Dapper;
using IKomek.Dashboard.Features.CitySystems.Alerts;
using IKomek.Dashboard.Tests.Infrastructure;
using Npgsql;

namespace IKomek.Dashboard.Tests.Features.CitySystems.Alerts;

/// <summary>
/// A fresh migrated database per test with objects written as the intake writes them (an object's latest reading or
/// attributes, a new change_seq), an evaluator on a clock the test moves, and what is open.
/// </summary>
public abstract class AlertSeries : IAsyncLifetime
{
    protected NpgsqlDataSource Db { get; private set; } = null!;
    protected TestClock.ManualClock Clock { get; private set; } = new(TestClock.Now);
    protected AlertEvaluator Evaluator { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Db = NpgsqlDataSource.Create(await TestPostgres.CreateMigratedDatabaseAsync());
        Evaluator = new AlertEvaluator(Db, Clock);
    }

    public async Task DisposeAsync() => await Db.DisposeAsync();

    /// <summary>Sets the clock to a local time in Astana.</summary>
    protected void At(int year, int month, int day, int hour = 12) =>
        Clock.Advance(new DateTimeOffset(year, month, day, hour, 0, 0, TimeSpan.FromHours(5)) - Clock.GetUtcNow());

    protected async Task<long> ObjectAsync(string system, string attrs = "{}", string? vals = null, int? district = null,
        double? lat = null, double? lon = null)
    {
        await using var conn = await Db.OpenConnectionAsync();
        return await conn.ExecuteScalarAsync<long>("""
            INSERT INTO city_objects (system_code, source_id, name, district_id, lat, lon, attrs, last_vals, last_at, updated_at, updated_by)
            VALUES (@system, 'src-' || nextval('city_object_changes'), 'Объект', @district, @lat, @lon, @attrs::jsonb, @vals::jsonb,
                    CASE WHEN @vals::text IS NULL THEN NULL ELSE @now END, @now, 'test')
            RETURNING id
            """, new { system, attrs, vals, now = Clock.GetUtcNow().UtcDateTime, district, lat, lon });
    }

    /// <summary>A feed's new reading, as the intake writes it: the latest values on the object, a new change_seq.</summary>
    protected async Task ReadingAsync(long id, string vals)
    {
        await using var conn = await Db.OpenConnectionAsync();
        await conn.ExecuteAsync("""
            UPDATE city_objects SET last_vals = @vals::jsonb, last_at = @now, updated_at = @now, change_seq = nextval('city_object_changes')
            WHERE id = @id
            """, new { id, vals, now = Clock.GetUtcNow().UtcDateTime });
    }

    /// <summary>A register's row changed: attributes merged.</summary>
    protected async Task AttrsAsync(long id, string attrs)
    {
        await using var conn = await Db.OpenConnectionAsync();
        await conn.ExecuteAsync("""
            UPDATE city_objects SET attrs = attrs || @attrs::jsonb, updated_at = @now, change_seq = nextval('city_object_changes')
            WHERE id = @id
            """, new { id, attrs, now = Clock.GetUtcNow().UtcDateTime });
    }

    /// <summary>The codes of the rules with an open alert on the object.</summary>
    protected async Task<List<string>> OpenOnAsync(long id)
    {
        await using var conn = await Db.OpenConnectionAsync();
        return (await conn.QueryAsync<string>("""
            SELECT r.code FROM city_alerts a JOIN city_alert_rules r ON r.id = a.rule_id
            WHERE a.object_id = @id AND a.closed_at IS NULL ORDER BY 1
            """, new { id })).AsList();
    }

    protected async Task<long> CountAsync(string sql, object? args = null)
    {
        await using var conn = await Db.OpenConnectionAsync();
        return await conn.ExecuteScalarAsync<long>(sql, args);
    }
}
