using System.Text.Json;
using System.Text.Json.Serialization;

namespace IKomek.Dashboard.Features.Import;

/// <summary>
/// How the columns of a CSV file become appeals: which source column feeds each target field (the first candidate
/// present in the header wins), how dates are written and in which time zone, and value maps for categories,
/// districts and statuses. Start from a preset (<see cref="Ours"/>, <see cref="Open311"/>) or a mapping file.
/// </summary>
public sealed record ImportMapping
{
    /// <summary>Target fields a column can feed. "id" is the source's own key; "updated_at" is the closing time of a closed row.</summary>
    public static readonly IReadOnlyList<string> Targets =
    [
        "id", "reg_number", "created_at", "updated_at", "resolved_at", "closed_at", "sla_due_at", "channel", "service_code", "area",
        "district", "department", "organisation", "status", "address", "lat", "long", "language", "description",
    ];

    /// <summary>Targets every mapping must feed.</summary>
    public static readonly IReadOnlyList<string> RequiredTargets = ["created_at", "service_code", "description"];

    /// <summary>Our statuses (sql/schema/0002_appeals.sql).</summary>
    public static readonly IReadOnlySet<string> OurStatuses = new HashSet<string>
        { "registered", "assigned", "forwarded", "in_progress", "waiting_citizen", "resolved", "closed", "reopened" };

    // Before the presets: static initialisers run in textual order.
    private static readonly string[] OursColumns =
    [
        "reg_number", "created_at", "channel", "service_code", "area", "district", "department", "organisation", "status",
        "sla_due_at", "resolved_at", "closed_at", "address", "lat", "long", "language", "description",
    ];

    public string Preset { get; init; } = "custom";

    /// <summary>Whose keys the rows carry: re-importing rows of the same source and key inserts nothing.</summary>
    public string Source { get; init; } = "custom";

    public IReadOnlyDictionary<string, string[]> Columns { get; init; } = new Dictionary<string, string[]>();

    /// <summary>Columns that must all be in the header (a preset's own export): a missing one is a file-level error.</summary>
    public IReadOnlyList<string> RequiredColumns { get; init; } = [];

    /// <summary>',' or ';'; null: found from the header line.</summary>
    public char? Delimiter { get; init; }

    /// <summary>A .NET date format such as "dd.MM.yyyy HH:mm"; null: ISO 8601 (with or without an offset, or a date alone).</summary>
    public string? DateFormat { get; init; }

    /// <summary>
    /// The file was written by our export, which puts an apostrophe before a text that a spreadsheet would take for a
    /// formula (or that starts with an apostrophe): reading takes it off again, so texts come back exactly.
    /// </summary>
    public bool FormulasEscaped { get; init; }

    /// <summary>The file's encoding (utf-8, utf-16, windows-1251, koi8-r); null: found from the file itself.</summary>
    public string? Encoding { get; init; }

    /// <summary>IANA zone of dates written without an offset.</summary>
    public string TimeZone { get; init; } = "Asia/Almaty";

    /// <summary>Channel code of rows without a channel column.</summary>
    public string Channel { get; init; } = "call_109";

    public IReadOnlyDictionary<string, string> Categories { get; init; } = Empty();
    public IReadOnlyDictionary<string, string> Districts { get; init; } = Empty();
    public IReadOnlyDictionary<string, string> Statuses { get; init; } = Empty();

    /// <summary>Our own CSV export (the appeals explorer's), column for column.</summary>
    public static ImportMapping Ours { get; } = new()
    {
        Preset = "ours",
        Source = "ours",
        Columns = OursColumns.ToDictionary(c => c, c => new[] { c }),
        RequiredColumns = OursColumns,
        Delimiter = ',',
        FormulasEscaped = true,
    };

