using System.Text.Json;
using IKomek.Dashboard.Platform.Localization;

namespace IKomek.Dashboard.Features.CitySystems.Panels;

/// <summary>A city system as the overview shows it (v_panels_system_status); <see cref="LastAt"/> is a feed's latest
/// reading or a register's latest change, UTC.</summary>
public sealed record SystemStatus(string Code, string Kind, string PlaceKind, string? TimeField, bool Personal, short Position,
    string NameRu, string NameKk, string NameEn, string OwnerRu, string OwnerKk, string OwnerEn, TimeSpan StaleAfter,
    long Objects, long OpenCritical, long OpenWarning, DateTime? LastAt)
{
    public bool IsFeed => Kind == "feed";

    public string Name(Texts t) => t.Pick(NameRu, NameKk, NameEn);

    public string Owner(Texts t) => t.Pick(OwnerRu, OwnerKk, OwnerEn);

    /// <summary>Silent longer than its limit (or never heard from): greyed out.</summary>
    public bool IsStale(DateTimeOffset now) => LastAt is not { } at || now.UtcDateTime - at > StaleAfter;
}

/// <summary>One field of a system's schema (city_system_fields).</summary>
public sealed record SystemField(string Name, short Position, string Scope, string Type, string? Unit, string? ChoicesJson, bool Personal,
    string LabelRu, string LabelKk, string LabelEn)
{
    /// <summary>A choice field's values (the column's text[] travels as JSON: Dapper's records take no arrays).</summary>
    public string[]? Choices { get; } = ChoicesJson is null ? null : JsonSerializer.Deserialize<string[]>(ChoicesJson);

    public bool IsNumeric => Type is "number" or "integer";

    public string Label(Texts t) => t.Pick(LabelRu, LabelKk, LabelEn);
}

/// <summary>A system's filters, as they stand in the page's address.</summary>
public sealed record ObjectFilter(int? DistrictId = null, IReadOnlyDictionary<string, string>? Choices = null, string? Text = null)
{
    public static readonly ObjectFilter None = new();
}

/// <summary>An object's state on the map and in the table: its worst open alert, else stale (a feed silent past its
/// limit), else ok.</summary>
public static class ObjectStates
{
    public const string Ok = "ok", Critical = "critical", Warning = "warning", Stale = "stale";
}

public sealed record MapPoint(long Id, string SourceId, string? Name, double Lat, double Lon, string State);

/// <summary>A grid cell of a map with too many objects to draw one by one: its centre and what it holds.</summary>
public sealed record MapCell(double Lat, double Lon, long Count, long Alerts, long Stale);

public sealed record DistrictCount(int DistrictId, long Count, long Alerts);

/// <summary>What a system's map draws: its points, or (many objects) grid cells, or (personal data) district totals only.</summary>
public sealed record MapLayer(IReadOnlyList<MapPoint> Points, IReadOnlyList<MapCell> Cells, IReadOnlyList<DistrictCount> Districts)
{
    public bool IsGrid => Cells.Count > 0;
}

/// <summary>One row of a system's table (v_panels_objects): attributes and latest values as JSON.</summary>
public sealed record ObjectRow(long Id, string SourceId, string? Name, short? DistrictId, string Attrs, string? LastVals,
    DateTime? LastAt, DateTime UpdatedAt, string State)
{
    /// <summary>A field's value from the object's attributes or its latest reading.</summary>
    public JsonElement? Value(string field)
    {
        foreach (var json in new[] { Attrs, LastVals })
        {
            if (json is null) continue;
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.TryGetProperty(field, out var v)) return v.Clone();
        }
        return null;
    }
}

public sealed record ObjectsPage(IReadOnlyList<ObjectRow> Rows, long Total, string? NextAfter);

/// <summary>Objects counted by district and by one choice field's value: what a reader without the right to personal
/// data sees of a personal system.</summary>
public sealed record AggregateRow(short DistrictId, string Field, string? Value, long Count);

/// <summary>A day of a numeric reading field in one district (0: none), from city_reading_daily.</summary>
public sealed record DailyValue(DateTime Day, short DistrictId, string Field, long N, double Sum);

public sealed record CountBy(string Key, long Count);

public sealed record AlertRow(long Id, string Kind, string Severity, DateTime OpenedAt, DateTime? ClosedAt, double? Value, short? DistrictId,
    string? RuleRu, string? RuleKk, string? RuleEn, string? SourceId, string? ObjectName)
{
    public bool IsOpen => ClosedAt is null;
}

public sealed record Reading(DateTime ObservedAt, string Vals, double? Lat, double? Lon);
