using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using IKomek.Dashboard.E2E.Infrastructure;
using Microsoft.Playwright;

namespace IKomek.Dashboard.E2E.Hosting;

/// <summary>
/// The app's PostgreSQL stopped and started behind its back, cleanly and by a crash, while appeals keep coming: the
/// API answers 503 with Retry-After in its error form, the panel shows the outage and both recover by themselves;
/// no acknowledged appeal is lost, and no resident's text reaches the log.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class DatabaseOutageTests(DashboardFixture fixture) : IDisposable
{
    // The writers all come from one address, faster while 503s answer at once and for longer on a busy machine: the
    // per-address limit (tested on its own) would turn some answers into 429s, which is not what these tests are about.
    private const string NoAddressLimit = "--Open311:RateLimits:PerAddressPerMinute=1000000";

    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "ikomek-outage-" + Guid.NewGuid().ToString("N")[..12]);

    [Fact]
    public async Task PostgresStoppedAndCrashedUnderLoad_503ThenRecovery_NoAcknowledgedAppealLost()
    {
        await using var app = await AppProcess.StartAsync(_dataFolder,
            ["--City:DemoScale=0.002", "--City:DemoYears=1", "--City:Scheduler:Enabled=false", "--Classification:TrainOnStart=false", DashboardFixture.FixedNowArgument, NoAddressLimit],
            TimeSpan.FromMinutes(3));
        var context = await fixture.Browser.NewContextAsync(new() { BaseURL = app.BaseUrl, ViewportSize = new() { Width = 1366, Height = 768 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/appeals");
        await DashboardFixture.WaitForCircuitAsync(page);
        var banner = page.GetByTestId("database-outage");
        await Assertions.Expect(banner).ToHaveCountAsync(0);

        using var api = new Open311Client(app.BaseUrl);
        var code = await api.ServiceCodeAsync("heating");
        var marker = "Холодно-" + Guid.NewGuid().ToString("N")[..8];
        var acknowledged = new ConcurrentBag<string>();
        var refused = new ConcurrentBag<string>();
        var unexpected = new ConcurrentBag<string>();
        using var stop = new CancellationTokenSource();
        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var (status, body, retryAfter) = await api.TryPostAsync(code, $"{marker} {w}-{i}", 51.12 + w * 0.01, 71.42 + i % 50 * 0.001);
                if (status == HttpStatusCode.Created) acknowledged.Add(JsonDocument.Parse(body).RootElement[0].GetProperty("service_request_id").GetString()!);
                else if (status == HttpStatusCode.ServiceUnavailable && retryAfter == "10") refused.Add(body);
                else unexpected.Add($"{(int)status} {body}");
                await Task.Delay(20);
            }
        })).ToArray();

        await Task.Delay(1000);
        await AppPostgres.StopAsync(_dataFolder, "fast");
        var down = await api.TryPostAsync(code, marker + " down", 51.13, 71.43);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.Status);
        Assert.Equal("10", down.RetryAfter);
        var error = JsonDocument.Parse(down.Body).RootElement[0];
        Assert.Equal(503, error.GetProperty("code").GetInt32());
        Assert.Contains("retry in 10 seconds", error.GetProperty("description").GetString());
        await Assertions.Expect(banner).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(banner).ToContainTextAsync("Нет связи с базой данных");
        await DashboardFixture.ScreenshotAsync(page, "database-outage-1366x768");

        await AppPostgres.StartAsync(_dataFolder);
        await Assertions.Expect(banner).ToHaveCountAsync(0, new() { Timeout = 30_000 });
        var before = acknowledged.Count;
        await Eventually.UntilAsync(() => acknowledged.Count > before + 5);

        // A crash this time: PostgreSQL recovers from its WAL; what it acknowledged is there.
        await AppPostgres.StopAsync(_dataFolder, "immediate");
        await Task.Delay(1000);
        await AppPostgres.StartAsync(_dataFolder);
        before = acknowledged.Count;
        await Eventually.UntilAsync(() => acknowledged.Count > before + 5);
        await stop.CancelAsync();
        await Task.WhenAll(writers);

        Assert.Empty(unexpected);
        Assert.NotEmpty(refused);
        foreach (var id in acknowledged) Assert.True(await api.ExistsAsync(id), $"acknowledged appeal {id} is lost");
        Assert.DoesNotContain(marker, app.Output);
        await context.CloseAsync();
    }

    [Fact]
    public async Task AppKilledUnderLoad_RestartsOnItsData_EveryAcknowledgedAppealIsThere()
    {
        string[] args = ["--City:DemoScale=0.002", "--City:DemoYears=1", "--City:Scheduler:Enabled=false", "--Classification:TrainOnStart=false", NoAddressLimit];
        var acknowledged = new ConcurrentBag<string>();
        await using (var app = await AppProcess.StartAsync(_dataFolder, args, TimeSpan.FromMinutes(3)))
        {
            using var api = new Open311Client(app.BaseUrl);
            var code = await api.ServiceCodeAsync("heating");
            using var stop = new CancellationTokenSource();
            var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
            {
                for (var i = 0; !stop.IsCancellationRequested; i++)
                {
                    try
                    {
                        var (status, body, _) = await api.TryPostAsync(code, $"Холодно {w}-{i}", 51.12 + w * 0.01, 71.42 + i % 50 * 0.001);
                        if (status == HttpStatusCode.Created) acknowledged.Add(JsonDocument.Parse(body).RootElement[0].GetProperty("service_request_id").GetString()!);
                    }
                    catch (HttpRequestException) { }   // the process is gone: the request was not acknowledged
                }
            })).ToArray();
            await Eventually.UntilAsync(() => acknowledged.Count > 30);
            await app.KillAsync();
            await stop.CancelAsync();
            await Task.WhenAll(writers);
        }

        await using var again = await AppProcess.StartAsync(_dataFolder, args, TimeSpan.FromMinutes(1));
        using var client = new Open311Client(again.BaseUrl);
        foreach (var id in acknowledged) Assert.True(await client.ExistsAsync(id), $"acknowledged appeal {id} is lost");
    }

    public void Dispose()
    {
        try { Directory.Delete(_dataFolder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
