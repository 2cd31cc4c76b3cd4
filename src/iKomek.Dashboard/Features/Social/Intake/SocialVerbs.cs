using IKomek.Dashboard.Features.Classification;
using IKomek.Dashboard.Platform.Audit;
using IKomek.Dashboard.Platform.City;
using IKomek.Dashboard.Platform.Cli;
using IKomek.Dashboard.Platform.Csv;

namespace IKomek.Dashboard.Features.Social.Intake;

/// <summary>Issues the API key of a monitoring service (printed once).</summary>
public sealed class SocialKeyVerb : IVerb
{
    public string Name => "social-key";
    public string Summary => "issue an API key for a social networks' monitoring service (printed once; X-Api-Key of POST /api/social/posts)";
    public string Usage => "social-key --name \"Brand Analytics monitoring\"";
    public VerbSyntax Syntax { get; } = new() { Options = ["name"] };

    public async Task<int> RunAsync(VerbContext context, CancellationToken ct)
    {
        var city = await context.MigratedDatabaseAsync(ct);
        var (source, key) = await SocialSources.IssueAsync(city.DataSource, context.Args.Required("name"), Actor.Console(Environment.UserName), ct);
        await context.Out.WriteLineAsync($"Source {source.Id} \"{source.Name}\". Its key (shown once, keep it safe):");
        await context.Out.WriteLineAsync(key);
        return 0;
    }
}

/// <summary>Imports a monitoring service's CSV export of posts, filed by the current topic model; the refused rows go
/// to a file beside it.</summary>
public sealed class SocialImportVerb : IVerb
{
    public string Name => "social-import";
    public string Summary => "import a social networks' monitoring export (CSV: network, external_id, author, posted_at, text, url, place, lat, lon, reactions, reposts)";
    public string Usage => "social-import posts.csv [--encoding windows-1251]";
    public VerbSyntax Syntax { get; } = new() { Positionals = ["file"], Options = ["encoding"] };

    public async Task<int> RunAsync(VerbContext context, CancellationToken ct)
    {
        var path = context.Args.Positional("file");
        if (!File.Exists(path)) throw new ArgumentException($"There is no file {path}.");
        var db = (await context.MigratedDatabaseAsync(ct)).DataSource;
        // The verb runs outside the app: its intake is wired here, on the verb's database and the promoted model.
        var classifier = new TrainedAppealClassifier();
        if (await new ClassificationQueries(db).LoadCurrentAsync(ct) is { } model) classifier.Use(model);
        var reference = new CityReference(db, context.Time);
        var options = SocialIntakeOptions.Default;
        var import = new SocialCsvImport(new SocialIntake(classifier, new SocialPlacer(db, reference, context.Time), new SocialWriter(db, context.Time),
            reference, options, context.Time), options, new AuditLog(db));
        await using var file = File.OpenRead(path);
        var result = await import.ImportAsync(file, Path.GetFileName(path), context.Args.Option("encoding"), Actor.Console(Environment.UserName), ct);
        if (result.FileError is { } error)
        {
            await context.Error.WriteLineAsync($"{path}: {error}; nothing was stored.");
            return 2;
        }
        await context.Out.WriteLineAsync($"{result.RowsRead:N0} rows: {result.Added:N0} posts added, {result.Updated:N0} updated, {result.Linked:N0} links, {result.Rejected:N0} refused.");
        if (result.Rejected > 0)
        {
            var rejects = Path.ChangeExtension(path, ".rejected.csv");
            await File.WriteAllTextAsync(rejects, SocialCsvImport.RejectsCsv(result.Errors), ct);
            await context.Out.WriteLineAsync($"The refused rows and why: {rejects}");
        }
        return 0;
    }
}
