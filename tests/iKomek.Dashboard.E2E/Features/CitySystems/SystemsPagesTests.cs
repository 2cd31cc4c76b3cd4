using Dapper;
using IKomek.Dashboard.E2E.Infrastructure;
using IKomek.Dashboard.E2E.Pages;
using IKomek.Dashboard.Tests.Features.CitySystems;
using Microsoft.Playwright;

namespace IKomek.Dashboard.E2E.Features.CitySystems;

/// <summary>The city systems' pages in a real browser, on the known data set written into the app's database.</summary>
[Collection(DashboardCollection.Name)]
public sealed class SystemsPagesTests(DashboardFixture fixture)
{
    private static readonly SemaphoreSlim Seeding = new(1, 1);

    private async Task SeedOnceAsync()
    {
        await Seeding.WaitAsync();
        try
        {
            await using var db = await fixture.OpenDatabaseAsync();
            await using var conn = await db.OpenConnectionAsync();
            if (await conn.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM city_objects WHERE system_code = 'manholes' AND source_id = 'MH-000')")) return;
            await SystemsData.SeedAsync(conn, DashboardFixture.Clock.GetUtcNow().UtcDateTime);
        }
        finally
        {
            Seeding.Release();
        }
    }

    [Fact]
    public async Task Overview_ShowsEverySystemWithItsCountsAndFreshness()
    {
        await SeedOnceAsync();
        var overview = await SystemsOverviewPage.OpenAsync(fixture);

        await Assertions.Expect(overview.Heading).ToHaveTextAsync("Городские системы");
        await Assertions.Expect(overview.Tiles).ToHaveCountAsync(13);
        await Assertions.Expect(overview.Tile("manholes").GetByTestId("tile-critical")).ToHaveTextAsync("2");
        await Assertions.Expect(overview.Tile("manholes")).ToHaveAttributeAsync("data-stale", "false");
        await Assertions.Expect(overview.Tile("fuel")).ToHaveAttributeAsync("data-stale", "true");

        await overview.ScreenshotsAsync("systems");
        await overview.CloseAsync();
    }

    [Fact]
    public async Task SystemPage_FilterInTheAddress_LanguageSwitch_AndALiveUpdate()
    {
        await SeedOnceAsync();
        var page = await SystemPageObject.OpenAsync(fixture, "/systems/manholes?f.state=open");

        await Assertions.Expect(page.ObjectLinks).ToHaveCountAsync(2);
        await Assertions.Expect(page.Map.GetByTestId("map-point")).ToHaveCountAsync(2);
        await page.ScreenshotsAsync("system-manholes");

        await page.ResizeAsync(1920, 1080);
        var english = await SystemPageObject.GotoInAsync(page.Page, "en", "/systems/manholes");
        await Assertions.Expect(english.Heading).ToHaveTextAsync("Manhole cover monitoring");
        var before = await english.Total.TextContentAsync();

        // A new cover arrives as the intake writes one: the open page follows, still in English.
        await using (var db = await fixture.OpenDatabaseAsync())
        await using (var conn = await db.OpenConnectionAsync())
        {
            await conn.ExecuteAsync("""
                INSERT INTO city_objects (system_code, source_id, name, district_id, lat, lon, attrs, last_vals, last_at, updated_at, updated_by)
                SELECT 'manholes', 'MH-LIVE', 'Live cover', id, center_lat, center_lon, '{"network":"water"}', '{"state":"closed","tilt_deg":1}', @now, @now, 'test'
                FROM districts ORDER BY id LIMIT 1
                """, new { now = DashboardFixture.Clock.GetUtcNow().UtcDateTime });
            await SystemsData.NotifyAsync(conn);
        }
        await Assertions.Expect(english.Total).Not.ToHaveTextAsync(before!);
        await Assertions.Expect(english.Heading).ToHaveTextAsync("Manhole cover monitoring");
        await english.CloseAsync();
    }

    [Fact]
    public async Task Cameras_ThousandsOnAGrid_AndTheSocialMapAsTotals()
    {
        await SeedOnceAsync();
        var cameras = await SystemPageObject.OpenAsync(fixture, "/systems/cameras");
        await Assertions.Expect(cameras.Map).ToHaveAttributeAsync("data-mode", "grid");
        await cameras.ScreenshotsAsync("system-cameras");
        await cameras.CloseAsync();

        var social = await SystemPageObject.OpenAsync(fixture, "/systems/social_map");
        await Assertions.Expect(social.Map).ToHaveAttributeAsync("data-mode", "districts");
        await Assertions.Expect(social.Page.GetByTestId("district-totals").First).ToBeVisibleAsync();
        Assert.DoesNotContain("Иванов", await social.Body.TextContentAsync());
        await social.ScreenshotsAsync("system-social-map");
        await social.CloseAsync();
    }

    [Fact]
    public async Task ObjectPage_FromTheSystemsTable_ShowsItsAttributesReadingsAndChart_AndAPersonalRecordOnlyWithTheRight()
    {
        await SeedOnceAsync();
        var system = await SystemPageObject.OpenAsync(fixture, "/systems/manholes?text=MH-003");
        await Assertions.Expect(system.ObjectLinks).ToHaveCountAsync(1);
        await system.ObjectLinks.First.ClickAsync();

        var cover = await SystemObjectPageObject.ReadyOnAsync(system.Page);
        await Assertions.Expect(cover.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/systems/manholes/objects/MH-003$"));
        await Assertions.Expect(cover.Attributes).ToContainTextAsync("Канализация");
        await Assertions.Expect(cover.Readings.First).ToContainTextAsync("Закрыта");
        await Assertions.Expect(AppPage.Drawing(cover.Chart)).ToBeVisibleAsync();
        await cover.ScreenshotsAsync("system-object-manhole");
        await cover.CloseAsync();

        // A household of the social map: hidden from an anonymous reader, shown to an operator (and audited).
        var anonymous = await SystemObjectPageObject.OpenAsync(fixture, "/systems/social_map/objects/SM-001");
        await Assertions.Expect(anonymous.Hidden).ToBeVisibleAsync();
        Assert.DoesNotContain("Иванов", await anonymous.Body.TextContentAsync());
        await anonymous.CloseAsync();
        var operatorView = await SystemObjectPageObject.OpenAsync(fixture, "/systems/social_map/objects/SM-001", "operator");
        await Assertions.Expect(operatorView.Attributes).ToContainTextAsync("Иванов Иван 1");
        await operatorView.CloseAsync();
        await using var db = await fixture.OpenDatabaseAsync();
        await using var conn = await db.OpenConnectionAsync();
        Assert.True(await conn.ExecuteScalarAsync<bool>(
            "SELECT EXISTS (SELECT 1 FROM audit_log WHERE action = 'systems.personal_view' AND actor = 'operator' AND subject_id LIKE '%SM-001%')"));
    }

    [Fact]
    public async Task Wall_ShowsTheSystemsCounters()
    {
        await SeedOnceAsync();
        var page = await fixture.OpenAsync(LivePage.WallPath);
        var wall = await LivePage.ReadyOnAsync(page);

        await Assertions.Expect(wall.Page.GetByTestId("wall-system-critical").First).ToBeVisibleAsync();
        await wall.ScreenshotAsync("live-wall-systems-1920x1080");
        await wall.CloseAsync();
    }
}
