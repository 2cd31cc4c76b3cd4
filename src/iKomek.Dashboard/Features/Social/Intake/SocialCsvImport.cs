using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using IKomek.Dashboard.Platform.Audit;
using IKomek.Dashboard.Platform.Csv;

namespace IKomek.Dashboard.Features.Social.Intake;

/// <summary>A refused row of a CSV import: its line in the file, the column and why.</summary>
public sealed record SocialRowError(int Line, string Column, string Code, string Description);

/// <summary>What a CSV import did; <see cref="FileError"/> set when the file could not be read at all (nothing stored).</summary>
public sealed record SocialCsvResult(int RowsRead, int Added, int Updated, int Linked, int Rejected, IReadOnlyList<SocialRowError> Errors, string? FileError);

/// <summary>
/// A monitoring service's export of posts as CSV (the page /social/import and the verb social-import): a header row
/// naming the columns (the API's field names, or the exports' usual likes, shares, link, date, author_handle), in
/// UTF-8, UTF-16 or a Cyrillic code page (found from the bytes unless given); each row goes through the API's checks
/// and writer in batches, so importing the same file again adds nothing and only brings reactions up to date. The
/// report names each refused row by its line; the import is in the audit log with who ran it.
/// </summary>
public sealed class SocialCsvImport(SocialIntake intake, SocialIntakeOptions options, AuditLog audit)
{
    public const long MaxFileBytes = 50 * 1024 * 1024;

    private static readonly Dictionary<string, string> Columns = new(StringComparer.OrdinalIgnoreCase)
    {
        ["network"] = "network", ["external_id"] = "external_id", ["author"] = "author", ["author_handle"] = "author",
        ["posted_at"] = "posted_at", ["date"] = "posted_at", ["text"] = "text", ["url"] = "url", ["link"] = "url",
        ["place"] = "place", ["lat"] = "lat", ["lon"] = "lon", ["reactions"] = "reactions", ["likes"] = "reactions",
        ["reposts"] = "reposts", ["shares"] = "reposts",
    };
    private static readonly string[] Required = ["network", "external_id", "author", "posted_at", "text"];
    private static readonly HashSet<string> Numbers = ["lat", "lon", "reactions", "reposts"];

    public async Task<SocialCsvResult> ImportAsync(Stream file, string fileName, string? encoding, Actor by, CancellationToken ct = default)
    {
        Stream utf8, source;
        try
        {
            (utf8, var _, source) = await CsvEncoding.OpenAsync(file, encoding, ct);
        }
        catch (CsvEncodingException e)
        {
            return Failed($"the file is not valid {e.Encoding} (line {e.Line}, byte 0x{e.Value:X2}): give its encoding");
        }
        await using var owned = source == file ? null : source;
        await using var csv = new CsvRowReader(utf8, leaveOpen: true);
        if (await csv.ReadAsync(ct) is not { Error: null } header) return Failed("the file is empty or its header row cannot be read");
        var columns = header.Fields.Select(f => f.Trim().TrimStart('\uFEFF')).ToList();
        var unknown = columns.Where(c => !Columns.ContainsKey(c)).ToList();
        if (unknown.Count > 0)
            return Failed($"unknown column(s) {string.Join(", ", unknown)}; expected {string.Join(", ", Columns.Keys)}");
        var named = columns.Select(c => Columns[c]).ToList();
        var missing = Required.Where(r => !named.Contains(r)).ToList();
        if (missing.Count > 0) return Failed($"the column(s) {string.Join(", ", missing)} are required");

        var errors = new List<SocialRowError>();
        var (read, added, updated, linked, rejected) = (0, 0, 0, 0, 0);
        var items = new List<JsonElement>();
        var lines = new List<int>();
        async Task FlushAsync()
        {
            if (items.Count == 0) return;
            var result = await intake.SubmitAsync(items, by, ct);
            (added, updated, linked) = (added + result.Added, updated + result.Updated, linked + result.Linked);
            rejected += result.Rejected.Select(e => e.Index).Distinct().Count();
            errors.AddRange(result.Rejected.Select(e => new SocialRowError(lines[e.Index], e.Field, e.Code, e.Description)));
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
                errors.Add(new SocialRowError(record.Line, "", "format", $"the row cannot be read ({record.Error})"));
                continue;
            }
            items.Add(Item(named, record.Fields));
            lines.Add(record.Line);
            if (items.Count == options.MaxBatch) await FlushAsync();
        }
        await FlushAsync();
        await audit.RecordAsync(by, AuditActions.SocialImport, "social_import", fileName,
            new { file = fileName, rows = read, added, updated, rejected }, ct);
        return new SocialCsvResult(read, added, updated, linked, rejected, errors, null);

        static SocialCsvResult Failed(string why) => new(0, 0, 0, 0, 0, [], why);
    }

    /// <summary>The refused rows as a CSV to fix and import again: line, column, code, why.</summary>
    public static string RejectsCsv(IEnumerable<SocialRowError> errors)
    {
        var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvRowWriter.Create(text, leaveOpen: true))
        {
            csv.Write("line", "column", "code", "description");
            foreach (var e in errors) csv.Write(e.Line.ToString(CultureInfo.InvariantCulture), e.Column, e.Code, e.Description);
        }
        return text.ToString();
    }

    /// <summary>A row as the API's item: a number column that parses is a number (spaces and a decimal comma allowed),
    /// one that does not stays text so the checks name it; an empty cell is absent.</summary>
    private static JsonElement Item(List<string> columns, IReadOnlyList<string> cells)
    {
        var item = new JsonObject();
        for (var i = 0; i < columns.Count && i < cells.Count; i++)
        {
            var cell = cells[i].Trim();
            if (cell.Length == 0) continue;
            var column = columns[i];
            if (!Numbers.Contains(column)) item[column] = cell;
            else
            {
                var text = cell.Replace(',', '.').Replace(" ", "").Replace("\u00A0", "");
                item[column] = long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole) ? whole
                    : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) ? d
                    : cell;
            }
        }
        return JsonSerializer.SerializeToElement(item);
    }
}
