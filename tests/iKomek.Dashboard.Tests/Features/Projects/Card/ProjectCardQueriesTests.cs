using Dapper;
using IKomek.Dashboard.Features.Projects.Card;
using IKomek.Dashboard.Platform.City;
using IKomek.Dashboard.Tests.Infrastructure;

namespace IKomek.Dashboard.Tests.Features.Projects.Card;

/// <summary>The project card's reads against a small demo city in a real PostgreSQL, with the rows each case needs written by hand.</summary>
public sealed class ProjectCardQueriesTests(DemoCityDatabase city) : IClassFixture<DemoCityDatabase>
{
    // Far outside the city: no appeal of the demo city lies within kilometres.
    private const double Lat = 51.30, Lon = 71.10;
    private const double MetresPerDegree = 111195;

    private ProjectCardQueries Queries => new(city.DataSource);

    [Fact]
    public async Task Card_UnknownCode_IsNull()
    {
        Assert.Null(await Queries.GetCardAsync("NO-SUCH-PROJECT"));
    }

    [Fact]
    public async Task Card_DemoProject_HasItsPlanDeputyAndMilestones()
    {
        var (id, code) = await CardRows.ProjectAsync(city.DataSource, 0);

        var card = (await Queries.GetCardAsync(code))!;

        Assert.Equal(id, card.Project.Id);
        Assert.False(string.IsNullOrWhiteSpace(card.Project.DeputyName));
        Assert.True(card.Project.BaselineEndDate >= card.Project.BaselineStartDate);
        Assert.InRange(card.Project.PlannedPct, 0m, 100m);
        await using var conn = await city.DataSource.OpenConnectionAsync();
        Assert.Equal(await conn.ExecuteScalarAsync<int>("SELECT count(*) FROM project_milestones WHERE project_id = @id", new { id }), card.Milestones.Count);
        Assert.Equal(card.Milestones.OrderBy(m => m.DueDate).Select(m => m.Id), card.Milestones.Select(m => m.Id));
    }

    [Fact]
    public async Task Card_WrittenRows_ComeInTheCardsOrder()
    {
        var (id, code) = await CardRows.ProjectAsync(city.DataSource, 1);
        int firstKpi;
        await using (var conn = await city.DataSource.OpenConnectionAsync())
        {
            await conn.ExecuteAsync("""
                INSERT INTO project_results (project_id, kind, name_ru, name_kk, name_en, unit, planned, achieved) VALUES
                    (@id, 'final', 'Дети в школе', 'Мектептегі балалар', 'Children in school', 'чел.', 1200, NULL),
                    (@id, 'direct', 'Ученических мест', 'Оқушы орындары', 'School places', 'мест', 1200, 900);
                INSERT INTO project_plan_changes (project_id, field, old_value, new_value, reason, changed_at, changed_by) VALUES
                    (@id, 'budget_kzt', '1000000000', '1200000000', 'Удорожание металла', '2026-02-01 10:00+05', 'project.office'),
                    (@id, 'planned_end_date', '2026-06-30', '2026-09-30', 'Перенос сроков поставки лифтов', '2026-01-10 10:00+05', 'project.office');
                INSERT INTO project_risks (project_id, title, severity, is_open, raised_on, kind, owner, due_date, to_meeting) VALUES
                    (@id, 'Низкий риск', 1, true, '2026-01-01', 'risk', 'Иванов', '2026-05-01', false),
                    (@id, 'Срыв поставки', 3, true, '2026-02-01', 'issue', 'Сейткали', '2026-04-15', true),
                    (@id, 'Закрытый', 3, false, '2025-12-01', 'risk', NULL, NULL, false);
                INSERT INTO project_kpis (project_id, kpi_id) SELECT @id, min(id) FROM kpis ON CONFLICT DO NOTHING;
                """, new { id });
            firstKpi = await conn.ExecuteScalarAsync<int>("SELECT min(id) FROM kpis");
        }
        await CardRows.PhotoAsync(city.DataSource, id, new DateTime(2026, 3, 1), "Фасад");
        await CardRows.PhotoAsync(city.DataSource, id, new DateTime(2026, 1, 15));

        var card = (await Queries.GetCardAsync(code))!;

        // Direct results before final ones; achieved as a share of planned (the demo city may have results of its own).
        var results = card.Results.Where(r => r.NameEn is "Children in school" or "School places").ToList();
        Assert.Equal(["direct", "final"], results.Select(r => r.Kind));
        Assert.Equal(75m, results[0].AchievedPct);
        Assert.Null(results[1].AchievedPct);
        Assert.True(card.Results.SkipWhile(r => r.Kind == "direct").All(r => r.Kind == "final"));
        // Plan changes in the order they were made; the login read as the person's name.
        var changes = card.PlanChanges.Where(c => c.Reason is "Удорожание металла" or "Перенос сроков поставки лифтов").ToList();
        Assert.Equal(["planned_end_date", "budget_kzt"], changes.Select(c => c.Field));
        Assert.NotEqual("project.office", changes[0].ChangedBy);
        // Open risks first, the most severe first.
        var mine = card.Risks.Where(r => r.Title is "Низкий риск" or "Срыв поставки" or "Закрытый").Select(r => r.Title).ToList();
        Assert.Equal(["Срыв поставки", "Низкий риск", "Закрытый"], mine);
        Assert.True(card.Risks.Single(r => r.Title == "Срыв поставки").ToMeeting);
        // Photos by the day they were taken; the served KPI with its latest value.
        Assert.Equal(card.Photos.OrderBy(p => p.TakenOn).Select(p => p.Id), card.Photos.Select(p => p.Id));
        Assert.Contains(card.Photos, p => p.Caption == "Фасад" && p.TakenOn == new DateTime(2026, 3, 1));
        var kpi = Assert.Single(card.Kpis, k => k.Id == firstKpi);
        Assert.NotNull(kpi.Actual);
        Assert.NotNull(kpi.ExecutionPct);
    }

