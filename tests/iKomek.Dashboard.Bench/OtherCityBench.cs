using System.Globalization;
using IKomek.Dashboard.Features.DemoCity.OtherCities;
using IKomek.Dashboard.Platform.Audit;
using Npgsql;

namespace IKomek.Dashboard.Bench;

/// <summary>
/// A city that is not Astana, brought in through its profile (README "City profiles"):
///   dotnet run -c Release --project tests/iKomek.Dashboard.Bench -- city2 --data /tmp/ikomek-city2 [--city second|us] [--size 5] [--years 2]
/// It writes the generated city's files (demo-export) into DATA/files, starts the app on an empty DATA (no demo city,
/// scheduler off), applies the profile, imports the export with the profile's mapping, runs a full mining, and prints
/// the import's throughput and the mining's recall and precision (top 50) on the city's planted problems.
/// </summary>
public static class OtherCityBench
{
    public static async Task<int> RunAsync(BenchOptions options, string[] args)
    {
        string Get(string name, string fallback) => args.SkipWhile(a => a != "--" + name).Skip(1).FirstOrDefault() ?? fallback;
        var inv = CultureInfo.InvariantCulture;
        var city = Get("city", "second");
        if (Directory.Exists(options.DataFolder)) Directory.Delete(options.DataFolder, recursive: true);
        var files = ExportCityGenerator.Write(new ExportCityOptions(city, Seed: int.Parse(Get("seed", "109"), inv), Years: double.Parse(Get("years", "2"), inv),
            EndDate: new DateOnly(2026, 11, 30), Size: double.Parse(Get("size", "5"), inv)), Path.Combine(options.DataFolder, "files"));
        Console.WriteLine($"{city}: {files.Rows:N0} rows ({new FileInfo(files.Export).Length / 1048576.0:N1} MB), {files.From:yyyy-MM-dd} to {files.To:yyyy-MM-dd}, " +
                          $"{files.Problems.Count(p => !p.IsDecoy)} planted problems and {files.Problems.Count(p => p.IsDecoy)} decoys");

        await using var app = await BenchApp.StartAsync(Path.Combine(options.DataFolder, "city"), "--City:Scheduler:Enabled=false", "--City:SeedDemoCity=false");
        await using var db = NpgsqlDataSource.Create(app.ConnectionString + ";Command Timeout=900");
        var r = await OtherCityRun.RunAsync(db, files, TimeProvider.System, Actor.Console("bench"));
        Console.WriteLine(string.Create(inv, $"import: {r.Import.RowsRead:N0} rows in {r.ImportElapsed.TotalSeconds:F1} s ({r.Import.RowsRead / r.ImportElapsed.TotalSeconds:N0} rows/s), " +
                                             $"{r.Import.Inserted:N0} added, {r.Import.Rejected:N0} rejected"));
        Console.WriteLine(string.Create(inv, $"full mining: {r.Mining.Elapsed.TotalSeconds:F1} s ({r.Mining.Candidates:N0} candidates, {r.Mining.Problems:N0} current problems)"));
        Console.WriteLine(string.Create(inv, $"planted problems: recall@50 {r.Evaluation.Recall:F2} ({r.Evaluation.Found} of {r.Evaluation.Planted}), " +
                                             $"precision@50 {r.Evaluation.Precision:F2} ({r.Evaluation.TopMatching} of {r.Evaluation.TopCount})"));
        return 0;
    }
}
