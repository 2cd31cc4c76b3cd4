using Dapper;
using IKomek.Dashboard.E2E.Infrastructure;
using IKomek.Dashboard.E2E.Pages;
using Microsoft.Playwright;

namespace IKomek.Dashboard.E2E.Features.CitySystems;

/// <summary>A sensor's reading on an open live panel: written as the intake writes it, its alert appears among the
/// critical incidents by itself, and goes when the cover is closed.</summary>
[Collection(DashboardCollection.Name)]
public sealed class AlertsOnLivePanelTests(DashboardFixture fixture)
{
    [Fact]
    public async Task OpenManhole_AppearsOnTheOpenPanel_AndGoesWhenClosed()
    {
        var live = await LivePage.OpenAsync(fixture);
        await using var db = await fixture.OpenDatabaseAsync();
        await using var conn = await db.OpenConnectionAsync();
        var cover = await conn.ExecuteScalarAsync<long>("""
            INSERT INTO city_objects (system_code, source_id, name, district_id, lat, lon, attrs, last_vals, last_at, updated_at, updated_by)
            SELECT 'manholes', 'e2e-cover', 'Люк E2E-1', min(id), 51.09, 71.35, '{}', '{"state": "closed", "tilt_deg": 0}', city_now(), city_now(), 'e2e'
            FROM districts
            RETURNING id
            """);

        await ReadingAsync(conn, cover, """{"state": "open", "tilt_deg": 0}""");
        var incident = live.SystemIncident("manholes.cover_open").Filter(new() { HasText = "Люк E2E-1" });
        await Assertions.Expect(incident).ToBeVisibleAsync();
        await Assertions.Expect(incident).ToContainTextAsync("Открыт люк");
        await incident.ScrollIntoViewIfNeededAsync();
        await live.ScreenshotAsync("live-system-incident-1920x1080");

        await ReadingAsync(conn, cover, """{"state": "closed", "tilt_deg": 0}""");
        await Assertions.Expect(incident).ToHaveCountAsync(0);
        await live.CloseAsync();
    }

    /// <summary>As the intake writes a reading: the object's latest values and change_seq, a 'systems' change and NOTIFY.</summary>
    private static async Task ReadingAsync(Npgsql.NpgsqlConnection conn, long cover, string vals) => await conn.ExecuteAsync("""
        WITH o AS (
            UPDATE city_objects SET last_vals = @vals::jsonb, last_at = city_now(), updated_at = city_now(), change_seq = nextval('city_object_changes')
            WHERE id = @cover RETURNING change_seq
        ), c AS (
            INSERT INTO appeal_changes (kind, rows, first_id, last_id, critical) SELECT 'systems', 1, change_seq, change_seq, 0 FROM o RETURNING id, first_id
        )
        SELECT pg_notify('city_changes', json_build_object('id', id, 'kind', 'systems', 'rows', 1, 'first_id', first_id, 'last_id', first_id, 'critical', 0)::text) FROM c
        """, new { cover, vals });
}
