using Dapper;
using IKomek.Dashboard.Features.Import;
using IKomek.Dashboard.Tests.Infrastructure;

namespace IKomek.Dashboard.Tests.Features.Import;

/// <summary>The import verb: its arguments, and a run end to end on a real database with a report file.</summary>
public sealed class ImportCommandTests(DemoCityDatabase city) : IClassFixture<DemoCityDatabase>
{
    [Fact]
    public void Parse_RepeatedMapsAndAMappingFile_LayArgumentsOverTheFile()
    {
        var mappingPath = Path.GetTempFileName();
        File.WriteAllText(mappingPath, """{ "preset": "open311", "dateFormat": "dd.MM.yyyy", "districts": { "Есиль": "yesil" } }""");

        var (file, mapping, report) = ImportCommand.Parse(["calls.csv", "--mapping", mappingPath, "--time-zone", "Asia/Qostanay",
            "--map-category", "Potholes=roads_sidewalks", "--map-category", "Snow=snow_ice", "--map-status", "Done=closed", "--report", "r.csv"]);

        Assert.Equal(("calls.csv", "r.csv", "open311", "Asia/Qostanay", "dd.MM.yyyy"), (file, report, mapping.Preset, mapping.TimeZone, mapping.DateFormat));
        Assert.Equal("snow_ice", mapping.Categories["snow"]);
        Assert.Equal("roads_sidewalks", mapping.Categories["Potholes"]);
        Assert.Equal("yesil", mapping.Districts["Есиль"]);
        Assert.Equal("closed", mapping.Statuses["Done"]);
        Assert.Equal("closed", mapping.Statuses["closed"]);
    }

    [Theory]
    [InlineData("--map-category", "no-equals-sign")]
    [InlineData("--time-zone", "Mars/Olympus")]
    [InlineData("--preset", "excel")]
    [InlineData("--map-status", "Done=finished")]
    [InlineData("--column", "colour=Цвет")]
    [InlineData("--frobnicate", "1")]
    public void Parse_BadArgument_SaysWhatIsWrong(string flag, string value)
    {
        var e = Assert.Throws<ArgumentException>(() => ImportCommand.Parse(["f.csv", flag, value]));
        Assert.False(string.IsNullOrWhiteSpace(e.Message));
    }

    [Fact]
    public async Task Run_ImportsReportsRejectedRowsAndExitsZero_FileLevelErrorExitsTwo()
    {
        var dir = Directory.CreateTempSubdirectory("ikomek-import-").FullName;
        var csv = Path.Combine(dir, "calls.csv");
        var report = Path.Combine(dir, "rejects.csv");
        await using var conn = await city.DataSource.OpenConnectionAsync();
        var code = await conn.ExecuteScalarAsync<string>("SELECT code FROM service_types WHERE code LIKE 'elevators.%' ORDER BY id LIMIT 1");
        await File.WriteAllTextAsync(csv, """
            Номер;Создано;Вид;Текст;Район
            A-1;01.02.2024 09:15;Лифт;Лифт не работает, застряли;Сарыарка
            A-2;01.02.2024 09:20;Лифт;;Сарыарка
            A-3;01.02.2024;Лифт;Лифт;Сарыарка
            """);
        string[] args = [csv, "--column", "id=Номер", "--column", "created_at=Создано", "--column", "service_code=Вид", "--column", "description=Текст",
            "--column", "district=Район", "--date-format", "dd.MM.yyyy HH:mm", "--map-category", $"Лифт={code}", "--source", "cli-test", "--report", report];

        var exit = await ImportCommand.RunAsync(city.DataSource, args, CancellationToken.None);
        var missing = Path.Combine(dir, "bad.csv");
        await File.WriteAllTextAsync(missing, "Номер;Создано\nA-1;01.02.2024 09:15\n");
        var fileError = await ImportCommand.RunAsync(city.DataSource, [missing, .. args[1..^2]], CancellationToken.None);

        Assert.Equal((0, 2), (exit, fileError));
        Assert.Equal(1, await conn.ExecuteScalarAsync<int>("SELECT count(*)::int FROM appeal_imports WHERE source = 'cli-test'"));
        var lines = await File.ReadAllLinesAsync(report);
        Assert.Equal(["row,column,reason", "3,Текст,a required value is empty", "4,Создано,'01.02.2024' is not a date in the format dd.MM.yyyy HH:mm"], lines);
    }
}
