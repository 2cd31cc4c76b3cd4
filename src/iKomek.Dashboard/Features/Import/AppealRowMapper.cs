using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using IKomek.Dashboard.Features.Intake;
using IKomek.Dashboard.Platform.Csv;
using IKomek.Dashboard.Platform.City;

namespace IKomek.Dashboard.Features.Import;

/// <summary>An appeal read from a CSV row, checked and resolved to our ids; times in UTC.</summary>
public sealed class ImportedAppeal
{
    public int Line { get; init; }
    public required string SourceKey { get; init; }

    /// <summary>The key is our reg number: appeals.reg_number itself keeps the import idempotent.</summary>
    public bool KeyIsRegNumber { get; init; }
    public string? RegNumber { get; init; }
    public DateTime CreatedAt { get; init; }
    public int ChannelId { get; init; }
    public int ServiceTypeId { get; init; }
    public int AreaId { get; init; }
    public int DistrictId { get; init; }
    public int? OrganisationId { get; set; }
    public bool OrganisationGiven { get; init; }
    public int DepartmentId { get; init; }
    public long CitizenId { get; init; }
    public required string Language { get; init; }
    public required string Description { get; init; }
    public string? Address { get; init; }
    public double? Lat { get; init; }
    public double? Lon { get; init; }
    public required string Status { get; init; }
    public bool IsCritical { get; init; }
    public DateTime SlaDueAt { get; init; }
    public DateTime? ResolvedAt { get; init; }
    public DateTime? ClosedAt { get; init; }

    /// <summary>The category as the source wrote it, kept with the row's key (appeal_imports.source_category).</summary>
    public string? SourceCategory { get; init; }
}

/// <summary>
/// What is wrong with one row: its line in the file (the header is line 1), the source column at fault (empty for the
/// whole row) and a reason code with its arguments (texts "import.reason.{Code}").
/// </summary>
public sealed record RowError(int Row, string Column, string Code, params string[] Args);

/// <summary>
/// Turns CSV records into appeals under a mapping: every field parsed, checked and resolved against the reference
/// data. A row with any error yields all its errors and no appeal.
/// </summary>
public sealed partial class AppealRowMapper
{
    public const int MaxDescription = 4000;
    public const int MaxAddress = 500;

