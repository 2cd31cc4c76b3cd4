using System.Globalization;
using IKomek.Dashboard.Features.Intake;
using IKomek.Dashboard.Platform.Csv;
using Npgsql;
using IKomek.Dashboard.Platform.Audit;
using IKomek.Dashboard.Platform.City;
using IKomek.Dashboard.Platform.Cli;

namespace IKomek.Dashboard.Features.Import;

/// <summary>
/// The <c>import</c> verb: <c>import FILE [--preset ours|open311|custom] [--mapping map.json] [--source NAME]
/// [--date-format F] [--time-zone Z] [--delimiter ;] [--channel CODE] [--column target=Source]... [--map-category A=code]...
/// [--map-district A=code]... [--map-status A=status]... [--encoding E] [--report rejects.csv]</c>. Without --mapping, --preset
/// or --column on a database with a city profile, the profile's own mapping is used (ours otherwise). Exit 0 when the file was
/// read (rows may have been rejected), 2 on a file-level or argument error, 3 when the database went away mid-way
/// (the batches committed stay; the same import again adds the rest), 130 when stopped with Ctrl+C.
/// </summary>
public sealed class ImportVerb : IVerb
{
    public string Name => "import";
    public string Summary => "import historical appeals from CSV (docs/import-mapping.md); re-importing the same file adds nothing";
    public string Usage => """
        import FILE [--preset ours|open311|custom] [--mapping map.json] [--source NAME] [--date-format "dd.MM.yyyy HH:mm"]
                 [--time-zone Asia/Almaty] [--delimiter ";"] [--channel call_109] [--column target=Source ...]
                 [--map-category "Potholes=roads_sidewalks.pothole" ...] [--map-district "Есиль=yesil" ...]
                 [--map-status "Закрыто=closed" ...] [--encoding utf-8|utf-16|windows-1251|koi8-r] [--report rejects.csv]
        """;
    public VerbSyntax Syntax => ImportCommand.Syntax;

    public async Task<int> RunAsync(VerbContext context, CancellationToken ct)
    {
        // The arguments are checked before the database is opened.
        var parsed = ImportCommand.Parse(context.Args);
        var city = await context.MigratedDatabaseAsync(ct);
        // A city profile's database reads the city's own export unless told otherwise.
        if (!context.Args.Given("mapping") && !context.Args.Given("preset") && context.Args.Pairs("column").Count == 0
            && await CityProfileStore.ReadAsync(city.DataSource, ct) is { Import.Columns.Count: > 0 } profile)
            parsed = ImportCommand.Parse(context.Args, profile.ToImportMapping());
        return await ImportCommand.RunAsync(city.DataSource, parsed, context.Time, context.Out, context.Error, ct);
    }
}

/// <summary>The import verb's work: arguments to a mapping, then the importer with a console report.</summary>
public static class ImportCommand
{
    public static readonly VerbSyntax Syntax = new()
    {
        Positionals = ["FILE"],
        Options = ["preset", "mapping", "source", "date-format", "time-zone", "delimiter", "channel", "report", "encoding"],
        Pairs = ["column", "map-category", "map-district", "map-status"],
    };

    /// <summary>The file and the mapping the arguments as typed describe; throws <see cref="ArgumentException"/> on a bad one.</summary>
    public static (string File, ImportMapping Mapping, string? Report) Parse(IReadOnlyList<string> args) =>
        Parse(VerbArgs.Parse("import", Syntax, args));

    /// <summary>The file and the mapping the arguments describe; throws <see cref="ArgumentException"/> on a bad one.</summary>
    /// <param name="profileMapping">The applied city profile's mapping, laid under the arguments instead of a preset.</param>
    public static (string File, ImportMapping Mapping, string? Report) Parse(VerbArgs args, ImportMapping? profileMapping = null)
    {
        var file = args.Positional("FILE");

        var mappingFile = args.Option("mapping") is { } path
            ? MappingFile.Parse(File.Exists(path) ? File.ReadAllText(path) : throw new ArgumentException($"mapping file '{path}' not found"))
            : new MappingFile();
        var fromArgs = new MappingFile(
            Source: args.Option("source"),
            Delimiter: args.Option("delimiter") is "tab" ? "\t" : args.Option("delimiter"),
            DateFormat: args.Option("date-format"),
            TimeZone: args.Option("time-zone"),
            Channel: args.Option("channel"),
            Columns: args.Pairs("column").Count > 0 ? args.Pairs("column") : null,
            Categories: args.Pairs("map-category"),
            Districts: args.Pairs("map-district"),
            Statuses: args.Pairs("map-status"),
            Encoding: args.Option("encoding"));
        var mapping = profileMapping?.With(fromArgs) ?? mappingFile.Apply(args.Option("preset") ?? (args.Pairs("column").Count > 0 && mappingFile.Preset is null ? "custom" : "ours")).With(fromArgs);
        mapping.Validate();
        return (file, mapping, args.Option("report"));
    }

    /// <summary>The verb on arguments as typed, on this database.</summary>
    public static Task<int> RunAsync(NpgsqlDataSource db, IReadOnlyList<string> args, CancellationToken ct) =>
        RunAsync(db, Parse(args), TimeProvider.System, Console.Out, Console.Error, ct);

    public static async Task<int> RunAsync(NpgsqlDataSource db, (string File, ImportMapping Mapping, string? Report) parsed, TimeProvider time,
        TextWriter output, TextWriter error, CancellationToken ct)
    {
        var (file, mapping, reportPath) = parsed;
        if (!File.Exists(file)) throw new ArgumentException($"file '{file}' not found");
        await using var input = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        await using var report = reportPath is null ? null : CsvRowWriter.ToFile(reportPath, byteOrderMark: true);
        report?.Write(ImportReport.Header);
        using var reference = new CityReference(db, time);
        var importer = new AppealImporter(db, new RoutingTable(db, time), reference, time);
        await ImportRuns.MarkInterruptedAsync(db, ct);
        output.WriteLine($"Importing {file} ({new FileInfo(file).Length / 1048576.0:N1} MB) as '{mapping.Preset}', source '{mapping.Source}'.");
        var elapsed = System.Diagnostics.Stopwatch.StartNew();
        var result = await importer.ImportAsync(input, Path.GetFileName(file), mapping, new Actor("cli:" + Environment.UserName),
            new SyncProgress(p => output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {p.Fraction * 100,5:0}%  {p.RowsRead,10:N0} rows read, {p.Inserted:N0} added, {p.Skipped:N0} already present, {p.Rejected:N0} rejected, {p.RowsRead / Math.Max(elapsed.Elapsed.TotalSeconds, 0.001):N0} rows/s"))),
            e =>
            {
                if (report is not null) ImportReport.Write(report, e, ImportTexts.ReasonEn(e));
            },
            ct: ct);
        if (result.FileError is { } fileError)
        {
            error.WriteLine($"error: {ImportTexts.FileErrorEn(fileError)}");
            return 2;
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Read {result.RowsRead:N0} rows in {result.Elapsed.TotalSeconds:N1} s ({result.RowsPerSecond:N0} rows/s): {result.Inserted:N0} added, {result.Skipped:N0} already present, {result.Rejected:N0} rejected."));
        foreach (var e in result.Errors.Take(10)) output.WriteLine($"  row {e.Row}, {(e.Column.Length > 0 ? e.Column : "whole row")}: {ImportTexts.ReasonEn(e)}");
        if (result.Rejected > 10) output.WriteLine(reportPath is null ? "  ... (--report FILE writes every rejected row)" : $"  ... every rejected row is in {reportPath}");
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
