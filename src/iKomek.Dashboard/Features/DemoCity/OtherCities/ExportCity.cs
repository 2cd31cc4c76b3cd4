namespace IKomek.Dashboard.Features.DemoCity.OtherCities;

/// <summary>A category of another city's catalogue as its export names it, what it maps onto (one of our service type
/// codes, or an area code when the city's category is broader), how often residents use it, in which months
/// (null: all year), and what residents write under it.</summary>
internal sealed record ExportCategory(string Name, string Code, double Weight, int[]? Months, string[] Texts);

/// <summary>A district of another city: its code, names, the name its export writes, population and schematic
/// outline (a rectangle; one district may have a second part, written as a MultiPolygon).</summary>
internal sealed record ExportDistrict(string Code, string NameRu, string NameKk, string NameEn, string ExportName, int Population,
    Box Outline, Box? SecondPart = null)
{
    public IEnumerable<Box> Parts => SecondPart is { } s ? [Outline, s] : [Outline];
}

internal readonly record struct Box(double South, double West, double North, double East)
{
    public bool Contains(double lat, double lon) => lat >= South && lat < North && lon >= West && lon < East;
}

/// <summary>A planted systemic problem: a place and one category recurring over weeks (all year or in its months),
/// or a decoy (a one-off burst of two days).</summary>
internal sealed record PlantedTemplate(string Kind, string Shape, string Category, int[]? Months, double Weekly);

/// <summary>How another city exports its appeals and what it has: everything the generator needs to write the
/// profile, the district outlines and the export of a city that is not Astana.</summary>
internal sealed record ExportCity
{
    public required string Code { get; init; }
    public required string NameRu { get; init; }
    public required string NameKk { get; init; }
    public required string NameEn { get; init; }
    public required string TimeZone { get; init; }
    public required Box Bounds { get; init; }
    public required IReadOnlyList<ExportDistrict> Districts { get; init; }
    public required IReadOnlyList<string> Streets { get; init; }

    /// <summary>An address from a street and a house number, as the city writes it.</summary>
    public required Func<string, int, string> Address { get; init; }
    public required IReadOnlyList<ExportCategory> Categories { get; init; }
    public required IReadOnlyList<PlantedTemplate> Planted { get; init; }
    public required string[] Holidays { get; init; }
    public required string[] Channels { get; init; }

    /// <summary>The export's columns, in order: id, created, category, district, address, lat, lon, text, status, closed.</summary>
    public required string[] Header { get; init; }
    public required string DateFormat { get; init; }
    public required string Encoding { get; init; }
    public required char Delimiter { get; init; }

    /// <summary>Coordinates written with a decimal comma (a Russian spreadsheet's habit).</summary>
    public required bool DecimalComma { get; init; }
    public required string ClosedStatus { get; init; }
    public required string[] OpenStatuses { get; init; }
    public required Dictionary<string, string> StatusMap { get; init; }
    public required Func<int, string> RowId { get; init; }

    /// <summary>Appeals a day at size 1 (before season and weekday).</summary>
    public required double DailyAppeals { get; init; }

    /// <summary>Share of rows written without a district name (the import places them by their point).</summary>
    public double NoDistrictShare { get; init; } = 0.15;
}
