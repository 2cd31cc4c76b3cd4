using Dapper;
using IKomek.Dashboard.E2E.Infrastructure;
using IKomek.Dashboard.E2E.Pages;
using Microsoft.Playwright;

namespace IKomek.Dashboard.E2E.Features.Projects;

/// <summary>The public open-data view in a real browser, never signed in: published projects, filters in the address, three languages.</summary>
[Collection(DashboardCollection.Name)]
public sealed class OpenProjectsTests(DashboardFixture fixture)
{
    private async Task<long> PublishedAsync(string? group = null)
    {
        await using var db = await fixture.OpenDatabaseAsync();
        await using var conn = await db.OpenConnectionAsync();
        return await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM projects WHERE is_public AND (@group::text IS NULL OR project_group = @group)", new { group });
    }

    [Fact]
    public async Task WithoutSignIn_ShowsThePublishedProjects_InThreeLanguages_KeepingTheFilter()
    {
        var open = await OpenProjectsPage.OpenAsync(fixture);

        await PageChecks.NoUnknownTextKeyAsync(open);
        await Assertions.Expect(open.Heading).ToHaveTextAsync("Инфраструктурные проекты Астаны");
        Assert.Equal(await PublishedAsync(), await open.CountAsync());
        await Assertions.Expect(open.Shell.UserMenu).ToHaveCountAsync(0);
        await Assertions.Expect(open.Shell.Sidebar).ToHaveCountAsync(0);
        await open.ScreenshotsAsync("open-projects");
        await open.ResizeAsync(1920, 1080);

        // The group chosen on the page goes to the address, the list and the downloads follow it.
        await open.Shell.ChooseAsync("Направление", "Дороги и транспорт");
        await open.Page.WaitForURLAsync(url => new Uri(url).Query.Contains("group=roads"));
        await DashboardFixture.WaitForCircuitAsync(open.Page);
        await Assertions.Expect(open.Page.GetByTestId("open-count")).ToHaveTextAsync((await PublishedAsync("roads")).ToString());
        Assert.All(await open.Cards.EvaluateAllAsync<string[]>("es => es.map(e => e.dataset.group)"), g => Assert.Equal("roads", g));
        await Assertions.Expect(open.CsvLink).ToHaveAttributeAsync("href", "open/projects.csv?group=roads");

        await open.Shell.SwitchLanguageAsync("ENG");
        await Assertions.Expect(open.Heading).ToHaveTextAsync("Astana's infrastructure projects");
        Assert.Contains("group=roads", open.Page.Url);
        Assert.All(await open.Page.GetByTestId("open-project-group").AllInnerTextsAsync(), g => Assert.Equal("Roads and transport", g));
        await open.ScreenshotAsync("open-projects-en-1920x1080");

        await open.Shell.SwitchLanguageAsync("ҚАЗ");
        await Assertions.Expect(open.Heading).ToHaveTextAsync("Астананың инфрақұрылымдық жобалары");
        Assert.All(await open.Page.GetByTestId("open-project-group").AllInnerTextsAsync(), g => Assert.Equal("Жолдар мен көлік", g));
        await PageChecks.NoUnknownTextKeyAsync(open);
        await open.CloseAsync();
    }

    [Fact]
    public async Task DistrictInTheAddress_Filters_AndAnUnknownOneIsNamed()
    {
        string district;
        long expected;
        await using (var db = await fixture.OpenDatabaseAsync())
        await using (var conn = await db.OpenConnectionAsync())
        {
            (district, expected) = await conn.QueryFirstAsync<(string, long)>("""
                SELECT d.code, count(*) FROM projects p JOIN districts d ON d.id = p.district_id WHERE p.is_public
                GROUP BY d.code ORDER BY count(*) DESC, d.code LIMIT 1
                """);
        }

        var open = await OpenProjectsPage.OpenAsync(fixture, $"?district={district}");
        Assert.Equal(expected, await open.CountAsync());
        Assert.All(await open.Cards.EvaluateAllAsync<string[]>("es => es.map(e => e.dataset.district)"), d => Assert.Equal(district, d));
        await open.CloseAsync();

        var unknown = await OpenProjectsPage.OpenAsync(fixture, "?district=atlantis");
        await Assertions.Expect(unknown.Page.GetByTestId("open-error")).ToHaveTextAsync("Района с кодом «atlantis» нет.");
        Assert.Equal(await PublishedAsync(), await unknown.CountAsync());
        await unknown.CloseAsync();
    }
}
