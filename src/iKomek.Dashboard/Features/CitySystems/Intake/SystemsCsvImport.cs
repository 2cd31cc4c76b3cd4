using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using IKomek.Dashboard.Features.Import;
using IKomek.Dashboard.Platform.Audit;
using IKomek.Dashboard.Platform.Csv;

namespace IKomek.Dashboard.Features.CitySystems.Intake;

/// <summary>What a CSV import of a system did; <see cref="FileError"/> set when the file could not be read at all
/// (nothing stored).</summary>
public sealed record SystemsCsvResult(int RowsRead, int Accepted, int Duplicates, int Rejected, IReadOnlyList<RowError> Errors, string? FileError);

/// <summary>
/// A system's CSV import (/systems/{code}/import): a header row of source_id, observed_at (feeds: the file's rows are
/// readings), lat and lon (or district), an optional name, and field names; each row becomes an item of the API and
/// goes through the same checks and writer, in batches. The report names each refused row by its line and column,
/// as the appeals' import does; the import is in the audit log with who ran it.
/// </summary>
public sealed class SystemsCsvImport(SystemsIntake intake, AuditLog audit)
{
    public const long MaxFileBytes = 50 * 1024 * 1024;
    private const int Batch = 2_000;
    private static readonly HashSet<string> Placing = ["source_id", "observed_at", "lat", "lon", "district", "name"];

    public async Task<SystemsCsvResult> ImportAsync(CitySystem system, Stream file, string fileName, Actor by, CancellationToken ct = default)
    {
        var path = system.IsFeed ? SystemsPath.Readings : SystemsPath.Objects;
        await using var csv = new CsvRowReader(file, leaveOpen: true);
        if (await csv.ReadAsync(ct) is not { Error: null } header) return Failed("the file is empty or its header row cannot be read");
        var columns = header.Fields.Select(f => f.Trim().TrimStart('\uFEFF')).ToList();
        var unknown = columns.Where(c => !Placing.Contains(c) && !system.FieldsByName.ContainsKey(c) || c == "observed_at" && path == SystemsPath.Objects).ToList();
        if (unknown.Count > 0)
            return Failed($"unknown column(s) {string.Join(", ", unknown)}; expected source_id, {(path == SystemsPath.Readings ? "observed_at, " : "")}lat, lon (or district), name and the fields of {system.Code}: {string.Join(", ", system.Fields.Select(f => f.Name))}");
        if (!columns.Contains("source_id")) return Failed("the column source_id is required");

        var errors = new List<RowError>();
        var (read, accepted, duplicates, rejected) = (0, 0, 0, 0);
        var items = new List<JsonElement>(Batch);
        var lines = new List<int>(Batch);
        async Task FlushAsync()
        {
            if (items.Count == 0) return;
            var result = await intake.SubmitAsync(system, path, items, by, ct);
            accepted += result.Accepted;
            duplicates += result.Duplicates;
            rejected += result.Rejected.Select(e => e.Index).Distinct().Count();
            errors.AddRange(result.Rejected.Select(e => new RowError(lines[e.Index], e.Field ?? "", "systems." + e.Code, e.Field ?? "", e.Description)));
            items.Clear();
            lines.Clear();
        }

        while (await csv.ReadAsync(ct) is { } record)
        {
            if (record.Fields.All(string.IsNullOrWhiteSpace)) continue;
            read++;
            if (record.Error is not null)
            {
                rejected++;
                errors.Add(new RowError(record.Line, "", "systems.format", "", $"the row cannot be read ({record.Error})"));
                continue;
            }
            items.Add(Item(system, columns, record.Fields));
            lines.Add(record.Line);
            if (items.Count == Batch) await FlushAsync();
        }
        await FlushAsync();
        await audit.RecordAsync(by, AuditActions.SystemsImport, "system", system.Code,
            new { file = fileName, rows = read, accepted, duplicates, rejected }, ct);
        return new SystemsCsvResult(read, accepted, duplicates, rejected, errors, null);

        static SystemsCsvResult Failed(string why) => new(0, 0, 0, 0, [], why);
    }

    /// <summary>A row as the API's item: cells typed by their field (a cell that does not parse stays text, so the
    /// checks name its type); an empty cell is absent.</summary>
    private static JsonElement Item(CitySystem system, List<string> columns, IReadOnlyList<string> cells)
    {
        var item = new JsonObject();
        var values = new JsonObject();
        for (var i = 0; i < columns.Count && i < cells.Count; i++)
        {
            var cell = cells[i].Trim();
            if (cell.Length == 0) continue;
            var column = columns[i];
            if (column is "lat" or "lon") item[column] = Number(cell) is { } n ? n : cell;
            else if (Placing.Contains(column)) item[column] = cell;
            else values[column] = system.FieldsByName[column].Type switch
            {
                "number" or "integer" => Number(cell) is { } n ? n : cell,
                "boolean" => cell.ToLowerInvariant() switch { "true" or "1" or "да" or "иә" or "yes" => true, "false" or "0" or "нет" or "жоқ" or "no" => false, _ => cell },
                _ => cell,
            };
        }
        item["values"] = values;
        return JsonSerializer.SerializeToElement(item);
    }

    private static JsonNode? Number(string cell)
    {
        var text = cell.Replace(',', '.').Replace(" ", "").Replace("\u00A0", "");
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole)) return whole;
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) ? d : null;
    }
}
