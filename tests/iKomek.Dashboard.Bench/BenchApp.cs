using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Dapper;
using Npgsql;

namespace IKomek.Dashboard.Bench;

public sealed record BenchOptions(string DataFolder, int Seconds, int Clients, int Samples, int NewAppeals = 5000)
{
    public static BenchOptions Parse(string[] args)
    {
        string Get(string name, string fallback) => args.SkipWhile(a => a != "--" + name).Skip(1).FirstOrDefault() ?? fallback;
        return new BenchOptions(Get("data", "/tmp/ikomek-bench"), int.Parse(Get("seconds", "20")), int.Parse(Get("clients", "8")), int.Parse(Get("samples", "30")), int.Parse(Get("new", "5000")));
    }
}

/// <summary>The app's Release build started on a data folder, as `dotnet run` would, on a free port.</summary>
public sealed class BenchApp : IAsyncDisposable
{
    private readonly Process _process;

    private BenchApp(Process process, string baseUrl, string connectionString)
    {
        _process = process;
        BaseUrl = baseUrl;
        ConnectionString = connectionString;
    }

    public string BaseUrl { get; }
    public string ConnectionString { get; }

    /// <summary>The app's process id: its memory is read from /proc.</summary>
    public int ProcessId => _process.Id;

    public static async Task<BenchApp> StartAsync(string dataFolder, params string[] extraArgs)
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "iKomek.Dashboard.sln"))) root = Path.GetDirectoryName(root.TrimEnd('/'))!;
        var project = Path.Combine(root, "src", "iKomek.Dashboard");
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var baseUrl = $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";
        listener.Stop();
        var psi = new ProcessStartInfo("dotnet", [Path.Combine(project, "bin", "Release", "net10.0", "iKomek.Dashboard.dll"),
            $"--urls={baseUrl}", $"--City:DataFolder={dataFolder}", "--Logging:LogLevel:Default=Warning", "--Logging:LogLevel:iKomek=Information", .. extraArgs])
        {
            WorkingDirectory = project, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        var process = Process.Start(psi)!;
        var ready = new TaskCompletionSource();
        process.OutputDataReceived += (_, e) => { if (e.Data?.Contains("is ready at") == true) ready.TrySetResult(); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (await Task.WhenAny(ready.Task, Task.Delay(TimeSpan.FromMinutes(10))) != ready.Task) throw new TimeoutException("the app did not start");
        var pid = await File.ReadAllLinesAsync(Path.Combine(dataFolder, "pg", "data", "postmaster.pid"));
        return new BenchApp(process, baseUrl, $"Host=127.0.0.1;Port={pid[3]};Username=postgres;Password={IKomek.Dashboard.Platform.Database.EmbeddedPostgres.ReadPassword(Path.Combine(dataFolder, "pg"))};Database=ikomek") { _postmaster = int.Parse(pid[0]) };
    }

    private int _postmaster;

    /// <summary>CPU time used so far by the app, by its PostgreSQL (the postmaster and its live children) and by this
    /// process (the load generator): where a phase's work went on the shared cores.</summary>
    public (TimeSpan App, TimeSpan Postgres, TimeSpan Bench) CpuTimes()
    {
        _process.Refresh();
        var postgres = TimeSpan.Zero;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var id)) continue;
            try
            {
                // Fields after the command's closing parenthesis: state, ppid, ..., utime (14th field), stime (15th).
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (id != _postmaster && int.Parse(fields[1]) != _postmaster) continue;
                postgres += TimeSpan.FromSeconds((long.Parse(fields[11]) + long.Parse(fields[12])) / 100.0);
            }
            catch (IOException) { }   // the process ended while being read
        }
        return (_process.TotalProcessorTime, postgres, Process.GetCurrentProcess().TotalProcessorTime);
    }

    public async Task<long> CountAppealsAsync()
    {
        await using var conn = new NpgsqlConnection(ConnectionString);
        return await conn.ExecuteScalarAsync<long>("SELECT reltuples::bigint FROM pg_class WHERE relname = 'appeals'");
    }

    /// <summary>A city seeded before the API existed has no demo client: add it, as the seed does now.</summary>
    public async Task EnsureDemoApiClientAsync()
    {
        await using var conn = new NpgsqlConnection(ConnectionString);
        await conn.ExecuteAsync("""
            INSERT INTO api_clients (name, api_key, channel_id) VALUES (@name, @key, @channel) ON CONFLICT (api_key) DO NOTHING
            """, new { name = Features.DemoCity.DemoApiClient.Name, key = Features.DemoCity.DemoApiClient.ApiKey, channel = Features.DemoCity.DemoApiClient.ChannelId });
    }

    public async ValueTask DisposeAsync()
    {
        _ = Kill(_process.Id, 15);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    [DllImport("libc", EntryPoint = "kill")]
    private static extern int Kill(int pid, int signal);
}
