using System.Globalization;
using IKomek.Dashboard.Platform.Audit;
using IKomek.Dashboard.Platform.City;
using IKomek.Dashboard.Platform.Cli;

namespace IKomek.Dashboard.Features.CityProfiles;

/// <summary>
/// <c>profile apply FILE</c>: makes the data folder's database that city (<see cref="ProfileApplier"/>), audited as the
/// verb's user; <c>profile show</c>: the city it is. Exit 2 on a refused file or a refused apply, with the reason.
/// </summary>
public sealed class ProfileVerb : IVerb
{
    public string Name => "profile";
    public string Summary => "apply a city profile to this data folder (name, time zone, bounds, district outlines, holidays, channels, the import's mapping; README \"City profiles\"), or show the current one";
    public string Usage => "profile apply FILE | profile show";
    public VerbSyntax Syntax { get; } = new() { Positionals = ["ACTION"], OptionalPositionals = ["FILE"] };

    public async Task<int> RunAsync(VerbContext context, CancellationToken ct)
    {
        var action = context.Args.Positional("ACTION");
        var file = context.Args.OptionalPositional("FILE");
        switch (action)
        {
            case "apply" when file is null:
                throw new ArgumentException("profile apply needs a FILE (a city profile, e.g. docs/profiles/example-city.json)");
            case "show" when file is not null:
                throw new ArgumentException($"profile show takes no FILE ('{file}')");
            case not ("apply" or "show"):
                throw new ArgumentException($"'{action}' is not apply or show");
        }
        if (file is not null && !File.Exists(file)) throw new ArgumentException($"profile file '{file}' not found");

        var city = await context.MigratedDatabaseAsync(ct);
        if (action == "show")
        {
            var current = await CityProfileStore.ReadAsync(city.DataSource, ct);
            Print(context.Out, current ?? CityProfile.Astana, builtIn: current is null);
            return 0;
        }

        CityProfile profile;
        try
        {
            profile = CityProfile.Load(file!, await ProfileApplier.OurCodesAsync(city.DataSource, ct));
        }
        catch (CityProfileException e)
        {
            await context.Error.WriteLineAsync($"error: {e.Message}");
            return 2;
        }
        try
        {
            var applied = await ProfileApplier.ApplyAsync(city.DataSource, profile, Actor.Console(Environment.UserName), context.Time, ct);
            await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Applied {profile.Code} ({profile.Name.En}): {applied.DistrictsAdded} districts added, {applied.DistrictsUpdated} updated, " +
                $"{applied.DistrictsRemoved.Count} removed{(applied.DistrictsRemoved.Count > 0 ? $" ({string.Join(", ", applied.DistrictsRemoved)})" : "")}; " +
                $"{applied.Holidays} holidays; time zone {profile.TimeZone}{(applied.CatalogueWritten ? "; our service catalogue written" : "")}."));
            return 0;
        }
        catch (ProfileRefusedException e)
        {
            await context.Error.WriteLineAsync($"error: {e.Message}");
            return 2;
        }
    }

    private static void Print(TextWriter output, CityProfile p, bool builtIn)
    {
        var inv = CultureInfo.InvariantCulture;
        output.WriteLine($"{p.Code}: {p.Name.Ru} / {p.Name.Kk} / {p.Name.En}{(builtIn ? " (the built-in default: no profile applied)" : "")}");
        output.WriteLine($"time zone: {p.TimeZone}");
        output.WriteLine(string.Create(inv, $"bounds: south {p.Bounds.South}, west {p.Bounds.West}, north {p.Bounds.North}, east {p.Bounds.East}"));
        output.WriteLine($"districts: {string.Join(", ", p.Districts.Select(d => $"{d.Code} ({d.NameRu}{(d.Polygons.Count > 0 ? $", {d.Polygons.Count} polygon(s)" : ", centre only")})"))}");
        output.WriteLine($"holidays: {p.Holidays.Count}{(p.Holidays.Count > 0 ? string.Create(inv, $" ({p.Holidays[0]:yyyy-MM-dd} .. {p.Holidays[^1]:yyyy-MM-dd})") : "")}");
        output.WriteLine($"channels: {string.Join(", ", p.Channels)}");
        var i = p.Import;
        output.WriteLine(i.Columns is { Count: > 0 }
            ? $"import: source {i.Source ?? p.Code}, dates {i.DateFormat ?? "ISO 8601"}, {i.Columns.Count} columns, {i.Categories?.Count ?? 0} categories, {i.Districts?.Count ?? 0} district names, {i.Statuses?.Count ?? 0} statuses"
            : "import: no mapping of its own (the import verb's presets apply)");
    }
}
