using Dapper;
using IKomek.Dashboard.E2E.Infrastructure;
using IKomek.Dashboard.E2E.Pages;
using Npgsql;

namespace IKomek.Dashboard.E2E.Hosting;

/// <summary>
/// Two app nodes on one database: an appeal posted to node A shows on node B's live panel; both run jobs as one
/// Hangfire cluster (that each fire runs once is tested in SchedulerClusterTests).
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class TwoNodesTests(DashboardFixture fixture)
{
    // The nodes of one database share the key that encrypts the cookie keys in it (README: Configuration).
    private string KeyRingOfNodeA => "--City:KeyRingKeyFile=" + Path.Combine(fixture.DataFolder, "keyring.key");

    [Fact]
    public async Task AppealPostedToNodeA_AppearsOnNodeBsLivePanel()
    {
        // Node B uses node A's PostgreSQL as an external server: it starts no server of its own.
        var connection = await fixture.DatabaseConnectionStringAsync();
        var nodeBFolder = Path.Combine(Path.GetTempPath(), "ikomek-node-b-" + Guid.NewGuid().ToString("N")[..8]);
        await using var nodeB = await AppProcess.StartAsync(nodeBFolder, [$"--ConnectionStrings:City={connection}", KeyRingOfNodeA, DashboardFixture.FixedNowArgument, .. DashboardFixture.SchedulerSkips],
            TimeSpan.FromMinutes(1));
        Assert.False(Directory.Exists(Path.Combine(nodeBFolder, "pg")));

        var context = await fixture.Browser.NewContextAsync(new() { BaseURL = nodeB.BaseUrl, ViewportSize = new() { Width = 1920, Height = 1080 } });
        var live = await LivePage.GotoAsync(await context.NewPageAsync());
        var before = await live.StatAsync("live-today");

        using var nodeA = new Open311Client(fixture.App.BaseUrl);
        await nodeA.PostAsync(await nodeA.ServiceCodeAsync(), "Холодные батареи", 51.12, 71.46);

        await live.WaitForTodayAboveAsync(before);
        await context.CloseAsync();
    }

    [Fact]
    public async Task NodeB_JoinsTheScheduler_WithoutDoublingTheRecurringJobs()
    {
        var connection = await fixture.DatabaseConnectionStringAsync();
        var nodeBFolder = Path.Combine(Path.GetTempPath(), "ikomek-node-b-" + Guid.NewGuid().ToString("N")[..8]);
        await using var nodeB = await AppProcess.StartAsync(nodeBFolder,
            [$"--ConnectionStrings:City={connection}", KeyRingOfNodeA, "--City:Scheduler:StartDelaySeconds=1", .. DashboardFixture.SchedulerSkips],
            TimeSpan.FromMinutes(1));

        await using var db = NpgsqlDataSource.Create(connection);
        await using var conn = await db.OpenConnectionAsync();
        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(60);
        long servers;
        do
        {
            await Task.Delay(500);
            servers = await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM hangfire.server");
        }
        while (servers < 2 && TimeProvider.System.GetUtcNow() < deadline);
        Assert.True(servers >= 2, $"{servers} Hangfire servers");
        // Both nodes, configured alike, registered the same ids: one recurring job each, not one per node, and none of
        // the ones they leave out.
        var recurring = (await conn.QueryAsync<string>("SELECT value FROM hangfire.set WHERE key = 'recurring-jobs' ORDER BY value")).ToList();
        Assert.Equal(["alerts-deliver", "alerts-sweep", "classifier-retrain", "knowledge-mining", "kpi-recount", "rating-full", "rating-update", "sla-sweep", "systemic-mining", "systemic-mining-full"], recurring);
    }
}
