using System.Globalization;
using System.Text;
using IKomek.Dashboard.Features.DemoCity;
using IKomek.Dashboard.Features.DemoCity.OtherCities;
using IKomek.Dashboard.Features.Import;
using IKomek.Dashboard.Platform.City;
using IKomek.Dashboard.Platform.Csv;

namespace IKomek.Dashboard.Tests.Features.DemoCity;

/// <summary>The generated cities that are not Astana: their files as another akimat's system would write them.</summary>
public sealed class OtherCitiesExportTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ikomek-export-" + Guid.NewGuid().ToString("N"));

    private static readonly DateOnly End = new(2026, 11, 30);

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    private static IReadOnlySet<string> OurCodes()
    {
        var catalog = ServiceTypeCatalog.Build();
        return catalog.ServiceTypes.Select(t => t.Code).Concat(catalog.Areas.Select(a => a.Code)).ToHashSet(StringComparer.Ordinal);
    }

    [Fact]
    public void SameSeed_WritesByteIdenticalFiles_AnotherSeedOthers()
    {
        var a = ExportCityGenerator.Write(new ExportCityOptions("second", Seed: 7, Years: 0.3, EndDate: End, Size: 0.3), Path.Combine(_folder, "a"));
        var b = ExportCityGenerator.Write(new ExportCityOptions("second", Seed: 7, Years: 0.3, EndDate: End, Size: 0.3), Path.Combine(_folder, "b"));
        var c = ExportCityGenerator.Write(new ExportCityOptions("second", Seed: 8, Years: 0.3, EndDate: End, Size: 0.3), Path.Combine(_folder, "c"));
        foreach (var (x, y) in new[] { (a.Export, b.Export), (a.Profile, b.Profile), (a.Districts, b.Districts), (a.Planted, b.Planted) })
            Assert.Equal(File.ReadAllBytes(x), File.ReadAllBytes(y));
        Assert.NotEqual(File.ReadAllBytes(a.Export), File.ReadAllBytes(c.Export));
    }

    [Theory]
    [InlineData("second", "bishkek", "Asia/Bishkek", 4)]
    [InlineData("us", "chicago", "America/Chicago", 5)]
    public void Profile_LoadsAsAProfile_WithItsZoneOutlinesAndEveryCategoryOnOurCatalogue(string city, string code, string zone, int districts)
    {
        var files = ExportCityGenerator.Write(new ExportCityOptions(city, Years: 0.2, EndDate: End, Size: 0.2), _folder);
        var profile = CityProfile.Load(files.Profile, OurCodes());
        Assert.Equal(code, profile.Code);
        Assert.Equal(zone, profile.TimeZone);
        Assert.Equal(districts, profile.Districts.Count);
        var mapping = profile.ToImportMapping();
        mapping.Validate();
        Assert.Equal(zone, mapping.TimeZone);
        Assert.All(mapping.Categories.Values, c => Assert.Contains(c, OurCodes()));
        // Every planted problem sits inside the outline of a district.
        Assert.All(files.Problems, p => Assert.NotNull(profile.DistrictAt(p.Lat, p.Lon)));
    }

    [Fact]
    public async Task SecondCity_IsWindows1251WithSemicolons_DayFirstDatesInItsZone_AndCategoriesInRussian()
    {
        var files = ExportCityGenerator.Write(new ExportCityOptions("second", Years: 0.2, EndDate: End, Size: 0.5), _folder);
        var bytes = await File.ReadAllBytesAsync(files.Export);
        Assert.Throws<DecoderFallbackException>(() => new UTF8Encoding(false, true).GetString(bytes));
        var text = CsvEncoding.Strict("windows-1251").GetString(bytes);
        var header = text[..text.IndexOf('\r')];
        Assert.Equal("Номер обращения;Дата регистрации;Категория;Район;Адрес;Широта;Долгота;Текст обращения;Статус;Дата закрытия", header);
        var first = text.Split("\r\n")[1].Split(';');
        Assert.True(DateTime.TryParseExact(first[1], "dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _), first[1]);
        Assert.Contains(',', first[5]);   // decimal comma
        Assert.InRange(ExportCities.Second.Categories.Count, 25, 40);
        Assert.Equal(files.Rows + 1, text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void UsCity_WritesUsDatesAndEnglishCategories()
    {
        var files = ExportCityGenerator.Write(new ExportCityOptions("us", Years: 0.2, EndDate: End, Size: 0.5), _folder);
        var lines = File.ReadAllLines(files.Export);
        Assert.StartsWith("SR_NUMBER,CREATED_DATE,SR_TYPE", lines[0], StringComparison.Ordinal);
        var row = lines[1].Split(',');
        Assert.Matches(@"^\d\d/\d\d/\d{4} \d\d:\d\d:\d\d (AM|PM)$", row[1]);
        Assert.Contains(lines.Skip(1), l => l.Contains(",Pothole in Street,", StringComparison.Ordinal));
        Assert.DoesNotContain(lines.Skip(1), l => l.Contains("'-87", StringComparison.Ordinal));
    }

    [Fact]
    public void Planted_AreBuildingsStreetsAndCells_SeasonalAndNot_WithDecoys_AndEnoughAppealsToRecur()
    {
        var files = ExportCityGenerator.Write(new ExportCityOptions("second", EndDate: End), _folder);
        var planted = ExportCityGenerator.ReadPlanted(files.Planted);
        Assert.Equal(files.Problems.Count, planted.Count);
        foreach (var kind in new[] { "recurring_building", "recurring_street", "recurring_cell", "seasonal_building", "seasonal_cell", "decoy_burst" })
            Assert.Contains(planted, p => p.Kind == kind);
        Assert.All(planted.Where(p => !p.IsDecoy), p => Assert.True(p.Appeals >= 40, $"{p.Kind} {p.Category}: {p.Appeals}"));
        Assert.Equal(6, files.BadRows.Count);
        Assert.Equal(files.BadRows.Count, files.BadRows.Select(b => b.Line).Distinct().Count());
    }
}
