using Dapper;
using IKomek.Dashboard.Features.CityProfiles;
using IKomek.Dashboard.Hosting;
using IKomek.Dashboard.Platform.Audit;
using IKomek.Dashboard.Platform.City;
using IKomek.Dashboard.Tests.Infrastructure;
using Npgsql;

namespace IKomek.Dashboard.Tests.Features.CityProfiles;

/// <summary>
/// <c>profile apply</c> and <c>import</c> on a fresh database (the real PostgreSQL), through the command line as a user
/// types them: the city's districts, holidays and zone replace Astana's, its days are counted in its zone, its export
/// is read with its own mapping, and districts that appeals point to are never removed.
/// </summary>
public sealed class ProfileApplyTests : IDisposable
{
    private static readonly string Examples = Path.Combine(RepoRoot(), "docs", "profiles");
    private readonly string _folder = Directory.CreateTempSubdirectory("city-profile-apply-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Apply_OnAFreshDatabase_MakesItTheProfilesCity()
    {
        var cs = await TestPostgres.CreateMigratedDatabaseAsync();

        var (code, output, error) = await CliAsync(cs, "profile", "apply", Path.Combine(Examples, "example-city.json"));

        Assert.True(code == 0, error);
        Assert.Contains("Applied zhaiyk (Zhaiyk): 3 districts added, 0 updated, 0 removed; 14 holidays; time zone Asia/Oral; our service catalogue written.", output);
        await using var db = Unpooled(cs);
        await using var conn = await db.OpenConnectionAsync();
        Assert.Equal("Asia/Oral", await conn.ExecuteScalarAsync<string>("SELECT city_zone()"));
        var districts = (await conn.QueryAsync<(string Code, string Type, int Polygons)>(
            "SELECT code, outline ->> 'type', jsonb_array_length(outline -> 'coordinates') FROM districts ORDER BY id")).ToList();
        Assert.Equal([("ortalyk", "MultiPolygon", 1), ("ozen_boyi", "MultiPolygon", 1), ("zhagalau", "MultiPolygon", 2)], districts);
        Assert.Equal(3L, await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM departments WHERE kind = 'district_akimat' AND district_id IS NOT NULL"));
        Assert.Equal(28L, await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM areas"));
        Assert.Equal(14L, await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM holidays"));
        Assert.Equal(["call_109", "telegram", "website"], await conn.QueryAsync<string>("SELECT code FROM channels ORDER BY id"));
        Assert.False(await conn.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM demo_city) OR EXISTS (SELECT 1 FROM appeals)"));
        var audit = await conn.QuerySingleAsync<(string Actor, string Subject)>("SELECT actor, subject_id FROM audit_log WHERE action = @a",
            new { a = AuditActions.CityProfileApply });
        Assert.Equal(("console:" + Environment.UserName, "zhaiyk"), audit);

        var stored = await CityProfileStore.ReadAsync(db);
        Assert.NotNull(stored);
        Assert.Equal("zhagalau", stored.DistrictAt(50.945, 51.525)?.Code);
        Assert.Equal("Номер", stored.Import.Columns!["id"]);

        var (showCode, shown, _) = await CliAsync(cs, "profile", "show");
        Assert.Equal(0, showCode);
        Assert.StartsWith("zhaiyk: Жайык / Жайық / Zhaiyk\ntime zone: Asia/Oral\n", shown.ReplaceLineEndings("\n"));
        Assert.Contains("zhagalau (Береговой, 2 polygon(s))", shown);
    }

    [Fact]
    public async Task Show_WithoutAProfile_IsAstana()
    {
        var cs = await TestPostgres.CreateMigratedDatabaseAsync();
        var (code, shown, _) = await CliAsync(cs, "profile", "show");
        Assert.Equal(0, code);
        Assert.StartsWith("astana: Астана / Астана / Astana (the built-in default: no profile applied)", shown);
        await using var db = Unpooled(cs);
        await using var conn = await db.OpenConnectionAsync();
        Assert.Equal("Asia/Almaty", await conn.ExecuteScalarAsync<string>("SELECT city_zone()"));
    }

    /// <summary>An appeal at 23:30 UTC, written in the city's local time: the next local day east of UTC, the same day west.</summary>
    [Theory]
    [InlineData("Asia/Omsk", "15.01.2026 05:30", "2026-01-15")]        // UTC+6
    [InlineData("America/Regina", "14.01.2026 17:30", "2026-01-14")]   // UTC-6 all year
    public async Task DaysAndDates_AreTheProfilesZones(string zone, string written, string day)
    {
        var cs = await TestPostgres.CreateMigratedDatabaseAsync();
        var profile = ExampleWithZone(zone);
        Assert.Equal(0, (await CliAsync(cs, "profile", "apply", profile)).Code);
        var csv = Csv($"Z-1;{written};Ямы на дорогах;Яма у остановки;Центральный;Зарегистрирована;;;;");

        var (code, output, error) = await CliAsync(cs, "import", csv);

        Assert.True(code == 0, error + output);
        await using var db = Unpooled(cs);
        await using var conn = await db.OpenConnectionAsync();
        Assert.Equal(zone, await conn.ExecuteScalarAsync<string>("SELECT city_zone()"));
        Assert.Equal(new DateTime(2026, 1, 14, 23, 30, 0, DateTimeKind.Utc), await conn.ExecuteScalarAsync<DateTime>("SELECT created_at FROM appeals"));
        Assert.Equal(DateTime.Parse(day, System.Globalization.CultureInfo.InvariantCulture),
            await conn.ExecuteScalarAsync<DateTime>("SELECT day::timestamp FROM live_daily"));
        Assert.Equal(DateTime.Parse(day, System.Globalization.CultureInfo.InvariantCulture),
            await conn.ExecuteScalarAsync<DateTime>("SELECT date_trunc('day', created_at AT TIME ZONE city_zone()) FROM appeals"));
    }

    [Fact]
    public async Task Import_UnderTheProfile_ReadsItsDatesCategoriesDistrictNamesAndOutlines()
    {
        var cs = await TestPostgres.CreateMigratedDatabaseAsync();
        Assert.Equal(0, (await CliAsync(cs, "profile", "apply", Path.Combine(Examples, "example-city.json"))).Code);
        var csv = Csv(
            "Z-1;14.01.2026 10:00;Ямы на дорогах;Яма у остановки;Центральный;Зарегистрирована;;ул. Абая, 1;;",
            "Z-2;14.01.2026 11:00;Нет отопления;Холодно в квартире;;В работе;;;50.945;51.525",     // the second polygon of zhagalau
            "Z-3;15.01.2026 09:15;Вывоз мусора;Мусор третий день;Заречный;Закрыта;16.01.2026 12:00;;;",
            "Z-4;15.01.2026 09:30;Подтопление;Потоп во дворе;;Зарегистрирована;;;43.25;76.95",     // Almaty: outside the bounds
            "Z-5;15.01.2026 09:45;Кошки;Кошка на дереве;Центральный;Зарегистрирована;;;;");

        var (code, output, error) = await CliAsync(cs, "import", csv);

        Assert.True(code == 0, error + output);
        Assert.Contains("as 'custom', source 'zhaiyk-export'", output);
        Assert.Contains("3 added, 0 already present, 2 rejected", output);
        Assert.True(output.Contains("row 5, lat: the point 43.25, 76.95 is outside the city", StringComparison.Ordinal), output);
        Assert.True(output.Contains("row 6, Категория: unknown service type or area 'Кошки'", StringComparison.Ordinal), output);
        await using var db = Unpooled(cs);
        await using var conn = await db.OpenConnectionAsync();
        var rows = (await conn.QueryAsync<(DateTime Created, string District, string Area, string Status)>("""
            SELECT a.created_at, d.code, ar.code, a.status FROM appeals a JOIN districts d ON d.id = a.district_id
            JOIN areas ar ON ar.id = a.area_id ORDER BY a.created_at
            """)).ToList();
        Assert.Equal([
            (new DateTime(2026, 1, 14, 5, 0, 0, DateTimeKind.Utc), "ortalyk", "roads_sidewalks", "registered"),
            (new DateTime(2026, 1, 14, 6, 0, 0, DateTimeKind.Utc), "zhagalau", "heating", "in_progress"),
            (new DateTime(2026, 1, 15, 4, 15, 0, DateTimeKind.Utc), "ozen_boyi", "waste_collection", "closed"),
        ], rows);
    }

    [Fact]
    public async Task Apply_WhenAppealsPointToDistrictsItWouldRemove_IsRefusedAndChangesNothing()
    {
        var cs = await TestPostgres.CreateMigratedDatabaseAsync();
        Assert.Equal(0, (await CliAsync(cs, "profile", "apply", Path.Combine(Examples, "example-city.json"))).Code);
        Assert.Equal(0, (await CliAsync(cs, "import", Csv("Z-1;14.01.2026 10:00;Ямы на дорогах;Яма;Центральный;Зарегистрирована;;;;"))).Code);
        var without = Path.Combine(_folder, "two-districts.json");
        File.WriteAllText(Path.Combine(_folder, "two.geojson"), File.ReadAllText(Path.Combine(Examples, "example-city.geojson"))
            .Replace("\"ortalyk\"", "\"markaz\""));
        File.WriteAllText(without, File.ReadAllText(Path.Combine(Examples, "example-city.json"))
            .Replace("\"zhaiyk\"", "\"zhaiyk2\"").Replace("example-city.geojson", "two.geojson").Replace("\"ortalyk\"", "\"markaz\"").Replace("Asia/Oral", "Asia/Omsk"));

        var (code, _, error) = await CliAsync(cs, "profile", "apply", without);

        Assert.Equal(2, code);
        Assert.StartsWith("error: 1 appeals point to districts the profile would remove (ortalyk: 1); nothing was changed", error);
        await using var db = Unpooled(cs);
        await using var conn = await db.OpenConnectionAsync();
        Assert.Equal(["ortalyk", "ozen_boyi", "zhagalau"], await conn.QueryAsync<string>("SELECT code FROM districts ORDER BY id"));
        Assert.Equal(("zhaiyk", "Asia/Oral"), await conn.QuerySingleAsync<(string, string)>("SELECT code, time_zone FROM city_profile"));
        Assert.Equal("Asia/Oral", await conn.ExecuteScalarAsync<string>("SELECT city_zone()"));
        Assert.Equal(1L, await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM audit_log WHERE action = @a", new { a = AuditActions.CityProfileApply }));
    }

    [Fact]
    public async Task Apply_ABadFile_ExitsTwoWithWhereAndWhy()
    {
        var cs = await TestPostgres.CreateMigratedDatabaseAsync();
        var bad = ExampleWithZone("Europe/Atlantis");

        var (code, _, error) = await CliAsync(cs, "profile", "apply", bad);

        Assert.Equal(2, code);
        Assert.StartsWith("error: example.json: $.timeZone: 'Europe/Atlantis' is not an IANA time zone", error);
    }

    private string ExampleWithZone(string zone)
    {
        File.Copy(Path.Combine(Examples, "example-city.geojson"), Path.Combine(_folder, "example-city.geojson"), overwrite: true);
        var path = Path.Combine(_folder, "example.json");
        File.WriteAllText(path, File.ReadAllText(Path.Combine(Examples, "example-city.json")).Replace("\"Asia/Oral\"", $"\"{zone}\""));
        return path;
    }

    private string Csv(params string[] rows)
    {
        var path = Path.Combine(_folder, $"export-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, string.Join("\n", ["Номер;Дата;Категория;Текст;Район;Статус;Закрыта;Адрес;lat;lon", .. rows]) + "\n");
        return path;
    }

    // Fresh sessions: a session started before the apply keeps the zone it started with.
    private static NpgsqlDataSource Unpooled(string cs) => NpgsqlDataSource.Create(cs + ";Pooling=false");

    private static async Task<(int Code, string Output, string Error)> CliAsync(string cs, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await Cli.RunAsync([.. args, $"--ConnectionStrings:City={cs}"], output, error, new StringReader(""), terminal: false);
        return (code, output.ToString(), error.ToString());
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "iKomek.Dashboard.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("the repository's root was not found");
    }
}
