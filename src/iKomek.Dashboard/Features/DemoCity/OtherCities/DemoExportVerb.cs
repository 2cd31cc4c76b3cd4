using System.Globalization;
using IKomek.Dashboard.Platform.Cli;

namespace IKomek.Dashboard.Features.DemoCity.OtherCities;

/// <summary><c>demo-export</c>: write another generated city (its profile, outlines, export and planted problems) into a folder.</summary>
public sealed class DemoExportVerb : IVerb
{
    public string Name => "demo-export";
    public string Summary => "write a generated city that is not Astana (profile, districts, CSV export, planted problems) into a folder, to bring in with `profile apply` and `import`";
    public string Usage => "demo-export --city second|us --out DIR [--seed 109] [--years 1.5] [--size 1] [--end-date yyyy-MM-dd]";
    public VerbSyntax Syntax { get; } = new() { Options = ["city", "out", "seed", "years", "size", "end-date"] };

    public Task<int> RunAsync(VerbContext context, CancellationToken ct)
    {
        var args = context.Args;
        var city = args.Option("city") ?? throw new ArgumentException("--city is required: second or us");
        var folder = args.Option("out") ?? throw new ArgumentException("--out is required: the folder to write into");
        DateOnly? end = args.Get<DateOnly?>("end-date", null, raw => DateOnly.ParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture));
        var files = ExportCityGenerator.Write(new ExportCityOptions(city, args.Get("seed", 109), args.Get("years", 1.5), end, args.Get("size", 1.0)), folder);
        context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Wrote {files.Rows:N0} appeals ({files.From:yyyy-MM-dd} to {files.To:yyyy-MM-dd}, {files.BadRows.Count} spoiled on purpose) and {files.Problems.Count} planted problems:"));
        foreach (var f in new[] { files.Profile, files.Districts, files.Export, files.Planted }) context.Out.WriteLine("  " + f);
        context.Out.WriteLine($"Next: profile apply {files.Profile} --City:DataFolder=DIR, then import {files.Export} --City:DataFolder=DIR");
        return Task.FromResult(0);
    }
}