    private static readonly string[] IsoFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd HH:mmK", "yyyy-MM-dd",
    ];

    private readonly ImportMapping _mapping;
    private readonly ImportReference _reference;
    private readonly TimeZoneInfo _zone;
    private readonly DateTime _latestUtc;
    private readonly string[] _dateFormats;
    private readonly Dictionary<string, (int Index, string Column)> _columns = new();
    private readonly string[] _header;

    /// <param name="header">The header record's fields.</param>
    /// <param name="nowUtc">Dates after this (plus a day of slack for clocks) are refused as being in the future.</param>
    public AppealRowMapper(ImportMapping mapping, ImportReference reference, IReadOnlyList<string> header, DateTime nowUtc)
    {
        _mapping = mapping;
        _reference = reference;
        _zone = mapping.Validate();
        _latestUtc = nowUtc.AddDays(1);
        _dateFormats = mapping.DateFormat is { } f ? [f] : IsoFormats;
        _header = header.Select(h => h.Trim()).ToArray();
        var index = header.Select((h, i) => (Name: h.Trim(), i)).GroupBy(h => h.Name, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().i, StringComparer.OrdinalIgnoreCase);

        var missing = mapping.RequiredColumns.Where(c => !index.ContainsKey(c)).ToList();
        if (missing.Count > 0) throw new ImportFileException("missingColumns", mapping.Preset, string.Join(", ", missing));
        foreach (var (target, candidates) in mapping.Columns)
        {
            var found = candidates.FirstOrDefault(index.ContainsKey);
            if (found is not null) _columns[target] = (index[found], header[index[found]].Trim());
            else if (ImportMapping.RequiredTargets.Contains(target))
                throw new ImportFileException("mappedColumnMissing", string.Join(" / ", candidates), target);
        }
    }

    public int HeaderWidth => _header.Length;

    /// <summary>The target fields this file feeds, and from which column.</summary>
    public IReadOnlyDictionary<string, (int Index, string Column)> Columns => _columns;

    public ImportedAppeal? Map(CsvRecord record, List<RowError> errors)
    {
        var line = record.Line;
        if (record.Error is { } malformed)
        {
            errors.Add(new RowError(line, record.ErrorField >= 0 && record.ErrorField < HeaderWidth ? Header(record.ErrorField) : "", malformed));
            return null;
        }
        if (record.Fields.Count != HeaderWidth)
        {
            errors.Add(new RowError(line, "", "columnCount", HeaderWidth.ToString(CultureInfo.InvariantCulture), record.Fields.Count.ToString(CultureInfo.InvariantCulture)));
            return null;
        }
        var before = errors.Count;
        string? Text(string target) => _columns.TryGetValue(target, out var c) && record.Fields[c.Index].Trim() is { Length: > 0 } v ? v : null;
        string Col(string target) => _columns.TryGetValue(target, out var c) ? c.Column : target;
        void Fail(string target, string code, params string[] args) => errors.Add(new RowError(line, Col(target), code, args));
        string? Required(string target)
        {
            var v = Text(target);
            if (v is null) Fail(target, "missing");
            return v;
        }
        DateTime? Date(string target)
        {
            if (Text(target) is not { } raw) return null;
            if (ParseDate(raw) is { } utc)
            {
                // What happened cannot be later than now; a deadline can.
                if (utc > _latestUtc && target != "sla_due_at") Fail(target, "future", raw);
                return utc;
            }
            Fail(target, "date", raw, _mapping.DateFormat ?? "ISO 8601");
            return null;
        }

        // The key: the source's own id, our reg number, or a hash of the whole row.
        var regNumber = Text("reg_number");
        if (_columns.ContainsKey("reg_number") && regNumber is null) Fail("reg_number", "missing");
        else if (regNumber is not null && !RegNumberPattern().IsMatch(regNumber)) Fail("reg_number", "regNumber", regNumber);
        string? key = _columns.ContainsKey("id") ? Required("id") : regNumber ?? RowHash(record.Fields);

        var created = Date("created_at");
        if (created is null && Text("created_at") is null) Fail("created_at", "missing");

        // Service type: a category mapped to our service code or area code, or our code itself.
        ImportReference.ServiceType? type = null;
        if (Required("service_code") is { } category)
        {
            var code = _mapping.Categories.TryGetValue(category, out var mapped) ? mapped : category;
            type = _reference.ServiceTypes.GetValueOrDefault(code) ?? _reference.AreaDefaults.GetValueOrDefault(code);
            if (type is null) Fail("service_code", "unknownServiceCode", category);
        }
        if (Text("area") is { } area && type is not null)
        {
            if (!_reference.Areas.TryGetValue(area, out var areaId)) Fail("area", "unknownArea", area);
            else if (areaId != type.AreaId) Fail("area", "areaContradicts", area, Text("service_code")!);
        }

        // A citizen's text is kept byte for byte (spaces at its ends and line breaks included); codes and ids are trimmed.
        var description = _columns.TryGetValue("description", out var textColumn) && !string.IsNullOrWhiteSpace(record.Fields[textColumn.Index])
            ? record.Fields[textColumn.Index]
            : null;
        if (description is null) Fail("description", "missing");
        if (description is { Length: > MaxDescription }) Fail("description", "tooLong", description.Length.ToString(CultureInfo.InvariantCulture), MaxDescription.ToString(CultureInfo.InvariantCulture));
        var address = Text("address");
        if (address is { Length: > MaxAddress }) Fail("address", "tooLong", address.Length.ToString(CultureInfo.InvariantCulture), MaxAddress.ToString(CultureInfo.InvariantCulture));

        // Coordinates: both or neither, inside the city.
        var lat = Number("lat");
        var lon = Number("long");
        if ((Text("lat") is null) != (Text("long") is null)) Fail(Text("lat") is null ? "lat" : "long", "latLonPair");
        else if (lat is { } la && lon is { } lo && !_reference.IsInCity(la, lo)) Fail("lat", "outOfCity", Text("lat")!, Text("long")!);

        // District: given (through the map), else from coordinates, else from the address register.
        int? districtId = null;
        ImportReference.Building? building = null;
        if (Text("district") is { } district)
        {
            var code = _mapping.Districts.TryGetValue(district, out var mapped) ? mapped : district;
            if (_reference.Districts.TryGetValue(code, out var id)) districtId = id;
            else Fail("district", "unknownDistrict", district);
        }
        else if (lat is { } la && lon is { } lo) districtId = _reference.NearestDistrict(la, lo);
        else if (address is not null && _reference.Buildings.TryGetValue(Buildings.Of(address), out building)) districtId = building.DistrictId;
        // Bad coordinates were reported above; "cannot place it" would only repeat them.
        else if (Text("lat") is null && Text("long") is null) Fail("district", "noPlace");

        var channelCode = Text("channel") ?? _mapping.Channel;
        if (!_reference.Channels.TryGetValue(channelCode, out var channelId)) Fail("channel", "unknownChannel", channelCode);

        var departmentId = type?.DepartmentId ?? 0;
        if (Text("department") is { } department && !_reference.Departments.TryGetValue(department, out departmentId)) Fail("department", "unknownDepartment", department);

        int? organisationId = null;
        if (Text("organisation") is { } organisation)
        {
            if (_reference.Organisations.TryGetValue(organisation, out var candidates))
                organisationId = (candidates.FirstOrDefault(o => o.DepartmentId == departmentId && o.DistrictId == districtId)
                                  ?? candidates.FirstOrDefault(o => o.DepartmentId == departmentId) ?? candidates[0]).Id;
            else Fail("organisation", "unknownOrganisation", organisation);
        }

        var language = Text("language") is { } lang ? lang.ToLowerInvariant() : description is null ? "ru" : LanguageDetector.Detect(description);
        if (language is not ("ru" or "kk" or "en" or "mixed")) Fail("language", "unknownLanguage", language);

        // Status and its dates must agree: a closed row has a closing date, an open row has none.
        var resolved = Date("resolved_at");
        var closed = Date("closed_at");
        var updated = Date("updated_at");
        var status = Text("status") is { } rawStatus
            ? _mapping.Statuses.TryGetValue(rawStatus, out var mappedStatus) ? mappedStatus : rawStatus.ToLowerInvariant()
            : closed is not null ? "closed" : resolved is not null ? "resolved" : "registered";
        if (_columns.ContainsKey("status") && Text("status") is null) Fail("status", "missing");
        else if (!ImportMapping.OurStatuses.Contains(status)) Fail("status", "unknownStatus", Text("status") ?? status);
        else
        {
            if (status == "closed") closed ??= updated;
            if (status == "resolved") resolved ??= updated;
            if (status == "closed") resolved ??= closed;
            var isClosed = status == "closed";
            var isResolved = status is "resolved" or "closed";
            if (closed is not null && !isClosed) Fail("closed_at", "closedButOpen", Text("status")!);
            if (resolved is not null && !isResolved) Fail("resolved_at", "resolvedButOpen", Text("status")!);
            if (isClosed && closed is null && errors.Count == before) Fail(_columns.ContainsKey("closed_at") ? "closed_at" : "updated_at", "closedWithoutDate", Text("status") ?? status);
            if (status == "resolved" && resolved is null && errors.Count == before) Fail(_columns.ContainsKey("resolved_at") ? "resolved_at" : "updated_at", "resolvedWithoutDate", Text("status") ?? status);
        }
        if (created is { } c)
        {
            if (resolved < c) Fail("resolved_at", "resolvedBeforeCreated");
            if (closed < c) Fail(_columns.ContainsKey("closed_at") ? "closed_at" : "updated_at", "closedBeforeCreated");
            else if (closed < resolved) Fail("closed_at", "closedBeforeResolved");
        }
        var due = Date("sla_due_at");
        if (due < created) Fail("sla_due_at", "dueBeforeCreated");

        if (errors.Count > before || created is null || type is null || description is null || key is null || districtId is null) return null;
        return new ImportedAppeal
        {
            Line = line,
            SourceKey = key,
            KeyIsRegNumber = key == regNumber && !_columns.ContainsKey("id"),
            RegNumber = regNumber,
            CreatedAt = created.Value,
            ChannelId = channelId,
            ServiceTypeId = type.Id,
            AreaId = type.AreaId,
            DistrictId = districtId.Value,
            OrganisationId = organisationId,
            OrganisationGiven = _columns.ContainsKey("organisation"),
            DepartmentId = departmentId,
            CitizenId = CitizenId(_mapping.Source, key),
            Language = language,
            Description = description,
            Address = address,
            Lat = lat ?? building?.Lat,
            Lon = lon ?? building?.Lon,
            Status = status,
            IsCritical = type.IsCritical,
            SlaDueAt = due ?? _reference.Calendar.AddWorkingDays(created.Value, type.SlaWorkingDays),
            ResolvedAt = resolved,
            ClosedAt = closed,
            SourceCategory = Text("service_code"),
        };

        double? Number(string target)
        {
            if (Text(target) is not { } raw) return null;
            // A decimal comma too: Russian spreadsheets write 51,1605.
            if (double.TryParse(raw.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)) return v;
            Fail(target, "number", raw);
            return null;
        }
    }

    private string Header(int index) => _header[index];

    /// <summary>A date in the mapping's format; without an offset it is read in the mapping's time zone.</summary>
    public DateTime? ParseDate(string raw)
    {
        if (!DateTime.TryParseExact(raw, _dateFormats, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var d)) return null;
        switch (d.Kind)
        {
            case DateTimeKind.Utc: return d;
            case DateTimeKind.Local: return d.ToUniversalTime();
            default:
                if (_zone.IsInvalidTime(d)) return null;
                return TimeZoneInfo.ConvertTimeToUtc(d, _zone);
        }
    }

    /// <summary>A stable key for a row without an id: the same row always gives the same key.</summary>
    private static string RowHash(IReadOnlyList<string> fields) =>
        "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', fields))))[..32];

    /// <summary>A pseudonymous resident key, stable per source row (imports do not carry residents).</summary>
    private static long CitizenId(string source, string key) =>
        (long)(BitConverter.ToUInt64(SHA256.HashData(Encoding.UTF8.GetBytes(source + "\u001f" + key)), 0) >> 14);

    [GeneratedRegex(@"^109-\d{4}-\d{7}$")]
    private static partial Regex RegNumberPattern();
}

/// <summary>A file the import cannot read at all (no header, columns of the preset missing): one clear message.</summary>
public sealed class ImportFileException(string code, params string[] args) : Exception($"{code}: {string.Join(", ", args)}")
{
    public string Code { get; } = code;
    public string[] Args { get; } = args;
}
