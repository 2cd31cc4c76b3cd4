using Dapper;
using IKomek.Dashboard.E2E.Infrastructure;
using IKomek.Dashboard.E2E.Pages;
using IKomek.Dashboard.Features.DemoCity;
using Microsoft.Playwright;

namespace IKomek.Dashboard.E2E.Features.Audit;

/// <summary>
/// Acts attributed end to end: an appeal posted over the API and resolved by an operator in the browser names both in
/// its history and in the audit log; the administrators' audit page finds them; other roles and anonymous readers are refused.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class AuditPageTests(DashboardFixture fixture)
{
    private static readonly string ApiActor = "api:" + DemoApiClient.Name;

    [Fact]
    public async Task ApiIntakeAndOperatorsStep_AreAttributed_InTheHistoryAndOnTheAuditPage()
    {
        using var api = new Open311Client(fixture.App.BaseUrl);
        var reg = await api.PostAsync(await api.ServiceCodeAsync("water_supply"), "Течёт кран в подвале, проверка журнала", 51.147, 71.418);

        // The operator resolves it in the browser: the history names the API client and the operator.
        var page = await fixture.OpenAsync($"/appeals/{reg}", signedInAs: "operator");
        await page.GetByTestId("action-Resolve").ClickAsync();
        var history = page.GetByTestId("appeal-history");
        await Assertions.Expect(history.Locator("li")).ToHaveCountAsync(2, new() { Timeout = 20_000 });
        await Assertions.Expect(history.GetByTestId("event-actor")).ToHaveTextAsync(["автор шага: " + ApiActor, "автор шага: operator"]);
        await page.Context.CloseAsync();

        await using (var db = await fixture.OpenDatabaseAsync())
        await using (var conn = await db.OpenConnectionAsync())
        {
            var rows = (await conn.QueryAsync<(string Actor, string? Role, string? Address, string To)>("""
                SELECT l.actor, l.actor_role, host(l.address), l.details->>'to'
                FROM audit_log l JOIN appeals a ON l.subject_kind = 'appeal' AND l.subject_id = a.id::text
                WHERE a.reg_number = @reg AND l.action = 'appeal.status' ORDER BY l.id
                """, new { reg })).ToList();
            Assert.Equal([(ApiActor, null, "127.0.0.1", "registered"), ("operator", "operator", "127.0.0.1", "resolved")], rows);
        }

        // An anonymous reader sees the steps, not who took them.
        var anonymous = await fixture.OpenAsync($"/appeals/{reg}");
        await Assertions.Expect(anonymous.GetByTestId("appeal-history").Locator("li")).ToHaveCountAsync(2);
        await Assertions.Expect(anonymous.GetByTestId("event-actor")).ToHaveCountAsync(0);
        await anonymous.Context.CloseAsync();

        // The administrator finds the operator's step by who and what, newest first, with a link to the appeal.
        var admin = await fixture.OpenAsync("/admin", signedInAs: "admin");
        await admin.GetByTestId("admin-audit").ClickAsync();
        await DashboardFixture.WaitForCircuitAsync(admin);
        await Assertions.Expect(new Shell(admin).Heading).ToHaveTextAsync("Журнал действий");
        await Assertions.Expect(admin.GetByTestId("audit-table").Locator("tbody tr")).Not.ToHaveCountAsync(0);
        await admin.GetByTestId("audit-who").FillAsync("operator");
        await admin.GetByTestId("audit-search").ClickAsync();
        await admin.WaitForURLAsync(url => new Uri(url).Query.Contains("who=operator"));
        var actors = admin.GetByTestId("audit-table").GetByTestId("audit-actor");
        await Assertions.Expect(actors.Filter(new() { HasNotText = "operator" })).ToHaveCountAsync(0);
        await Assertions.Expect(actors.First).ToHaveTextAsync("operator");
        await Assertions.Expect(admin.GetByTestId("audit-table").GetByRole(AriaRole.Link, new() { Name = reg })).ToBeVisibleAsync();
        await Assertions.Expect(admin.GetByTestId("nav-audit")).ToBeVisibleAsync();
        await DashboardFixture.ScreenshotAsync(admin, "audit-1920x1080");
        await admin.SetViewportSizeAsync(1366, 768);
        await admin.WaitForTimeoutAsync(300);
        await DashboardFixture.ScreenshotAsync(admin, "audit-1366x768");
        await admin.SetViewportSizeAsync(1920, 1080);

        // A bad period says so and lists nothing.
        await admin.GotoAsync("/admin/audit?from=2026-03-31&to=2026-03-01");
        await DashboardFixture.WaitForCircuitAsync(admin);
        await Assertions.Expect(admin.GetByTestId("audit-error")).ToHaveTextAsync("Начало периода позже его конца.");
        await Assertions.Expect(admin.GetByTestId("audit-table").Locator("tbody [data-testid=audit-actor]")).ToHaveCountAsync(0);
        await admin.Context.CloseAsync();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("operator")]
    [InlineData("analyst")]
    [InlineData("akim")]
    public async Task AuditPage_IsRefused_ToAnyoneButAnAdministrator(string? role)
    {
        var page = role is null ? await fixture.NewPageAsync() : await fixture.OpenAsync("/", signedInAs: role);
        await Assertions.Expect(page.GetByTestId("nav-audit")).ToHaveCountAsync(0);
        await page.GotoAsync("/admin/audit");

        // Refused on the server: the reader is sent to sign in as someone who may.
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/account/signin");
        await Assertions.Expect(page.GetByTestId("audit-table")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("audit-actor")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("nav-audit")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }
}
