using System.Net;
using System.Text.Json;
using Dapper;
using IKomek.Dashboard.E2E.Infrastructure;
using IKomek.Dashboard.Features.Projects.OpenData;
using IKomek.Dashboard.Platform.Csv;

namespace IKomek.Dashboard.E2E.Features.Projects;

/// <summary>The open data's downloads over real HTTP, for an anonymous reader: only published projects, the filters, the CSV's escaping, the JSON's fields.</summary>
[Collection(DashboardCollection.Name)]
public sealed class OpenDataDownloadTests(DashboardFixture fixture)
{
    private async Task<List<string>> PublishedAsync(string? group = null)
    {
        await using var db = await fixture.OpenDatabaseAsync();
        await using var conn = await db.OpenConnectionAsync();
        return (await conn.QueryAsync<string>("SELECT code FROM projects WHERE is_public AND (@group::text IS NULL OR project_group = @group) ORDER BY code",
            new { group })).AsList();
    }

    private static List<string[]> Csv(string text)
    {
        using var reader = new CsvRowReader(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)));
        var rows = new List<string[]>();
        while (reader.ReadAsync().AsTask().GetAwaiter().GetResult() is { } record) rows.Add([.. record.Fields]);
        return rows;
    }

    [Fact]
    public async Task Csv_Anonymous_PublishedOnly_Filtered()
    {
        using var client = new PanelHttpClient(fixture.App.BaseUrl, forwardedFor: "192.0.2.60");

        var all = Csv(await client.GetAsync("/open/projects.csv"));
        Assert.Equal(HttpStatusCode.OK, client.LastResponse!.StatusCode);
        Assert.Equal("text/csv", client.LastResponse.Content.Headers.ContentType!.MediaType);
        Assert.Equal(OpenDataEndpoints.CsvHeader, all[0]);
        Assert.Equal(await PublishedAsync(), all.Skip(1).Select(r => r[0]));

        var roads = Csv(await client.GetAsync("/open/projects.csv?group=roads"));
        Assert.Equal(await PublishedAsync("roads"), roads.Skip(1).Select(r => r[0]));
        Assert.All(roads.Skip(1), r => Assert.Equal("roads", r[4]));

        var refused = await client.GetAsync("/open/projects.csv?group=bridges");
        Assert.Equal(HttpStatusCode.BadRequest, client.LastResponse.StatusCode);
        Assert.Equal("Направления «bridges» нет: roads, construction, engineering, improvement или social.", refused);
    }

    [Fact]
    public async Task Csv_FormulaCells_AreNeutralised()
    {
        await using var db = await fixture.OpenDatabaseAsync();
        await using var conn = await db.OpenConnectionAsync();
        var (id, kk, head) = await conn.QuerySingleAsync<(int, string, string)>(
            "SELECT id, name_kk, project_head FROM projects WHERE is_public ORDER BY id LIMIT 1");
        try
        {
            await conn.ExecuteAsync("UPDATE projects SET name_kk = '=HYPERLINK(\"http://evil.example\")', project_head = '@SUM(A1)' WHERE id = @id", new { id });
            using var client = new PanelHttpClient(fixture.App.BaseUrl, forwardedFor: "192.0.2.61");

            var row = Csv(await client.GetAsync("/open/projects.csv")).Single(r => r[2].Contains("HYPERLINK", StringComparison.Ordinal));

            Assert.Equal("'=HYPERLINK(\"http://evil.example\")", row[2]);
            Assert.Equal("'@SUM(A1)", row[8]);
        }
        finally
        {
            await conn.ExecuteAsync("UPDATE projects SET name_kk = @kk, project_head = @head WHERE id = @id", new { id, kk, head });
        }
    }

    [Fact]
    public async Task Json_Anonymous_HasTheDocumentedFields_AndNothingInternal()
    {
        using var client = new PanelHttpClient(fixture.App.BaseUrl, forwardedFor: "192.0.2.62");

        var body = await client.GetAsync("/open/projects.json?group=engineering");

        Assert.Equal(HttpStatusCode.OK, client.LastResponse!.StatusCode);
        Assert.Equal("application/json", client.LastResponse.Content.Headers.ContentType!.MediaType);
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        Assert.Equal(["generated_at", "group", "district", "count", "projects"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("engineering", root.GetProperty("group").GetString());
        var codes = root.GetProperty("projects").EnumerateArray().Select(p => p.GetProperty("code").GetString()!).ToList();
        Assert.Equal(await PublishedAsync("engineering"), codes);
        Assert.Equal(codes.Count, root.GetProperty("count").GetInt32());
        var first = root.GetProperty("projects")[0];
        Assert.Equal(
            ["code", "name_ru", "name_kk", "name_en", "group", "district", "status", "deputy", "head", "department", "start_date",
             "planned_end_date", "forecast_end_date", "actual_start_date", "actual_end_date", "budget_kzt", "progress_pct", "scope",
             "area_ha", "storeys", "capacity", "capacity_unit", "lat", "lon", "results", "photos"],
            first.EnumerateObject().Select(p => p.Name));
        var names = Names(root).ToList();
        foreach (var internalWord in new[] { "spent", "risk", "updated", "uploaded", "owner", "decided", "image" })
            Assert.DoesNotContain(names, n => n.Contains(internalWord, StringComparison.Ordinal));
    }

    /// <summary>Every property name in the document, at any depth.</summary>
    private static IEnumerable<string> Names(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => e.EnumerateObject().SelectMany(p => Names(p.Value).Prepend(p.Name)),
        JsonValueKind.Array => e.EnumerateArray().SelectMany(Names),
        _ => [],
    };
}
