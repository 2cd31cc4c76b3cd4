using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;

namespace IKomek.Dashboard.E2E.Infrastructure;

/// <summary>
/// The real app, started the way a person starts it: its own process, its own PostgreSQL in a data folder, the demo
/// city seeded on first start, real HTTP on a free port. Stopped with SIGTERM, as Ctrl+C or a service manager would.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private AppProcess(Process process, string baseUrl, string dataFolder)
    {
        _process = process;
        BaseUrl = baseUrl;
        DataFolder = dataFolder;
    }

    public string BaseUrl { get; }
    public string DataFolder { get; }
    public string Output { get { lock (_output) return _output.ToString(); } }

    /// <param name="extraArgs">Configuration overrides, e.g. <c>--City:DemoScale=0.01</c>.</param>
    public static async Task<AppProcess> StartAsync(string dataFolder, IEnumerable<string> extraArgs, TimeSpan timeout)
    {
        var port = FreePort();
        var baseUrl = $"http://127.0.0.1:{port}";
        var dll = AppDll();
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.Combine(RepoRoot(), "src", "iKomek.Dashboard"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { dll, $"--urls={baseUrl}", $"--City:DataFolder={dataFolder}", "--Logging:LogLevel:Default=Warning", "--Logging:LogLevel:IKomek=Information", "--Logging:LogLevel:iKomek=Information" }.Concat(extraArgs))
            psi.ArgumentList.Add(a);
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";

        var process = Process.Start(psi) ?? throw new InvalidOperationException("could not start the app");
        var app = new AppProcess(process, baseUrl, dataFolder);
        process.OutputDataReceived += (_, e) => app.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => app.OnLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var finished = await Task.WhenAny(app._ready.Task, process.WaitForExitAsync(), Task.Delay(timeout));
        if (finished != app._ready.Task)
        {
            var why = process.HasExited ? $"exited with {process.ExitCode}" : $"not ready after {timeout.TotalSeconds:N0} s";
            await app.DisposeAsync();
            throw new InvalidOperationException($"The app {why}. Its output:\n{app.Output}");
        }
        return app;
    }

    private void OnLine(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
        if (line.Contains("City Control Panel is ready at", StringComparison.Ordinal)) _ready.TrySetResult();
    }

    /// <summary>SIGTERM, then wait for a clean exit (which stops the app's PostgreSQL).</summary>
    public async Task StopAsync()
    {
        if (_process.HasExited) return;
        _ = Kill(_process.Id, 15);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
        }
    }

    /// <summary>kill -9: no shutdown at all, as a power cut or the OOM killer would; its PostgreSQL is left running.</summary>
    public async Task KillAsync()
    {
        if (_process.HasExited) return;
        _ = Kill(_process.Id, 9);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process.Dispose();
    }

    /// <summary>
    /// The app's build output in the configuration of these tests: run from there, its static web assets manifests
    /// are found, as with <c>dotnet run</c>.
    /// </summary>
    public static string AppDll()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/')).Parent!.Name;
        return Path.Combine(RepoRoot(), "src", "iKomek.Dashboard", "bin", configuration, "net10.0", "iKomek.Dashboard.dll");
    }

    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "iKomek.Dashboard.sln"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException("iKomek.Dashboard.sln not found above " + AppContext.BaseDirectory);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