    [Fact]
    public async Task SiteAppeals_CountsTheGroupsTypesWithinTheRadiusByMonth()
    {
        var (id, _) = await CardRows.ProjectAsync(city.DataSource, 2);
        var (counted, other) = await TwoServiceTypesAsync();
        await CardRows.PlaceAsync(city.DataSource, id, Lat, Lon, new DateTime(2025, 10, 1), counted);
        var lonPerMetre = 1 / (MetresPerDegree * Math.Cos(Lat * Math.PI / 180));
        // Three within 500 m (110 m, 220 m, 445 m), before and after the start.
        await CardRows.AppealAsync(city.DataSource, "TEST-CARD-1", counted, Lat + 110 / MetresPerDegree, Lon, new DateTime(2025, 8, 10, 6, 0, 0));
        await CardRows.AppealAsync(city.DataSource, "TEST-CARD-2", counted, Lat, Lon - 220 * lonPerMetre, new DateTime(2025, 11, 3, 6, 0, 0));
        await CardRows.AppealAsync(city.DataSource, "TEST-CARD-3", counted, Lat - 445 / MetresPerDegree, Lon, new DateTime(2026, 3, 20, 6, 0, 0));
        // Inside the bounding box but 610 m away; a type the group does not count, 50 m away; one too early (before the window).
        await CardRows.AppealAsync(city.DataSource, "TEST-CARD-4", counted, Lat + 445 / MetresPerDegree, Lon + 417 * lonPerMetre, new DateTime(2025, 12, 1, 6, 0, 0));
        await CardRows.AppealAsync(city.DataSource, "TEST-CARD-5", other, Lat + 50 / MetresPerDegree, Lon, new DateTime(2025, 12, 1, 6, 0, 0));
        await CardRows.AppealAsync(city.DataSource, "TEST-CARD-6", counted, Lat, Lon, new DateTime(2024, 9, 15, 6, 0, 0));

        var site = await Queries.GetSiteAppealsAsync(id);

        Assert.Equal(1, site.ServiceTypes);
        Assert.Equal(3, site.Total);
        Assert.Equal(["TEST-CARD-3", "TEST-CARD-2", "TEST-CARD-1"], site.Latest.Select(a => a.RegNumber));
        Assert.Equal(new double[] { 445, 220, 110 }, site.Latest.Select(a => Math.Round(a.DistanceM / 5) * 5));
        // From October 2024 (a year before the start's month) to March 2026, this month: 18 months.
        Assert.Equal(18, site.Months.Count);
        Assert.Equal(new DateTime(2024, 10, 1), site.Months[0].Month);
        Assert.Equal(new DateTime(2026, 3, 1), site.Months[^1].Month);
        var nonEmpty = site.Months.Where(m => m.Appeals > 0).Select(m => (m.Month, m.Appeals));
        Assert.Equal([(new DateTime(2025, 8, 1), 1L), (new DateTime(2025, 11, 1), 1L), (new DateTime(2026, 3, 1), 1L)], nonEmpty);
    }