    /// <summary>An Open311 GeoReport v2 requests export (service_request_id, requested_datetime, updated_datetime, ...).</summary>
    public static ImportMapping Open311 { get; } = new()
    {
        Preset = "open311",
        Source = "open311",
        Channel = "website",
        Columns = new Dictionary<string, string[]>
        {
            ["id"] = ["service_request_id"],
            ["created_at"] = ["requested_datetime"],
            ["updated_at"] = ["updated_datetime"],
            ["closed_at"] = ["closed_datetime", "closed_date"],
            ["service_code"] = ["service_code", "service_name", "category"],
            ["description"] = ["description"],
            ["address"] = ["address", "address_string"],
            ["lat"] = ["lat"],
            ["long"] = ["long", "lon"],
            ["status"] = ["status"],
            ["district"] = ["district"],
        },
        RequiredColumns = ["requested_datetime", "description"],
        Statuses = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["open"] = "registered", ["closed"] = "closed" },
    };

    public static ImportMapping ForPreset(string preset) => preset switch
    {
        "ours" => Ours,
        "open311" => Open311,
        "custom" => new ImportMapping(),
        _ => throw new ArgumentException($"preset '{preset}' is not one of ours, open311, custom"),
    };

    /// <summary>This mapping with a mapping file's settings laid over it (see docs/import-mapping.example.json).</summary>
    public ImportMapping With(MappingFile file)
    {
        var columns = new Dictionary<string, string[]>(Columns);
        foreach (var (target, column) in file.Columns ?? []) columns[target] = [column];
        return this with
        {
            Source = file.Source ?? (file.Columns is { Count: > 0 } && Preset != "custom" ? Source + "-custom" : Source),
            Columns = columns,
            RequiredColumns = file.Columns is { Count: > 0 } ? file.Columns.Values.ToArray() : RequiredColumns,
            Delimiter = file.Delimiter is { Length: 1 } d ? d[0] : file.Delimiter is null ? Delimiter : throw new ArgumentException("delimiter must be one character"),
            DateFormat = file.DateFormat ?? DateFormat,
            Encoding = file.Encoding ?? Encoding,
            TimeZone = file.TimeZone ?? TimeZone,
            Channel = file.Channel ?? Channel,
            Categories = Merge(Categories, file.Categories),
            Districts = Merge(Districts, file.Districts),
            Statuses = Merge(Statuses, file.Statuses),
        };
    }

    /// <summary>Checks what can be checked before reading a file: known targets, a real time zone, our statuses.</summary>
    public TimeZoneInfo Validate()
    {
        var unknown = Columns.Keys.FirstOrDefault(t => !Targets.Contains(t));
        if (unknown is not null) throw new ArgumentException($"'{unknown}' is not a target field; targets: {string.Join(", ", Targets)}");
        var missing = RequiredTargets.FirstOrDefault(t => !Columns.ContainsKey(t));
        if (missing is not null) throw new ArgumentException($"no column is mapped to the required field '{missing}'");
        var badStatus = Statuses.FirstOrDefault(s => !OurStatuses.Contains(s.Value));
        if (badStatus.Key is not null) throw new ArgumentException($"status '{badStatus.Key}' maps to '{badStatus.Value}', which is not one of {string.Join(", ", OurStatuses)}");
        IKomek.Dashboard.Platform.Csv.CsvEncoding.Normalize(Encoding);
        if (Delimiter is { } d && d is not (',' or ';' or '\t' or '|')) throw new ArgumentException($"delimiter '{d}' is not one of , ; | or tab");
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
        }
        catch (TimeZoneNotFoundException)
        {
            throw new ArgumentException($"time zone '{TimeZone}' is not an IANA time zone (e.g. Asia/Almaty)");
        }
    }

    private static Dictionary<string, string> Empty() => new(StringComparer.OrdinalIgnoreCase);

    private static Dictionary<string, string> Merge(IReadOnlyDictionary<string, string> first, IReadOnlyDictionary<string, string>? second)
    {
        var merged = new Dictionary<string, string>(first, StringComparer.OrdinalIgnoreCase);
        foreach (var (k, v) in second ?? new Dictionary<string, string>()) merged[k.Trim()] = v.Trim();
        return merged;
    }
}

/// <summary>The JSON mapping file (docs/import-mapping.example.json): every property optional.</summary>
public sealed record MappingFile(
    string? Preset = null,
    string? Source = null,
    string? Delimiter = null,
    string? DateFormat = null,
    string? TimeZone = null,
    string? Channel = null,
    Dictionary<string, string>? Columns = null,
    Dictionary<string, string>? Categories = null,
    Dictionary<string, string>? Districts = null,
    Dictionary<string, string>? Statuses = null,
    string? Encoding = null)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static MappingFile Parse(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<MappingFile>(json, Json) ?? new MappingFile();
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"the mapping file is not valid: {e.Message}");
        }
    }

    /// <summary>The preset it names (or the given one) with its settings laid over.</summary>
    public ImportMapping Apply(string? preset) => ImportMapping.ForPreset(Preset ?? preset ?? "custom").With(this);
}
