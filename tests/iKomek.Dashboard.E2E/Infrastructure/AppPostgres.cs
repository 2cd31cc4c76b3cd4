using System.Diagnostics;
using IKomek.Dashboard.Platform.Database;

namespace IKomek.Dashboard.E2E.Infrastructure;

/// <summary>
/// Stops and starts a running app's own PostgreSQL behind its back, as an outage would: pg_ctl on the app's data
/// folder, as the postgres user when the tests run as root (as the app's launcher does).
/// </summary>
public static class AppPostgres
{
    /// <summary>The app's own PostgreSQL as another process reaches it: the port its pid file names, the folder's password.</summary>
    public static async Task<string> ConnectionStringAsync(string appDataFolder)
    {
        var pidFile = await File.ReadAllLinesAsync(Path.Combine(appDataFolder, "pg", "data", "postmaster.pid"));
        return $"Host=127.0.0.1;Port={pidFile[3]};Username=postgres;Password={EmbeddedPostgres.ReadPassword(Path.Combine(appDataFolder, "pg"))};Database=ikomek";
    }

    /// <summary>"fast": a clean shutdown that ends every session; "immediate": a crash (recovery from the WAL on start).</summary>
    public static Task StopAsync(string appDataFolder, string mode = "fast") => PgCtlAsync(appDataFolder, "-m", mode, "-w", "-t", "60", "stop");

    /// <summary>Starts the server again with the options it last ran with (postmaster.opts), so on the same port.</summary>
    public static Task StartAsync(string appDataFolder) =>
        PgCtlAsync(appDataFolder, "-l", Path.Combine(appDataFolder, "pg", "postgres.log"), "-w", "-t", "60", "restart");

    private static async Task PgCtlAsync(string appDataFolder, params string[] args)
    {
        var pgCtl = Path.Combine(PostgresBinaries.FindBinFolder() ?? throw new InvalidOperationException("no PostgreSQL binaries"), "pg_ctl");
        var root = Environment.UserName == "root";
        var psi = new ProcessStartInfo(root ? "runuser" : pgCtl) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = "/" };
        if (root) foreach (var a in new[] { "-u", "postgres", "--", pgCtl }) psi.ArgumentList.Add(a);
        foreach (var a in new[] { "-D", Path.Combine(appDataFolder, "pg", "data") }.Concat(args)) psi.ArgumentList.Add(a);
        using var process = Process.Start(psi)!;
        // The started server inherits the pipes: read to the process exit, not to the end of the output.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"pg_ctl {string.Join(' ', args)} failed with exit code {process.ExitCode}");
    }
}
