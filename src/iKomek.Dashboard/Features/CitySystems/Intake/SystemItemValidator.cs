using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using IKomek.Dashboard.Features.Live;
using IKomek.Dashboard.Platform.City;

namespace IKomek.Dashboard.Features.CitySystems.Intake;

/// <summary>Which intake path an item came by: a feed's readings, or objects (a register's rows, a feed's objects).</summary>
public enum SystemsPath { Readings, Objects }

/// <summary>Why one item of a batch was refused: its position in the batch (0-based), the field, a code, and what was
/// wrong with what is expected.</summary>
public sealed record SystemsItemError(int Index, string? Field, string Code, string Description);

/// <summary>An item that passed every check, ready for the writer: object-scope values in <see cref="AttrsJson"/>,
/// reading values in <see cref="ValsJson"/> (null for an object), both as JSON objects keyed by field name.</summary>
public sealed record SystemsItem(int Index, string SourceId, string? Name, DateTimeOffset? ObservedAt, double? Lat, double? Lon,
    int? DistrictId, string AttrsJson, string? ValsJson);

/// <summary>
/// Checks one item of a batch against its system's schema. An item is
/// <c>{"source_id", "observed_at" (readings), "lat", "lon" | "district", "name", "values": {...}, "units": {...}}</c>.
/// Every problem of the item is reported, not only the first; an item with any problem is refused whole.
/// </summary>
public sealed class SystemItemValidator(CitySystem system, CityReference.Snapshot city, DateTimeOffset now, SystemsPath path)
{
    public const int MaxSourceIdLength = 100;
    public const int MaxNameLength = 300;
    public const int MaxTextLength = 4000;

