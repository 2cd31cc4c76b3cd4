using IKomek.Dashboard.E2E.Infrastructure;
using IKomek.Dashboard.E2E.Pages;

namespace IKomek.Dashboard.E2E;

/// <summary>Two app nodes on one database: an appeal posted to node A shows on node B's live panel.</summary>
[Collection(DashboardCollection.Name)]
public sealed class TwoNodesTests(DashboardFixture fixture)
{
    [Fact]
    public async Task AppealPostedToNodeA_AppearsOnNodeBsLivePanel()
    {
        // Node B uses node A's PostgreSQL as an external server: it starts no server of its own.
        var connection = await fixture.DatabaseConnectionStringAsync();
        var nodeBFolder = Path.Combine(Path.GetTempPath(), "ikomek-node-b-" + Guid.NewGuid().ToString("N")[..8]);
        await using var nodeB = await AppProcess.StartAsync(nodeBFolder, [$"--ConnectionStrings:City={connection}", DashboardFixture.FixedNowArgument], TimeSpan.FromMinutes(1));
        Assert.False(Directory.Exists(Path.Combine(nodeBFolder, "pg")));

        var context = await fixture.Browser.NewContextAsync(new() { BaseURL = nodeB.BaseUrl, ViewportSize = new() { Width = 1920, Height = 1080 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await DashboardFixture.WaitForCircuitAsync(page);
        var shell = new Shell(page);
        var before = await shell.StatAsync("live-today");

        using var nodeA = new Open311Client(fixture.App.BaseUrl);
        await nodeA.PostAsync(await nodeA.ServiceCodeAsync(), "Холодные батареи", 51.12, 71.46);

        await page.WaitForFunctionAsync(
            "before => Number(document.querySelector('[data-testid=live-today]').innerText.replace(/\\D/g, '')) > before", before);
        await context.CloseAsync();
    }
}
