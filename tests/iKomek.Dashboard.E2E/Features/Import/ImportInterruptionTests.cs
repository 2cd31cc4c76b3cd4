using System.Diagnostics;
using System.Globalization;
using System.Text;
using Dapper;
using IKomek.Dashboard.E2E.Infrastructure;
using Npgsql;

namespace IKomek.Dashboard.E2E.Features.Import;

/// <summary>
/// The import verb beside a running app whose PostgreSQL goes away mid-import (the app stopped): a message and exit
/// code 3, no stack trace; the next start marks the run interrupted with what it stored; the same import again adds
/// exactly the rest.
/// </summary>
public sealed class ImportInterruptionTests : IDisposable
{
    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "ikomek-import-" + Guid.NewGuid().ToString("N")[..12]);
    private static readonly string[] AppArgs = ["--City:DemoScale=0.002", "--City:DemoYears=1", "--City:Scheduler:Enabled=false", "--Classification:TrainOnStart=false"];

    [Fact]
    public async Task ImportVerb_AppStopsItsPostgres_ExitsWithAMessage_RunMarkedInterrupted_ReimportAddsTheRest()
    {
        const int rows = 150_000;
        var file = Path.Combine(Path.GetTempPath(), $"ikomek-import-{Guid.NewGuid():N}.csv");
        await using (var app = await AppProcess.StartAsync(_dataFolder, AppArgs, TimeSpan.FromMinutes(3)))
        {
            using var api = new Open311Client(app.BaseUrl);
            var code = await api.ServiceCodeAsync();
            await using (var w = new StreamWriter(file, false, new UTF8Encoding(false)))
            {
                await w.WriteLineAsync("service_request_id,requested_datetime,service_code,description,lat,long");
                for (var i = 0; i < rows; i++) await w.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"cli-{i},2025-05-01T10:00:00Z,{code},Обращение {i},51.15,71.43"));
            }
            var cli = StartImport(file);
            await using var db = NpgsqlDataSource.Create(await ConnectionStringAsync());
            await Eventually.UntilAsync(async () => await QueryRunAsync(db) is { Inserted: > 0 }, seconds: 120);

            await app.StopAsync();
            await cli.Process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);

            var output = cli.Output.ToString();
            Assert.True(cli.Process.ExitCode == 3, $"exit code {cli.Process.ExitCode}:\n{output}");
            Assert.Contains("error: the database connection was lost", output);
            Assert.Contains("run the same import again to add the rest", output);
            Assert.DoesNotContain("   at ", output);
        }

        await using (var app = await AppProcess.StartAsync(_dataFolder, AppArgs, TimeSpan.FromMinutes(1)))
        {
            await using var db = NpgsqlDataSource.Create(await ConnectionStringAsync());
            var run = await QueryRunAsync(db);
            await using var conn = await db.OpenConnectionAsync();
            var stored = await conn.ExecuteScalarAsync<int>("SELECT count(*) FROM appeal_imports WHERE source = 'open311' AND source_key LIKE 'cli-%'");
            Assert.Equal(("interrupted", stored), (run!.Error, run.Inserted));
            Assert.InRange(stored, 1, rows - 1);

            var again = StartImport(file);
            await again.Process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(5)).Token);
            Assert.True(again.Process.ExitCode == 0, again.Output.ToString());
            Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"{rows - stored:N0} added, {stored:N0} already present"), again.Output.ToString());
            Assert.Equal(rows, await conn.ExecuteScalarAsync<int>("SELECT count(*) FROM appeal_imports WHERE source = 'open311' AND source_key LIKE 'cli-%'"));
        }
        File.Delete(file);
    }

    private sealed record Run(string? Error, int Inserted);

    private static async Task<Run?> QueryRunAsync(NpgsqlDataSource db)
    {
        await using var conn = await db.OpenConnectionAsync();
        return await conn.QuerySingleOrDefaultAsync<Run>("SELECT error AS Error, rows_inserted AS Inserted FROM import_runs ORDER BY id LIMIT 1");
    }

    private async Task<string> ConnectionStringAsync() => await AppPostgres.ConnectionStringAsync(_dataFolder) + ";Pooling=false";

    private (Process Process, StringBuilder Output) StartImport(string file)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            WorkingDirectory = Path.Combine(AppProcess.RepoRoot(), "src", "iKomek.Dashboard") };
        foreach (var a in new[] { AppProcess.AppDll(), "import", file, "--preset", "open311", $"--City:DataFolder={_dataFolder}" }) psi.ArgumentList.Add(a);
        var process = Process.Start(psi)!;
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return (process, output);
    }

    public void Dispose()
    {
        try { Directory.Delete(_dataFolder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