    /// <summary>A reading more than this ahead of the panel's clock is refused (the sender's clock is wrong).</summary>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>Nothing before this is a reading of the city's systems: an earlier time is a sender's zero date.</summary>
    public static readonly DateTimeOffset Earliest = new(2019, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly Regex IsoWithOffset = new(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant);
    private static readonly HashSet<string> ItemKeys = ["source_id", "observed_at", "lat", "lon", "district", "name", "values", "units"];

    /// <summary>The item, or null with its problems added to <paramref name="errors"/>.</summary>
    public SystemsItem? Validate(int index, JsonElement item, List<SystemsItemError> errors)
    {
        var before = errors.Count;
        void Fail(string? field, string code, string description) => errors.Add(new SystemsItemError(index, field, code, description));

        if (item.ValueKind != JsonValueKind.Object)
        {
            Fail(null, "type", $"item {index}: expected a JSON object, got {Kind(item)}");
            return null;
        }
        foreach (var property in item.EnumerateObject())
        {
            if (!ItemKeys.Contains(property.Name) || (property.Name == "observed_at" && path == SystemsPath.Objects))
                Fail(property.Name, "unknown_field", $"item {index}: '{property.Name}' is not a key of an item here; expected {string.Join(", ", Keys())}");
        }

        var sourceId = Text(item, "source_id");
        if (sourceId is null) Fail("source_id", "required", $"item {index}: source_id (the source's own id of the object, a string) is required");
        else if (sourceId.Length is 0 or > MaxSourceIdLength) Fail("source_id", "length", $"item {index}: source_id must be 1 to {MaxSourceIdLength} characters, got {sourceId.Length}");

        var name = Text(item, "name");
        if (name is { Length: > MaxNameLength }) Fail("name", "length", $"item {index}: name must be at most {MaxNameLength} characters, got {name.Length}");
        if (item.TryGetProperty("name", out var n) && n.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
            Fail("name", "type", $"item {index}: name must be a string, got {Kind(n)}");
        if (item.TryGetProperty("source_id", out var s) && s.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
            Fail("source_id", "type", $"item {index}: source_id must be a string, got {Kind(s)}");

        DateTimeOffset? observedAt = path == SystemsPath.Readings ? ObservedAt(index, item, Fail) : null;
        var (lat, lon, district) = Place(index, item, Fail);

        var units = Units(index, item, Fail);
        var attrs = new StringBuilder(64);
        var vals = new StringBuilder(64);
        Values(index, item, units, attrs, vals, Fail);

        if (errors.Count > before) return null;
        return new SystemsItem(index, sourceId!, name, observedAt, lat, lon, district, attrs.ToString(),
            path == SystemsPath.Readings ? vals.ToString() : null);
    }

    private IEnumerable<string> Keys() => ItemKeys.Where(k => k != "observed_at" || path == SystemsPath.Readings);

    private DateTimeOffset? ObservedAt(int index, JsonElement item, Action<string?, string, string> fail)
    {
        if (!item.TryGetProperty("observed_at", out var at) || at.ValueKind == JsonValueKind.Null)
        {
            fail("observed_at", "required", $"item {index}: observed_at (when the reading was taken, ISO 8601 with an offset) is required");
            return null;
        }
        if (at.ValueKind != JsonValueKind.String || !IsoWithOffset.IsMatch(at.GetString()!)
            || !DateTimeOffset.TryParse(at.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            fail("observed_at", "format", $"item {index}: observed_at {Shown(at)} is not an ISO 8601 time with an offset, e.g. 2026-01-15T08:30:00+05:00");
            return null;
        }
        if (time > now + MaxClockSkew)
        {
            fail("observed_at", "future", $"item {index}: observed_at {at.GetString()} is {(time - now).TotalMinutes:F0} minutes ahead of the panel's clock ({now:yyyy-MM-ddTHH:mm:sszzz}); at most {MaxClockSkew.TotalMinutes:F0} minutes are allowed: check the sender's clock");
            return null;
        }
        if (time < Earliest)
        {
            fail("observed_at", "too_old", $"item {index}: observed_at {at.GetString()} is before {Earliest:yyyy-MM-dd}: no reading is that old");
            return null;
        }
        return time;
    }

    private (double? Lat, double? Lon, int? District) Place(int index, JsonElement item, Action<string?, string, string> fail)
    {
        var hasLat = item.TryGetProperty("lat", out var la) && la.ValueKind != JsonValueKind.Null;
        var hasLon = item.TryGetProperty("lon", out var lo) && lo.ValueKind != JsonValueKind.Null;
        var hasDistrict = item.TryGetProperty("district", out var d) && d.ValueKind != JsonValueKind.Null;
        // An object is placed when registered; a reading may move it (GPS) or leave it where it is.
        var placeRequired = path == SystemsPath.Objects;
        if (system.PlacedByDistrict)
        {
            if (hasLat || hasLon) fail(hasLat ? "lat" : "lon", "place", $"item {index}: {system.Code} places its objects by district: send 'district' (a district's code), not lat/lon");
            if (!hasDistrict)
            {
                if (placeRequired) fail("district", "required", $"item {index}: district (one of {Districts()}) is required");
                return (null, null, null);
            }
            if (d.ValueKind != JsonValueKind.String || !city.DistrictsByCode.TryGetValue(d.GetString()!, out var known))
            {
                fail("district", "unknown_district", $"item {index}: district {Shown(d)} is not one of {Districts()}");
                return (null, null, null);
            }
            return (null, null, known.Id);
        }
        if (hasDistrict) fail("district", "place", $"item {index}: {system.Code} places its objects by lat/lon: send 'lat' and 'lon', not a district");
        if (!hasLat && !hasLon)
        {
            if (placeRequired) fail("lat", "required", $"item {index}: lat and lon (WGS 84 degrees inside Astana) are required");
            return (null, null, null);
        }
        if (hasLat != hasLon)
        {
            fail(hasLat ? "lon" : "lat", "required", $"item {index}: lat and lon come together: {(hasLat ? "lon" : "lat")} is missing");
            return (null, null, null);
        }
        if (la.ValueKind != JsonValueKind.Number || lo.ValueKind != JsonValueKind.Number)
        {
            fail(la.ValueKind != JsonValueKind.Number ? "lat" : "lon", "type", $"item {index}: lat and lon must be numbers (degrees), got {Shown(la)}, {Shown(lo)}");
            return (null, null, null);
        }
        var (lat, lon) = (la.GetDouble(), lo.GetDouble());
        if (!InCity(lat, lon))
        {
            fail("lat", "outside_city", $"item {index}: lat/lon {lat.ToString(CultureInfo.InvariantCulture)}, {lon.ToString(CultureInfo.InvariantCulture)} is outside Astana's outline (latitude {OutlineBox}): a point inside the city is expected");
            return (null, null, null);
        }
        return (lat, lon, city.NearestDistrict(lat, lon));
    }

    /// <summary>Inside the city's outline as the district map draws it (within the bounding box intake uses for appeals).</summary>
    public static bool InCity(double lat, double lon) =>
        CityGeography.IsInCity(lat, lon) && DistrictMap.Contains(DistrictMap.CityOutline, lat, lon);

    private static readonly string OutlineBox = string.Create(CultureInfo.InvariantCulture,
        $"{DistrictMap.CityOutline.Min(p => p.Lat)}–{DistrictMap.CityOutline.Max(p => p.Lat)}, longitude {DistrictMap.CityOutline.Min(p => p.Lon)}–{DistrictMap.CityOutline.Max(p => p.Lon)}");

    private string Districts() => string.Join(", ", city.DistrictsByCode.Keys.Order(StringComparer.Ordinal));

    private Dictionary<string, string> Units(int index, JsonElement item, Action<string?, string, string> fail)
    {
        var units = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!item.TryGetProperty("units", out var u) || u.ValueKind == JsonValueKind.Null) return units;
        if (u.ValueKind != JsonValueKind.Object)
        {
            fail("units", "type", $"item {index}: units must be an object of field name to unit, e.g. {{\"coal_t\": \"t\"}}, got {Kind(u)}");
            return units;
        }
        foreach (var p in u.EnumerateObject())
        {
            if (!system.FieldsByName.TryGetValue(p.Name, out var field))
            {
                fail(p.Name, "unknown_field", $"item {index}: units names '{p.Name}', which is not a field of {system.Code}");
                continue;
            }
            var given = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : Shown(p.Value);
            if (field.Unit is null) fail(p.Name, "unit", $"item {index}: {p.Name} has no unit, but '{given}' was given");
            else if (given != field.Unit) fail(p.Name, "unit", $"item {index}: {p.Name} is in '{field.Unit}', but was sent in '{given}': convert it to '{field.Unit}'");
            units[p.Name] = given;
        }
        return units;
    }

    private void Values(int index, JsonElement item, Dictionary<string, string> units, StringBuilder attrs, StringBuilder vals,
        Action<string?, string, string> fail)
    {
        var given = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (item.TryGetProperty("values", out var v) && v.ValueKind != JsonValueKind.Null)
        {
            if (v.ValueKind != JsonValueKind.Object) fail("values", "type", $"item {index}: values must be an object of field name to value, got {Kind(v)}");
            else foreach (var p in v.EnumerateObject()) given[p.Name] = p.Value;
        }
        foreach (var name in given.Keys.Where(k => !system.FieldsByName.ContainsKey(k)))
            fail(name, "unknown_field", $"item {index}: '{name}' is not a field of {system.Code}; its fields: {string.Join(", ", system.Fields.Select(f => f.Name))}");

        using var attrStream = new MemoryStream();
        using var valStream = new MemoryStream();
        using (var attrJson = new Utf8JsonWriter(attrStream))
        using (var valJson = new Utf8JsonWriter(valStream))
        {
            attrJson.WriteStartObject();
            valJson.WriteStartObject();
            foreach (var field in system.Fields)
            {
                var present = given.TryGetValue(field.Name, out var value) && value.ValueKind != JsonValueKind.Null;
                // A reading need not repeat its object's attributes; an object carries no reading.
                var inScope = field.IsReading ? path == SystemsPath.Readings : true;
                if (!present)
                {
                    if (field.Required && inScope && (field.IsReading || path == SystemsPath.Objects))
                        fail(field.Name, "required", $"item {index}: {field.Name} ({Expected(field)}) is required");
                    continue;
                }
                if (!inScope)
                {
                    fail(field.Name, "scope", $"item {index}: {field.Name} is a reading of {system.Code}: send it to /api/systems/{system.Code}/readings with observed_at");
                    continue;
                }
                if (Check(field, value) is { } problem)
                {
                    fail(field.Name, problem.Code, $"item {index}: {field.Name} {Shown(value)}: {problem.Text}");
                    continue;
                }
                var target = field.IsReading ? valJson : attrJson;
                target.WritePropertyName(field.Name);
                value.WriteTo(target);
            }
            attrJson.WriteEndObject();
            valJson.WriteEndObject();
        }
        attrs.Append(Encoding.UTF8.GetString(attrStream.ToArray()));
        vals.Append(Encoding.UTF8.GetString(valStream.ToArray()));
    }

    private static (string Code, string Text)? Check(SystemField field, JsonElement value)
    {
        switch (field.Type)
        {
            case "number" or "integer":
                if (value.ValueKind != JsonValueKind.Number) return ("type", $"expected {Expected(field)}, got {Kind(value)}");
                if (field.Type == "integer" && !value.TryGetInt64(out _)) return ("type", $"expected {Expected(field)}, got a fraction");
                var number = value.GetDouble();
                if (field.MinValue is { } min && number < min || field.MaxValue is { } max && number > max)
                    return ("range", $"out of range: expected {Range(field)}");
                return null;
            case "boolean":
                return value.ValueKind is JsonValueKind.True or JsonValueKind.False ? null : ("type", $"expected true or false, got {Kind(value)}");
            case "date":
                return value.ValueKind == JsonValueKind.String && DateOnly.TryParseExact(value.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
                    ? null : ("type", "expected a date as YYYY-MM-DD");
            case "choice":
                if (value.ValueKind != JsonValueKind.String) return ("type", $"expected one of {string.Join(", ", field.Choices!)}, got {Kind(value)}");
                return field.Choices!.Contains(value.GetString()) ? null : ("choice", $"expected one of {string.Join(", ", field.Choices!)}");
            default:
                if (value.ValueKind != JsonValueKind.String) return ("type", $"expected text, got {Kind(value)}");
                return value.GetString()!.Length > MaxTextLength ? ("length", $"text longer than {MaxTextLength} characters") : null;
        }
    }

    private static string Expected(SystemField field) => field.Type switch
    {
        "number" => "a number" + (field.Unit is null ? "" : $" in '{field.Unit}'") + (field.MinValue is null && field.MaxValue is null ? "" : $", {Range(field)}"),
        "integer" => "a whole number" + (field.Unit is null ? "" : $" in '{field.Unit}'") + (field.MinValue is null && field.MaxValue is null ? "" : $", {Range(field)}"),
        "boolean" => "true or false",
        "date" => "a date, YYYY-MM-DD",
        "choice" => "one of " + string.Join(", ", field.Choices!),
        _ => "text",
    };

    private static string Range(SystemField field) => (field.MinValue, field.MaxValue) switch
    {
        ({ } min, { } max) => $"{min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}",
        ({ } min, null) => $"at least {min.ToString(CultureInfo.InvariantCulture)}",
        (null, { } max) => $"at most {max.ToString(CultureInfo.InvariantCulture)}",
        _ => "any",
    };

    private static string? Text(JsonElement item, string key) =>
        item.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => "null",
    };

    private static string Shown(JsonElement value)
    {
        var raw = value.GetRawText();
        return raw.Length > 60 ? raw[..60] + "…" : raw;
    }
}
