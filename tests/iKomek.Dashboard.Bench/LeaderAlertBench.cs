using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Dapper;
using IKomek.Dashboard.Tests.Infrastructure;
using Npgsql;

namespace IKomek.Dashboard.Bench;

/// <summary>
/// An alert to a leader, from the critical appeal's commit to its e-mail at the receiver (Features/Alerts):
///   dotnet run -c Release --project tests/iKomek.Dashboard.Bench -- leader-alerts --data /tmp/ikomek-leader-alerts [--samples 40]
/// It starts a local SMTP server (the tests' receiver) and the app (Release, scheduler off: the alert is raised on the
/// change feed and delivered by the prompt trigger alone) on that data folder (a small demo city seeded on a first
/// start), sends its mail there, subscribes the administrator to critical appeals by a confirmed e-mail address, then
/// for each sample posts one critical appeal through the Open311 API and times from the API's answer (the appeal is
/// committed) until the e-mail naming its number has arrived.
/// </summary>
public static class LeaderAlertBench
{
    public static async Task<int> RunAsync(BenchOptions options)
    {
        await using var smtp = new SmtpReceiver();
        await using var app = await BenchApp.StartAsync(options.DataFolder, "--City:Scheduler:Enabled=false", "--Classification:TrainOnStart=false",
            "--City:DemoScale=0.02", "--City:DemoYears=1", "--Mail:Host=127.0.0.1", $"--Mail:Port={smtp.Port}", "--Mail:Security=None",
            "--Alerts:PublicBaseUrl=https://panel.bench.kz",
            "--Open311:RateLimits:PerAddressPerMinute=10000000", "--Open311:RateLimits:PerKeyPerMinute=10000000");
        await app.EnsureDemoApiClientAsync();
        await using var db = NpgsqlDataSource.Create(app.ConnectionString);
        await using var conn = await db.OpenConnectionAsync();
        await conn.ExecuteAsync("""
            INSERT INTO notify_endpoints (login, channel, address, created_at, confirmed_at)
            VALUES ('admin', 'email', 'admin@bench.kz', now(), now()) ON CONFLICT (login, channel, address) DO NOTHING;
            DELETE FROM alert_subscriptions WHERE login = 'admin';
            INSERT INTO alert_subscriptions (login, kinds, channels, escalation_level, updated_at, updated_by)
            VALUES ('admin', ARRAY['critical_appeal'], ARRAY['email'], 1, now(), 'bench');
            """);
        var codes = (await conn.QueryAsync<string>("SELECT code FROM service_types WHERE is_critical ORDER BY id")).AsList();
        Console.WriteLine($"City at {options.DataFolder}: {await app.CountAppealsAsync():N0} appeals; load average {Load()}");

        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl), Timeout = TimeSpan.FromSeconds(30) };
        var rng = new Random(109);
        var ms = new List<double>();
        for (var i = 0; i < options.Samples; i++)
        {
            using var response = await http.PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["api_key"] = "demo-astana-ikomek-109",
                ["service_code"] = codes[i % codes.Count],
                // Each far from the others: an incident of its own, not a repeat report.
                ["lat"] = (51.02 + i * 0.004 + rng.NextDouble() * 0.001).ToString("0.00000", CultureInfo.InvariantCulture),
                ["long"] = (71.30 + rng.NextDouble() * 0.2).ToString("0.00000", CultureInfo.InvariantCulture),
                ["description"] = "Нагрузочный прогон оповещений: нет света во всём доме",
            }));
            var sw = Stopwatch.StartNew();
            response.EnsureSuccessStatusCode();
            var reg = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement[0].GetProperty("service_request_id").GetString()!;
            while (!smtp.Received.Any(m => m.TextBody?.Contains("/appeals/" + reg) == true))
            {
                if (sw.Elapsed > TimeSpan.FromSeconds(60)) throw new TimeoutException($"no e-mail about {reg} in 60 s");
                await Task.Delay(5);
            }
            ms.Add(sw.Elapsed.TotalMilliseconds);
        }
        Timings.Report("critical appeal committed -> alert e-mail at the receiver", ms);
        Console.WriteLine($"load average {Load()}");
        return 0;
    }

    private static string Load() => File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
