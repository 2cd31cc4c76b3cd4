using System.Net;
using Dapper;
using IKomek.Dashboard.Features.Alerts;
using IKomek.Dashboard.Platform.Audit;
using IKomek.Dashboard.Platform.Localization;
using IKomek.Dashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace IKomek.Dashboard.Tests.Features.Alerts;

/// <summary>Acknowledging by the link over real HTTP (GET changes nothing, POST acknowledges as the delivery's person)
/// and from the panel; escalation on a clock the test moves, stopped by an acknowledgement.</summary>
public sealed class AlertsAcknowledgementTests(DemoCityDatabase city) : IClassFixture<DemoCityDatabase>, IAsyncLifetime
{
    private readonly SmtpReceiver _smtp = new();

    public Task InitializeAsync() => AlertsHarness.ResetAsync(city.DataSource);

    public async Task DisposeAsync() => await _smtp.DisposeAsync();

    [Fact]
    public async Task AckLink_GetShowsTheAlertAndChangesNothing_PostAcknowledgesAsThePerson_AndIsAudited()
    {
        var appeal = await AlertsHarness.CriticalEnergyAppealAsync(city);
        await using var h = new AlertsHarness(city.DataSource, _smtp, AlertsHarness.ClockAfterNow(city));
        await h.SubscribeAsync("head.energy", [AlertKinds.CriticalAppeal]);
        await h.Raiser.RaiseAsync(overdue: false);
        var mail = await AlertsHarness.MailAboutAsync(_smtp, appeal.RegNumber);
        var link = System.Text.RegularExpressions.Regex.Match(mail.TextBody ?? "", @"https://panel\.test\.kz(/alerts/ack/[0-9a-f]{64})").Groups[1].Value;
        var alertId = await h.AlertIdAsync("appeal:" + appeal.Id);
        await using var app = await StartAsync(h);
        using var http = new HttpClient { BaseAddress = new Uri(app.Url) };

        var page = await http.GetStringAsync(link);
        Assert.Contains("Критическое обращение", page);
        Assert.Contains("data-testid=\"ack-button\"", page);
        Assert.Null((await h.Queries.GetLogAsync(new AlertLogFilter())).Single(a => a.Id == alertId).AcknowledgedAt);

        using var posted = await http.PostAsync(link, null);
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("data-testid=\"ack-done\"", await posted.Content.ReadAsStringAsync());
        var row = (await h.Queries.GetLogAsync(new AlertLogFilter())).Single(a => a.Id == alertId);
        Assert.Equal(("head.energy", h.Clock.GetUtcNow().UtcDateTime), (row.AcknowledgedBy, row.AcknowledgedAt));
        var audit = Assert.Single(await AuditRows.AboutAsync(city.DataSource, "alert", alertId.ToString()));
        Assert.Equal(("head.energy", AlertAuditActions.Acknowledge, "link", "127.0.0.1"), (audit.Actor, audit.Action, audit.Detail("from"), audit.Address));
    }

    [Theory]
    [InlineData("/alerts/ack/0123")]
    [InlineData("/alerts/ack/0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    [InlineData("/alerts/ack/%3Cscript%3E")]
    public async Task AckLink_Unknown_Is404_OnGetAndPost(string path)
    {
        await using var h = new AlertsHarness(city.DataSource, _smtp, AlertsHarness.ClockAfterNow(city));
        await using var app = await StartAsync(h);
        using var http = new HttpClient { BaseAddress = new Uri(app.Url) };

        using var get = await http.GetAsync(path);
        using var post = await http.PostAsync(path, null);

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (get.StatusCode, post.StatusCode));
        Assert.DoesNotContain("<script>", await get.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Escalation_UnacknowledgedCritical_ReachesLevelTwoThenThree_OnTheClock()
    {
        var appeal = await AlertsHarness.CriticalEnergyAppealAsync(city);
        await using var h = new AlertsHarness(city.DataSource, _smtp, AlertsHarness.ClockAfterNow(city));
        await h.SubscribeAsync("head.energy", [AlertKinds.CriticalAppeal], level: 1);
        await h.SubscribeAsync("deputy.utilities", [AlertKinds.CriticalAppeal], level: 2);
        await h.SubscribeAsync("akim", [AlertKinds.CriticalAppeal], level: 3);
        await h.Raiser.RaiseAsync(overdue: false);
        var alertId = await h.AlertIdAsync("appeal:" + appeal.Id);
        async Task<string> Who() => string.Join(' ', (await h.DeliveriesAsync(alertId)).OrderBy(d => d.Level).Select(d => $"{d.Login}@{d.Level}"));

        Assert.Equal("head.energy@1", await Who());
        h.Clock.Advance(TimeSpan.FromMinutes(14));
        await h.Raiser.EscalateAsync();
        Assert.Equal("head.energy@1", await Who());

        h.Clock.Advance(TimeSpan.FromMinutes(1));
        await h.Raiser.EscalateAsync();
        Assert.Equal("head.energy@1 deputy.utilities@2", await Who());

        h.Clock.Advance(TimeSpan.FromMinutes(15));
        await h.Raiser.EscalateAsync();
        Assert.Equal("head.energy@1 deputy.utilities@2 akim@3", await Who());
        var row = (await h.Queries.GetLogAsync(new AlertLogFilter())).Single(a => a.Id == alertId);
        Assert.Equal(((short)3, (DateTime?)null), (row.Level, row.EscalateAt));

        h.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, (await h.Raiser.EscalateAsync()).Alerts);
    }

    [Fact]
    public async Task AcknowledgedFromThePanel_StopsTheEscalation_AndASecondAcknowledgementChangesNothing()
    {
        var appeal = await AlertsHarness.CriticalEnergyAppealAsync(city);
        await using var h = new AlertsHarness(city.DataSource, _smtp, AlertsHarness.ClockAfterNow(city));
        await h.SubscribeAsync("head.energy", [AlertKinds.CriticalAppeal], level: 1);
        await h.SubscribeAsync("deputy.utilities", [AlertKinds.CriticalAppeal], level: 2);
        await h.Raiser.RaiseAsync(overdue: false);
        var alertId = await h.AlertIdAsync("appeal:" + appeal.Id);

        h.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.True(await h.Acks.AcknowledgeAsync(alertId, new Actor("akim", "akim"), "panel"));
        h.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.False(await h.Acks.AcknowledgeAsync(alertId, new Actor("head.energy", "department_head"), "panel"));
        h.Clock.Advance(TimeSpan.FromMinutes(30));
        await h.Raiser.EscalateAsync();

        Assert.Equal(["head.energy"], (await h.DeliveriesAsync(alertId)).Select(d => d.Login));
        var row = (await h.Queries.GetLogAsync(new AlertLogFilter(Acknowledged: true))).Single(a => a.Id == alertId);
        Assert.Equal(("akim", (short)1), (row.AcknowledgedBy, row.Level));
        var audit = await AuditRows.AboutAsync(city.DataSource, "alert", alertId.ToString());
        Assert.Equal(["akim:true", "head.energy:false"], audit.Select(a => $"{a.Actor}:{a.Detail("first")}"));
    }

    private sealed record App(WebApplication Web, string Url) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Web.DisposeAsync();
    }

    private static async Task<App> StartAsync(AlertsHarness h)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddSingleton(h.Acks).AddScoped<Texts>();
        var app = builder.Build();
        app.MapAlertAcks();
        await app.StartAsync();
        return new App(app, app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }
}
