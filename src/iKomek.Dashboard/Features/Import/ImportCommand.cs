using System.Globalization;
using IKomek.Dashboard.Features.Intake;
using IKomek.Dashboard.Platform.Csv;
using Npgsql;
using IKomek.Dashboard.Platform.City;
using IKomek.Dashboard.Platform.Cli;

namespace IKomek.Dashboard.Features.Import;

/// <summary>
/// The <c>import</c> verb: <c>import FILE [--preset ours|open311|custom] [--mapping map.json] [--source NAME]
/// [--date-format F] [--time-zone Z] [--delimiter ;] [--channel CODE] [--column target=Source]... [--map-category A=code]...
/// [--map-district A=code]... [--map-status A=status]... [--report rejects.csv]</c>. Exit 0 when the file was read (rows
/// may have been rejected), 2 on a file-level or argument error.
/// </summary>
public static class ImportCommand
{
    public const string Usage = """
          import FILE [--preset ours|open311|custom] [--mapping map.json] [--source NAME] [--date-format "dd.MM.yyyy HH:mm"]
                 [--time-zone Asia/Almaty] [--delimiter ";"] [--channel call_109] [--column target=Source ...]
                 [--map-category "Potholes=roads_sidewalks.pothole" ...] [--map-district "Есиль=yesil" ...]
                 [--map-status "Закрыто=closed" ...] [--report rejects.csv]
                 import historical appeals from CSV (docs/import-mapping.md); re-importing the same file adds nothing
        """;

    private static readonly string[] Repeatable = ["column", "map-category", "map-district", "map-status"];
    private static readonly string[] Single = ["preset", "mapping", "source", "date-format", "time-zone", "delimiter", "channel", "report"];

    /// <summary>The file and the mapping the arguments describe; throws <see cref="ArgumentException"/> on a bad one.</summary>
    public static (string File, ImportMapping Mapping, string? Report) Parse(IReadOnlyList<string> args)
    {
        var (file, single, lists) = VerbArguments.Parse(args, "import", "FILE", Single, Repeatable);

        var mappingFile = single.TryGetValue("mapping", out var path)
            ? MappingFile.Parse(File.Exists(path) ? File.ReadAllText(path) : throw new ArgumentException($"mapping file '{path}' not found"))
            : new MappingFile();
        var fromArgs = new MappingFile(
            Source: single.GetValueOrDefault("source"),
            Delimiter: single.GetValueOrDefault("delimiter") is "tab" ? "\t" : single.GetValueOrDefault("delimiter"),
            DateFormat: single.GetValueOrDefault("date-format"),
            TimeZone: single.GetValueOrDefault("time-zone"),
            Channel: single.GetValueOrDefault("channel"),
            Columns: lists["column"].Count > 0 ? lists["column"] : null,
            Categories: lists["map-category"],
            Districts: lists["map-district"],
            Statuses: lists["map-status"]);
        var mapping = mappingFile.Apply(single.GetValueOrDefault("preset") ?? (lists["column"].Count > 0 && mappingFile.Preset is null ? "custom" : "ours")).With(fromArgs);
        mapping.Validate();
        return (file, mapping, single.GetValueOrDefault("report"));
    }

    public static async Task<int> RunAsync(NpgsqlDataSource db, IReadOnlyList<string> args, CancellationToken ct)
    {
        var (file, mapping, reportPath) = Parse(args);
        if (!File.Exists(file)) throw new ArgumentException($"file '{file}' not found");
        await using var input = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        await using var report = reportPath is null ? null : CsvRowWriter.ToFile(reportPath, byteOrderMark: true);
        report?.Write(ImportReport.Header);
        var importer = new AppealImporter(db, new RoutingTable(db, TimeProvider.System), new CityReference(db, TimeProvider.System), TimeProvider.System);
        Console.WriteLine($"Importing {file} ({new FileInfo(file).Length / 1048576.0:N1} MB) as '{mapping.Preset}', source '{mapping.Source}'.");
        var elapsed = System.Diagnostics.Stopwatch.StartNew();
        var result = await importer.ImportAsync(input, Path.GetFileName(file), mapping, "cli:" + Environment.UserName,
            new SyncProgress(p => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {p.Fraction * 100,5:0}%  {p.RowsRead,10:N0} rows read, {p.Inserted:N0} added, {p.Skipped:N0} already present, {p.Rejected:N0} rejected, {p.RowsRead / Math.Max(elapsed.Elapsed.TotalSeconds, 0.001):N0} rows/s"))),
            e =>
            {
                if (report is not null) ImportReport.Write(report, e, ImportTexts.ReasonEn(e));
            },
            ct: ct);
        if (result.FileError is { } error)
        {
            Console.Error.WriteLine($"error: {ImportTexts.FileErrorEn(error)}");
            return 2;
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Read {result.RowsRead:N0} rows in {result.Elapsed.TotalSeconds:N1} s ({result.RowsPerSecond:N0} rows/s): {result.Inserted:N0} added, {result.Skipped:N0} already present, {result.Rejected:N0} rejected."));
        foreach (var e in result.Errors.Take(10)) Console.WriteLine($"  row {e.Row}, {(e.Column.Length > 0 ? e.Column : "whole row")}: {ImportTexts.ReasonEn(e)}");
        if (result.Rejected > 10) Console.WriteLine(reportPath is null ? "  ... (--report FILE writes every rejected row)" : $"  ... every rejected row is in {reportPath}");
        return 0;
    }


    /// <summary>Reports on the importing thread: console lines in order, no thread-pool hops.</summary>
    private sealed class SyncProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        private long _last = long.MinValue / 2;

        public void Report(ImportProgress value)
        {
            // At most one line a second, and always the last one.
            if (value.Fraction < 1 && Environment.TickCount64 - _last < 1000) return;
            _last = Environment.TickCount64;
            report(value);
        }
    }
}
