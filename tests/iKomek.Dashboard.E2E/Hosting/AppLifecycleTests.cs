using System.Net;
using IKomek.Dashboard.E2E.Infrastructure;

namespace IKomek.Dashboard.E2E.Hosting;

/// <summary>The one-command start: own PostgreSQL, migrations, demo city on the first start only, clean stop.</summary>
public sealed class AppLifecycleTests : IDisposable
{
    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "ikomek-life-" + Guid.NewGuid().ToString("N")[..12]);

    [Fact]
    public async Task App_FirstStartSeeds_SigtermStopsPostgres_SecondStartReusesData()
    {
        string[] args = ["--City:DemoScale=0.002", "--City:DemoYears=1"];
        var pidFile = Path.Combine(_dataFolder, "pg", "data", "postmaster.pid");

        await using (var first = await AppProcess.StartAsync(_dataFolder, args, TimeSpan.FromMinutes(3)))
        {
            Assert.Contains("First start: generating the demo city", first.Output);
            Assert.True(File.Exists(pidFile));
            using var http = new HttpClient();
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(first.BaseUrl + "/")).StatusCode);
            await first.StopAsync();
            Assert.Contains("PostgreSQL stopped", first.Output);
        }
        Assert.False(File.Exists(pidFile), "SIGTERM must stop the app's PostgreSQL");

        await using var second = await AppProcess.StartAsync(_dataFolder, args, TimeSpan.FromMinutes(1));

        Assert.DoesNotContain("First start", second.Output);
        Assert.DoesNotContain("Creating a PostgreSQL cluster", second.Output);
        using var client = new HttpClient();
        var html = await client.GetStringAsync(second.BaseUrl + "/appeals");
        Assert.Contains("Обращения", html);
    }

    [Fact]
    public async Task App_UnreachableConfiguredServer_ExitsWithAClearMessage()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => AppProcess.StartAsync(_dataFolder,
            ["--ConnectionStrings:City=Host=127.0.0.1;Port=1;Username=postgres;Database=x;Timeout=2"], TimeSpan.FromMinutes(1)));

        Assert.Contains("exited with 1", error.Message);
        Assert.Contains("iKomek cannot start: Cannot reach PostgreSQL at 127.0.0.1:1", error.Message);
        Assert.DoesNotContain("   at ", error.Message);
        Assert.False(Directory.Exists(Path.Combine(_dataFolder, "pg")), "nothing is started with an external server");
    }

    public void Dispose()
    {
        try { Directory.Delete(_dataFolder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
