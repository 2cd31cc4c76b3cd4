using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Dapper;
using IKomek.Dashboard.E2E.Infrastructure;
using IKomek.Dashboard.Features.DemoCity;
using IKomek.Dashboard.Platform.Changes;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Xunit.Abstractions;

namespace IKomek.Dashboard.E2E.Hosting;

/// <summary>
/// A burst at ten times the busy hour's rate, over real HTTP from many clients at once: every acknowledged appeal is
/// stored exactly once and reaches the live change feed; every refused one is told so clearly (429 or 503 with
/// Retry-After). Counts only: how fast the app takes the burst is docs/benchmarks.md's business.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class IntakeBurstTests(ITestOutputHelper output) : IDisposable
{
    /// <summary>Appeals a day (shared/DOMAIN.md, "Scale to plan for": about 5,500 a day).</summary>
    private const int AppealsADay = 5_500;

    private const int Clients = 24;

    /// <summary>
    /// The client's own allowance, half the burst: the appeals beyond it are refused, and must be refused clearly
    /// (half, so that a minute's turn during the burst cannot let all of them through).
    /// </summary>
    private const int KeyPerMinute = 250;

    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "ikomek-burst-" + Guid.NewGuid().ToString("N")[..12]);

    /// <summary>
    /// The busy hour's share of a day is the demo city's daily curve's peak (10-11 in Astana, about 9 %): 501 appeals
    /// in the busy hour, 5,010 at ten times it. The burst sends six minutes of that (501 appeals) as fast as the
    /// clients go, so a burst of at least ten times the busy hour's rate, compressed far beyond it.
    /// </summary>
    private static int BurstAppeals()
    {
        var busiest = Enumerable.Range(0, Seasonality.Hours.Count).Max(Seasonality.Hours.Share);
        var tenTimesBusyHour = 10 * AppealsADay * busiest;
        return (int)Math.Round(tenTimesBusyHour / 10);
    }

    [Fact]
    public async Task BurstAtTenTimesTheBusyHour_EveryAcknowledgedAppealStoredOnce_AndOnTheFeed_RefusalsSayWhenToRetry()
    {
        await using var app = await AppProcess.StartAsync(_dataFolder,
            ["--City:DemoScale=0.002", "--City:DemoYears=1", "--City:Scheduler:Enabled=false", "--Classification:TrainOnStart=false", DashboardFixture.FixedNowArgument],
            TimeSpan.FromMinutes(3));
        var connection = await ConnectionStringAsync();
        await using var db = NpgsqlDataSource.Create(connection);
        const string key = "e2e-burst-client-key";
        int clientId;
        await using (var conn = await db.OpenConnectionAsync())
        {
            clientId = await conn.ExecuteScalarAsync<int>("""
                INSERT INTO api_clients (name, api_key, channel_id, requests_per_minute)
                SELECT 'e2e burst', @key, min(id), @limit FROM channels RETURNING id
                """, new { key, limit = KeyPerMinute });
        }

        // The feed's consumer, as every node runs it: what it delivers after its start.
        var feed = new ChangeFeed();
        var inserted = new ConcurrentBag<(long First, long Last)>();
        using var subscription = feed.Subscribe(c => { if (c.Kind == "insert") inserted.Add((c.FirstId, c.LastId)); });
        var listener = new ChangeFeedListener(db, feed, TimeProvider.System, NullLogger<ChangeFeedListener>.Instance);
        await listener.StartAsync(CancellationToken.None);
        await Eventually.UntilAsync(() => feed.IsConnected);

        using var api = new Open311Client(app.BaseUrl);
        var code = await api.ServiceCodeAsync("heating");
        var burst = BurstAppeals();
        var acknowledged = new ConcurrentDictionary<string, string>();   // token -> service_request_id
        var refused = new ConcurrentBag<string>();
        var unexpected = new ConcurrentBag<string>();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(client => Task.Run(async () =>
        {
            using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl + "/open311/v2/") };
            for (var i = Interlocked.Increment(ref next); i < burst; i = Interlocked.Increment(ref next))
            {
                var token = $"burst-{i:D4}";
                using var response = await http.PostAsync("requests.json", new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["api_key"] = key, ["service_code"] = code, ["token"] = token, ["description"] = $"Нет отопления в подъезде, заявка {i}",
                    ["lat"] = (51.12 + i % 40 * 0.001).ToString(CultureInfo.InvariantCulture), ["long"] = (71.42 + i % 25 * 0.001).ToString(CultureInfo.InvariantCulture),
                }));
                var body = await response.Content.ReadAsStringAsync();
                var retryAfter = response.Headers.RetryAfter?.Delta;
                if (response.StatusCode == HttpStatusCode.Created)
                    acknowledged[token] = JsonDocument.Parse(body).RootElement[0].GetProperty("service_request_id").GetString()!;
                else if (response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable && retryAfter >= TimeSpan.FromSeconds(1)
                         && JsonDocument.Parse(body).RootElement[0].GetProperty("code").GetInt32() == (int)response.StatusCode)
                    refused.Add(token);
                else
                    unexpected.Add($"{token}: {(int)response.StatusCode} {body}");
            }
        })));

        output.WriteLine($"burst of {burst} appeals from {Clients} clients: {acknowledged.Count} acknowledged, {refused.Count} refused");
        Assert.Empty(unexpected);
        Assert.Equal(burst, acknowledged.Count + refused.Count);
        Assert.NotEmpty(refused);
        Assert.NotEmpty(acknowledged);

        // Stored exactly once each, under the number the client was given; nothing refused was stored.
        await using (var conn = await db.OpenConnectionAsync())
        {
            var stored = (await conn.QueryAsync<(string Token, string RegNumber, long Id, long Copies)>("""
                SELECT t.token, a.reg_number, a.id, count(*) OVER (PARTITION BY a.reg_number)
                FROM intake_tokens t JOIN appeals a ON a.id = t.appeal_id
                WHERE t.api_client_id = @clientId
                """, new { clientId })).ToList();
            Assert.Equal(acknowledged.OrderBy(a => a.Key), stored.Select(s => KeyValuePair.Create(s.Token, s.RegNumber)).OrderBy(a => a.Key));
            Assert.All(stored, s => Assert.Equal(1, s.Copies));
            var bodies = await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM appeals WHERE description LIKE 'Нет отопления в подъезде, заявка %'");
            Assert.Equal(acknowledged.Count, bodies);

            // The feed delivered every one of them.
            await Eventually.UntilAsync(() => stored.All(s => inserted.Any(r => r.First <= s.Id && s.Id <= r.Last)));
        }
        await listener.StopAsync(CancellationToken.None);
        listener.Dispose();
    }

    private Task<string> ConnectionStringAsync() => AppPostgres.ConnectionStringAsync(_dataFolder);

    public void Dispose()
    {
        try { Directory.Delete(_dataFolder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
