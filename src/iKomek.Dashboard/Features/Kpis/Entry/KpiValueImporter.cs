using System.Globalization;
using IKomek.Dashboard.Platform.Csv;

namespace IKomek.Dashboard.Features.Kpis.Entry;

/// <summary>A refused row of a KPI file: its line, the column at fault (empty for the whole row), why, and its values
/// as read (kpi, period, actual, target, whatever the file's order).</summary>
public sealed record KpiImportError(int Row, string Column, KpiRejection Rejection, IReadOnlyList<string> Fields);

/// <summary>How an import ended: rows read, values changed, rows already so, the refused rows; or why the file as a
/// whole could not be read (nothing was imported then).</summary>
public sealed record KpiImportResult(int RowsRead, int Saved, int Unchanged, IReadOnlyList<KpiImportError> Errors, KpiRejection? FileError = null)
{
    public int Rejected => Errors.Count;
}

/// <summary>
/// Imports KPI values from CSV: columns kpi (the KPI's code), period (2026-03, 2026-Q1 or 2026), actual and an
/// optional target, by their header names in any order. The file's encoding is found and checked first
/// (Platform/Csv/CsvEncoding). Each row is saved on its own through <see cref="KpiValueEntry"/>, all or nothing, with
/// every rule of the entry form; a refused row is reported with its reason and the other rows are kept.
/// </summary>
public sealed class KpiValueImporter(KpiValueEntry entry, KpiEntryQueries queries)
{
    public const long MaxFileBytes = 10L * 1024 * 1024;

    public static readonly string[] Columns = ["kpi", "period", "actual", "target"];

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["kpi"] = "kpi", ["kpi_code"] = "kpi", ["code"] = "kpi",
        ["period"] = "period",
        ["actual"] = "actual", ["value"] = "actual",
        ["target"] = "target",
    };

    public async Task<KpiImportResult> ImportAsync(Stream input, KpiEditor editor, CancellationToken ct = default)
    {
        Stream utf8, source;
        try
        {
            (utf8, _, source) = await CsvEncoding.OpenAsync(input, null, ct);
        }
        catch (CsvEncodingException e)
        {
            return Failed(new KpiRejection("file.encoding", e.Encoding, e.Line.ToString(CultureInfo.InvariantCulture), $"0x{e.Value:X2}"));
        }
        await using var copy = source == input ? null : source;   // an upload's temporary copy
        await using var transcoded = utf8 == source ? null : utf8;
        await using var reader = new CsvRowReader(utf8, leaveOpen: true);

        if (await reader.ReadAsync(ct) is not { } header) return Failed(new KpiRejection("file.empty"));
        var at = new Dictionary<string, int>();
        for (var i = 0; i < header.Fields.Count; i++)
        {
            if (Aliases.TryGetValue(header.Fields[i].Trim().TrimStart('\uFEFF'), out var column)) at.TryAdd(column, i);
        }
        var missing = Columns[..3].Where(c => !at.ContainsKey(c)).ToList();
        if (missing.Count > 0) return Failed(new KpiRejection("file.columns", string.Join(", ", missing), string.Join(", ", Columns)));

        var codes = await queries.GetCodesAsync(ct);
        var seen = new Dictionary<(int, KpiPeriod), int>();
        var errors = new List<KpiImportError>();
        int read = 0, saved = 0, unchanged = 0;
        while (await reader.ReadAsync(ct) is { } record)
        {
            read++;
            string Field(string column) => at.TryGetValue(column, out var i) && i < record.Fields.Count ? record.Fields[i].Trim() : "";
            void Refuse(string column, KpiRejection why) => errors.Add(new KpiImportError(record.Line, column, why, Columns.Select(Field).ToArray()));

            if (record.Error is { } malformed)
            {
                Refuse("", new KpiRejection("file." + malformed));
                continue;
            }
            var code = Field("kpi");
            if (!codes.TryGetValue(code, out var kpiId))
            {
                Refuse("kpi", code.Length == 0 ? new KpiRejection("kpiMissing") : new KpiRejection("unknownKpi", code));
                continue;
            }
            if (KpiPeriod.Parse(Field("period")) is not { } period)
            {
                Refuse("period", new KpiRejection("badPeriod", Field("period")));
                continue;
            }
            var actual = KpiNumber.Parse(Field("actual"));
            if (actual is null && Field("actual").Length > 0)
            {
                Refuse("actual", new KpiRejection("notNumber", Field("actual")));
                continue;
            }
            var target = KpiNumber.Parse(Field("target"));
            if (target is null && Field("target").Length > 0)
            {
                Refuse("target", new KpiRejection("target.notNumber", Field("target")));
                continue;
            }
            if (seen.TryGetValue((kpiId, period), out var first))
            {
                Refuse("period", new KpiRejection("duplicate", code, period.Code, first.ToString(CultureInfo.InvariantCulture)));
                continue;
            }
            seen[(kpiId, period)] = record.Line;
            try
            {
                var result = await entry.SaveAsync([new KpiValueInput(kpiId, period, actual, target)], editor, "import", ct);
                saved += result.Changed;
                unchanged += result.Unchanged;
            }
            catch (KpiEntryRejectedException e)
            {
                Refuse(ColumnOf(e.First.Code), e.First);
            }
        }
        return new KpiImportResult(read, saved, unchanged, errors);
    }

    /// <summary>The column a refusal of the entry rules points at.</summary>
    private static string ColumnOf(string code) => code switch
    {
        _ when code.StartsWith("target", StringComparison.Ordinal) || code == "noTarget" => "target",
        "otherDepartment" or "computed" or "unknownKpi" => "kpi",
        "periodKind" or "closed" or "notStarted" => "period",
        _ => "actual",
    };

    private static KpiImportResult Failed(KpiRejection why) => new(0, 0, 0, [], why);

    /// <summary>
    /// The refused rows as a file to fix and import again: the four columns as they were read, then the line and the
    /// reason. Written by CsvRowWriter, so a cell that a spreadsheet would run as a formula is neutralised.
    /// </summary>
    public static byte[] RejectsFile(IEnumerable<KpiImportError> errors, Func<KpiImportError, string> reason)
    {
        var bytes = new MemoryStream();
        using (var csv = CsvRowWriter.Create(bytes, byteOrderMark: true, leaveOpen: true))
        {
            csv.Write([.. Columns, "row", "column", "reason"]);
            foreach (var e in errors)
            {
                csv.Write([.. e.Fields, e.Row.ToString(CultureInfo.InvariantCulture), e.Column, reason(e)]);
            }
        }
        return bytes.ToArray();
    }
}
