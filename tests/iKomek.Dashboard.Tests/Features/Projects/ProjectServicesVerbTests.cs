using System.Text.Json;
using Dapper;
using IKomek.Dashboard.Features.Projects;
using IKomek.Dashboard.Platform.Audit;
using IKomek.Dashboard.Tests.Infrastructure;

namespace IKomek.Dashboard.Tests.Features.Projects;

/// <summary>The service types counted as complaints near a project of each group, set from the console on a real database.</summary>
public sealed class ProjectServicesVerbTests(DemoCityDatabase city) : IClassFixture<DemoCityDatabase>
{
    private static readonly Actor Console = Actor.Console("tester");

    private async Task<string[]> TwoCodesAsync()
    {
        await using var conn = await city.DataSource.OpenConnectionAsync();
        return (await conn.QueryAsync<string>("SELECT code FROM service_types ORDER BY code LIMIT 2")).ToArray();
    }

    private async Task<string> CodesOfAsync(string group) =>
        (await ProjectServicesVerb.ListAsync(city.DataSource)).Single(g => g.Group == group).Codes;

    [Fact]
    public async Task Set_ReplacesTheGroupsList_AndRecordsBeforeAndAfter()
    {
        var before = await CodesOfAsync("improvement");
        var codes = await TwoCodesAsync();

        Assert.Equal(2, await ProjectServicesVerb.SetAsync(city.DataSource, "improvement", [codes[1], codes[0], codes[1]], Console));

        Assert.Equal(string.Join(",", codes), await CodesOfAsync("improvement"));
        var logged = (await AuditRows.AboutAsync(city.DataSource, "project_group", "improvement")).Single();
        Assert.Equal(("console:tester", AuditActions.ProjectChange, "service_types"), (logged.Actor, logged.Action, logged.Detail("change")));
        Assert.Equal(before.Split(',', StringSplitOptions.RemoveEmptyEntries), JsonSerializer.Deserialize<string[]>(logged.Detail("before")!));
        Assert.Equal(codes, JsonSerializer.Deserialize<string[]>(logged.Detail("after")!));
    }

    [Theory]
    [InlineData("roads", "no_such_type", "Unknown service type \"no_such_type\": nothing changed.")]
    [InlineData("bridges", null, "Unknown project group \"bridges\": expected one of roads, construction, engineering, improvement, social.")]
    [InlineData("roads", "", "--set needs at least one service type's code.")]
    public async Task BadInput_IsNamed_AndChangesNothing(string group, string? extra, string message)
    {
        var before = await CodesOfAsync("roads");
        var codes = extra is null ? await TwoCodesAsync() : extra.Length == 0 ? [] : [(await TwoCodesAsync())[0], extra];

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => ProjectServicesVerb.SetAsync(city.DataSource, group, codes, Console));

        Assert.Equal(message, refused.Message);
        Assert.Equal(before, await CodesOfAsync("roads"));
        Assert.Empty(await AuditRows.AboutAsync(city.DataSource, "project_group", group));
    }
}