    [Fact]
    public async Task SiteAppeals_GroupWithoutServiceTypes_SaysSoAndCountsNothing()
    {
        var (id, _) = await CardRows.ProjectAsync(city.DataSource, 3);
        await CardRows.PlaceAsync(city.DataSource, id, Lat + 0.1, Lon, new DateTime(2025, 6, 1));

        var site = await Queries.GetSiteAppealsAsync(id);

        Assert.Equal(0, site.ServiceTypes);
        Assert.Equal(0, site.Total);
        Assert.Empty(site.Latest);
    }

    [Fact]
    public void SiteAppeal_Redacted_MasksThePhoneAndTheFlat()
    {
        var appeal = new SiteAppeal(1, "109-2026-0000001", TestClock.UtcNow, 1, "closed", "ул. Тестовая, 5, кв. 12", "Перезвоните +7 701 234 5678", 100);

        var redacted = appeal.Redacted();

        Assert.DoesNotContain("234 5678", redacted.Description);
        Assert.DoesNotContain("кв. 12", redacted.Address);
        Assert.Contains("Тестовая, 5", redacted.Address);
    }

    [Fact]
    public async Task Photo_ServesImageOrThumbnailWithTheProjectsPublicity()
    {
        var (id, _) = await CardRows.ProjectAsync(city.DataSource, 4);
        await using (var conn = await city.DataSource.OpenConnectionAsync())
            await conn.ExecuteAsync("UPDATE projects SET is_public = false WHERE id = @id", new { id });
        var jpeg = new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3 };
        var photo = await CardRows.PhotoAsync(city.DataSource, id, new DateTime(2026, 2, 1), image: jpeg, contentType: "image/jpeg");

        var image = (await Queries.GetPhotoAsync(photo, thumbnail: false))!;
        var thumb = (await Queries.GetPhotoAsync(photo, thumbnail: true))!;

        Assert.Equal(jpeg, image.Bytes);
        Assert.Equal("image/jpeg", image.ContentType);
        Assert.False(image.IsPublic);
        // The thumbnail is a PNG: its type comes from its own bytes.
        Assert.Equal("image/png", thumb.ContentType);
        Assert.Equal(CardRows.Png, thumb.Bytes);
        Assert.Null(await Queries.GetPhotoAsync(int.MaxValue, thumbnail: false));
    }

    [Fact]
    public void ImageType_ByTheSignature()
    {
        Assert.Equal("image/png", ProjectCardQueries.ImageType(CardRows.Png));
        Assert.Equal("image/jpeg", ProjectCardQueries.ImageType([0xFF, 0xD8, 0xFF, 0xDB]));
        Assert.Equal("image/webp", ProjectCardQueries.ImageType("RIFF\0\0\0\0WEBPVP8 "u8));
        Assert.Null(ProjectCardQueries.ImageType("hello"u8));
    }

    /// <summary>Two service types of the catalogue.</summary>
    private async Task<(string, string)> TwoServiceTypesAsync()
    {
        var reference = await new CityReference(city.DataSource, city.Clock).GetAsync();
        var codes = reference.ServiceTypes.Values.OrderBy(t => t.Id).Select(t => t.Code).Take(2).ToList();
        return (codes[0], codes[1]);
    }
}
