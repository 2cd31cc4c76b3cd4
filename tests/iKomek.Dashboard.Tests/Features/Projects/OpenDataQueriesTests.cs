using Dapper;
using IKomek.Dashboard.Features.Projects.OpenData;
using IKomek.Dashboard.Tests.Infrastructure;

namespace IKomek.Dashboard.Tests.Features.Projects;

/// <summary>The open data's reads on a real database: published projects only, the filters, and results and photos attached.</summary>
public sealed class OpenDataQueriesTests(DemoCityDatabase city) : IClassFixture<DemoCityDatabase>
{
    private OpenDataQueries Queries => new(city.DataSource);

    [Fact]
    public async Task OnlyPublishedProjects_AreListed()
    {
        await using var conn = await city.DataSource.OpenConnectionAsync();
        var published = (await conn.QueryAsync<string>("SELECT code FROM projects WHERE is_public ORDER BY code")).AsList();

        var projects = await Queries.GetProjectsAsync(new OpenDataFilter());

        Assert.NotEmpty(published);
        Assert.Equal(published, projects.Select(p => p.Code));
    }

    [Fact]
    public async Task GroupAndDistrict_Filter()
    {
        var all = await Queries.GetProjectsAsync(new OpenDataFilter());
        var district = all.First(p => p.DistrictCode is not null).DistrictCode!;

        var roads = await Queries.GetProjectsAsync(new OpenDataFilter(Group: "roads"));
        var inDistrict = await Queries.GetProjectsAsync(new OpenDataFilter(District: district));
        var both = await Queries.GetProjectsAsync(new OpenDataFilter("roads", district));

        Assert.Equal(all.Where(p => p.ProjectGroup == "roads").Select(p => p.Code), roads.Select(p => p.Code));
        Assert.Equal(all.Where(p => p.DistrictCode == district).Select(p => p.Code), inDistrict.Select(p => p.Code));
        Assert.Equal(all.Where(p => p.ProjectGroup == "roads" && p.DistrictCode == district).Select(p => p.Code), both.Select(p => p.Code));
        Assert.Empty(await Queries.GetProjectsAsync(new OpenDataFilter(Group: "social")));
    }

    [Fact]
    public async Task ResultsAndPhotos_OfPublishedProjects_AreAttached_OthersNeverRead()
    {
        await using var conn = await city.DataSource.OpenConnectionAsync();
        var (shown, hidden) = await conn.QuerySingleAsync<(int, int)>("""
            SELECT (SELECT min(id) FROM projects WHERE is_public), (SELECT min(id) FROM projects WHERE NOT is_public)
            """);
        await conn.ExecuteAsync("""
            DELETE FROM project_photos WHERE project_id IN (@shown, @hidden);
            DELETE FROM project_results WHERE project_id IN (@shown, @hidden);
            INSERT INTO project_results (project_id, kind, name_ru, name_kk, name_en, unit, planned, achieved)
            VALUES (@shown, 'direct', 'Построено дорог', 'Салынған жолдар', 'Roads built', 'км', 4.5, 2),
                   (@hidden, 'final', 'Скрыто', 'Жасырын', 'Hidden', 'чел.', 1, NULL);
            INSERT INTO project_photos (project_id, taken_on, caption, content_type, width, height, image, thumbnail, uploaded_at, uploaded_by)
            VALUES (@shown, '2026-03-01', 'Стройплощадка', 'image/png', 1, 1, '\x89504e47'::bytea, '\x89504e47'::bytea, now(), 'project.office');
            """, new { shown, hidden });
        var photo = await conn.ExecuteScalarAsync<int>("SELECT id FROM project_photos WHERE project_id = @shown", new { shown });

        var project = (await Queries.GetProjectsAsync(new OpenDataFilter())).Single(p => p.Id == shown);

        var result = Assert.Single(project.Results);
        Assert.Equal(("direct", "Roads built", "км", 4.5m, (decimal?)2m), (result.Kind, result.NameEn, result.Unit, result.Planned, result.Achieved));
        var shot = Assert.Single(project.Photos);
        Assert.Equal(($"/projects/photos/{photo}/thumb", $"/projects/photos/{photo}", "Стройплощадка"), (shot.ThumbnailUrl, shot.Url, shot.Caption));
        Assert.DoesNotContain(await Queries.GetProjectsAsync(new OpenDataFilter()), p => p.Id == hidden);
    }

    [Theory]
    [InlineData("bridges", null, "opendata.error.group", "bridges")]
    [InlineData("roads", "nowhere", "opendata.error.district", "nowhere")]
    [InlineData(" roads ", " esil ", null, null)]
    public void Filter_NamesAnUnknownGroupOrDistrict(string? group, string? district, string? key, string? value)
    {
        var filter = OpenDataFilter.From(group, district);

        Assert.Equal(key is null ? null : (key, value!), filter.Error(["esil", "almaty"]));
    }
}
