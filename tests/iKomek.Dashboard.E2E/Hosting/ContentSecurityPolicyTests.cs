using System.Net;
using IKomek.Dashboard.E2E.Infrastructure;
using Microsoft.Playwright;

namespace IKomek.Dashboard.E2E.Hosting;

/// <summary>
/// The panel's Content-Security-Policy in Chromium: every main page, signed in as an administrator, works under it
/// (circuit up, charts drawn) and the browser reports no violation. And the guards on the responses over real HTTP.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class ContentSecurityPolicyTests(DashboardFixture fixture)
{
    // Each page records what the browser refused, from the first script on.
    private const string RecordViolations = """
        window.__csp = [];
        document.addEventListener('securitypolicyviolation', e => window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
        """;

    [Fact]
    public async Task EveryMainPage_WorksUnderThePolicy_WithoutAViolation()
    {
        using var api = new Open311Client(fixture.App.BaseUrl);
        var reg = await api.PostAsync(await api.ServiceCodeAsync(), "Прорыв трубы во дворе, вода на тротуаре", 51.15, 71.44);
        var page = await fixture.OpenAsync("/", signedInAs: "admin");
        await page.Context.AddInitScriptAsync(RecordViolations);
        var console = new List<string>();
        page.Console += (_, m) => { if (m.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) console.Add(m.Text); };

        (string Path, string? Chart)[] pages =
        [
            ("/", "hourly-chart"), ("/appeals", null), ("/appeals/" + reg, "appeal-map"), ("/problems", null),
            ("/kpis", "kpi-chart"), ("/projects", "projects-chart"), ("/ratings", "ratings-chart"), ("/admin", null),
            ("/admin/jobs", null), ("/appeals/import", null), ("/classification", null), ("/classification/review", null),
        ];
        foreach (var (path, chart) in pages)
        {
            await page.GotoAsync(path);
            await DashboardFixture.WaitForCircuitAsync(page);
            if (chart is not null) await Assertions.Expect(page.GetByTestId(chart).Locator(".main-svg").First).ToBeVisibleAsync();
            // The admin's rights arrived through the circuit (its websocket is 'self').
            await Assertions.Expect(page.GetByTestId("user-role")).ToHaveTextAsync("Администратор");
            Assert.Empty(await page.EvaluateAsync<string[]>("() => window.__csp"));
        }
        // The wall draws its charts too (its own layout, the dark theme).
        await page.GotoAsync("/wall");
        await DashboardFixture.WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator(".main-svg").First).ToBeVisibleAsync();
        // Pages outside the circuit: Hangfire's dashboard and the live feed's sample client.
        foreach (var path in new[] { "/admin/hangfire", "/live-client.html" })
        {
            await page.GotoAsync(path);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            Assert.Empty(await page.EvaluateAsync<string[]>("() => window.__csp"));
        }
        await Assertions.Expect(page.Locator("#state")).ToHaveTextAsync("connected");
        Assert.Empty(console);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/account/signin")]
    [InlineData("/open311/v2/services.json")]
    public async Task Responses_CarryTheGuards_AndNoHstsOnPlainHttp(string path)
    {
        using var http = new HttpClient();
        using var response = await http.GetAsync(fixture.App.BaseUrl + path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }
}
