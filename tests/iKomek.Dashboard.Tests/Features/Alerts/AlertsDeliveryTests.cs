using Dapper;
using IKomek.Dashboard.Features.Alerts;
using IKomek.Dashboard.Platform.Audit;
using IKomek.Dashboard.Platform.Notify;
using IKomek.Dashboard.Tests.Infrastructure;
using MimeKit;

namespace IKomek.Dashboard.Tests.Features.Alerts;

/// <summary>Alerts end to end on the real PostgreSQL with a demo city and a local SMTP server: a critical appeal at
/// intake raised, fanned out, delivered by e-mail with working links; retries and back-off; a channel that throws;
/// quiet hours; role scope.</summary>
public sealed class AlertsDeliveryTests(DemoCityDatabase city) : IClassFixture<DemoCityDatabase>, IAsyncLifetime
{
    private readonly SmtpReceiver _smtp = new();

    public Task InitializeAsync() => AlertsHarness.ResetAsync(city.DataSource);

    public async Task DisposeAsync() => await _smtp.DisposeAsync();

    private AlertsHarness Harness(params IOutboundChannel[] extra) =>
        new(city.DataSource, _smtp, AlertsHarness.ClockAfterNow(city), extra);

    [Fact]
    public async Task CriticalAppeal_AtIntake_ReachesTheSubscriberByEmail_WithAbsoluteLinksAndNoPersonalData()
    {
        var appeal = await AlertsHarness.CriticalEnergyAppealAsync(city);
        await using var h = Harness();
        await h.SubscribeAsync("head.energy", [AlertKinds.CriticalAppeal]);

        var run = await h.Raiser.RaiseAsync(overdue: false);

        Assert.True(run.Alerts >= 1 && run.Deliveries >= 1, $"{run}");
        // The prompt delivery after the fan-out sends it: no job run is needed.
        var mail = await AlertsHarness.MailAboutAsync(_smtp, appeal.RegNumber);
        Assert.Equal("head.energy@test.kz", mail.To.Mailboxes.Single().Address);
        var alertId = await h.AlertIdAsync("appeal:" + appeal.Id);
        var delivery = Assert.Single(await h.DeliveriesAsync(alertId));
        await AlertsHarness.EventuallyAsync(async () => (await h.DeliveriesAsync(alertId)).Single().Status == "sent", "the delivery recorded as sent");
        Assert.StartsWith("‼ Критическое обращение: ", mail.Subject);
        var html = mail.HtmlBody!;
        Assert.Contains($"{AlertsHarness.BaseUrl}/appeals/{appeal.RegNumber}", html);
        await using var conn = await city.DataSource.OpenConnectionAsync();
        var token = await conn.QuerySingleAsync<string>("SELECT ack_token FROM alert_deliveries WHERE id = @Id", delivery);
        Assert.Matches("^[0-9a-f]{64}$", token);
        Assert.Contains($"{AlertsHarness.BaseUrl}/alerts/ack/{token}", html);
        Assert.Contains($"{AlertsHarness.BaseUrl}/alerts/ack/{token}", mail.TextBody);
        // The appeal's text and the resident stay in the panel.
        Assert.DoesNotContain("лифт", html);
        Assert.DoesNotContain("лифт", mail.TextBody);
    }

    [Fact]
    public async Task Raise_Twice_RaisesAnAlertOnceAndDeliversItOnce()
    {
        var appeal = await AlertsHarness.CriticalEnergyAppealAsync(city);
        await using var h = Harness();
        await h.SubscribeAsync("head.energy", [AlertKinds.CriticalAppeal]);

        await h.Raiser.RaiseAsync(overdue: false);
        await h.Raiser.RaiseAsync(overdue: true);

        await using var conn = await city.DataSource.OpenConnectionAsync();
        Assert.Equal(1, await conn.ExecuteScalarAsync<int>("SELECT count(*)::int FROM alerts WHERE source_key = @k", new { k = "appeal:" + appeal.Id }));
        Assert.Single(await h.DeliveriesAsync(await h.AlertIdAsync("appeal:" + appeal.Id)));
    }

    [Fact]
    public async Task SmtpRefusing_IsRetriedWithDoublingBackOff_UntilItRecovers()
    {
        var appeal = await AlertsHarness.CriticalEnergyAppealAsync(city);
        await using var h = Harness();
        await h.SubscribeAsync("head.energy", [AlertKinds.CriticalAppeal]);
        _smtp.RefuseNext = 2;

        await h.Raiser.RaiseAsync(overdue: false);
        var alertId = await h.AlertIdAsync("appeal:" + appeal.Id);
        await AlertsHarness.EventuallyAsync(async () => (await h.DeliveriesAsync(alertId)).Single().Attempts == 1, "the first attempt");
        var first = (await h.DeliveriesAsync(alertId)).Single();
        Assert.Equal(("pending", h.Clock.GetUtcNow().UtcDateTime.AddSeconds(30)), (first.Status, first.NextAttemptAt));
        Assert.StartsWith("4", first.LastError);

        // Nothing is due before the back-off ends.
        await h.Delivery.RunAsync();
        Assert.Equal(1, (await h.DeliveriesAsync(alertId)).Single().Attempts);

        h.Clock.Advance(TimeSpan.FromSeconds(30));
        await h.Delivery.RunAsync();
        var second = (await h.DeliveriesAsync(alertId)).Single();
        Assert.Equal((2, "pending", h.Clock.GetUtcNow().UtcDateTime.AddSeconds(60)), ((int)second.Attempts, second.Status, second.NextAttemptAt));

        h.Clock.Advance(TimeSpan.FromSeconds(60));
        await h.Delivery.RunAsync();
        var sent = (await h.DeliveriesAsync(alertId)).Single();
        Assert.Equal((3, "sent"), ((int)sent.Attempts, sent.Status));
        Assert.Equal(h.Clock.GetUtcNow().UtcDateTime, sent.SentAt);
        Assert.Single(_smtp.Received, m => m.TextBody!.Contains("/appeals/" + appeal.RegNumber));
    }

    [Fact]
    public async Task SmtpDown_GivesUpAfterTheLastAttempt_AsFailed()
    {
        var appeal = await AlertsHarness.CriticalEnergyAppealAsync(city);
        await using var h = Harness();
        await h.SubscribeAsync("head.energy", [AlertKinds.CriticalAppeal]);
        _smtp.RefuseNext = 100;

        await h.Raiser.RaiseAsync(overdue: false);
        var alertId = await h.AlertIdAsync("appeal:" + appeal.Id);
        await AlertsHarness.EventuallyAsync(async () => (await h.DeliveriesAsync(alertId)).Single().Attempts == 1, "the first attempt");
        for (var i = 0; i < 3; i++)
        {
            h.Clock.Advance(TimeSpan.FromMinutes(30));
            await h.Delivery.RunAsync();
        }

        var failed = (await h.DeliveriesAsync(alertId)).Single();
        Assert.Equal((4, "failed"), ((int)failed.Attempts, failed.Status));
    }

    [Fact]
    public async Task AChannelThatThrows_DoesNotHoldTheEmail_AndIsRetried()
    {
        var appeal = await AlertsHarness.CriticalEnergyAppealAsync(city);
        await using var h = Harness(new ThrowingChannel());
        await h.SubscribeAsync("head.energy", [AlertKinds.CriticalAppeal], channels: [NotifyChannels.Telegram, NotifyChannels.Email]);

        await h.Raiser.RaiseAsync(overdue: false);

        var mail = await AlertsHarness.MailAboutAsync(_smtp, appeal.RegNumber);
        Assert.Equal("head.energy@test.kz", mail.To.Mailboxes.Single().Address);
        var alertId = await h.AlertIdAsync("appeal:" + appeal.Id);
        await AlertsHarness.EventuallyAsync(async () => (await h.DeliveriesAsync(alertId)).All(d => d.Attempts == 1), "both attempted");
        var byChannel = (await h.DeliveriesAsync(alertId)).ToDictionary(d => d.Channel);
        Assert.Equal("sent", byChannel["email"].Status);
        Assert.Equal(("pending", "the Bot API is down"), (byChannel["telegram"].Status, byChannel["telegram"].LastError));
    }

    [Fact]
    public async Task RecipientRefusedForGood_DisablesTheEndpoint()
    {
        var appeal = await AlertsHarness.CriticalEnergyAppealAsync(city);
        await using var h = Harness(new GoneChannel());
        await h.SubscribeAsync("head.energy", [AlertKinds.CriticalAppeal], channels: [NotifyChannels.Push]);

        await h.Raiser.RaiseAsync(overdue: false);

        var alertId = await h.AlertIdAsync("appeal:" + appeal.Id);
        await AlertsHarness.EventuallyAsync(async () => (await h.DeliveriesAsync(alertId)).Single().Status == "failed", "the delivery failed");
        await using var conn = await city.DataSource.OpenConnectionAsync();
        Assert.True(await conn.ExecuteScalarAsync<bool>("SELECT disabled_at IS NOT NULL FROM notify_endpoints WHERE login = 'head.energy' AND channel = 'push'"));
        // The person's channels page says why.
        Assert.Equal("gone: 410 Gone", await conn.ExecuteScalarAsync<string>("SELECT disabled_reason FROM notify_endpoints WHERE login = 'head.energy' AND channel = 'push'"));
    }

    [Fact]
    public async Task QuietHours_DelayNonCriticalToTheirEnd_CriticalGoAtOnce()
    {
        // The tests' now is 14:00 in Astana: quiet from 13:00 to 18:00.
        var appeal = await AlertsHarness.CriticalEnergyAppealAsync(city);
        await using var h = Harness();
        await h.SubscribeAsync("head.energy", [AlertKinds.CriticalAppeal, AlertKinds.OverdueDepartment],
            quietFrom: TimeSpan.FromHours(13), quietTo: TimeSpan.FromHours(18));
        await using (var overdueNow = await city.DataSource.OpenConnectionAsync())
            await overdueNow.ExecuteAsync("UPDATE appeals SET sla_due_at = city_now() - interval '1 day' WHERE id = @Id", new { appeal.Id });

        await h.Raiser.RaiseAsync(overdue: true);

        var criticalId = await h.AlertIdAsync("appeal:" + appeal.Id);
        await AlertsHarness.EventuallyAsync(async () => (await h.DeliveriesAsync(criticalId)).Single().Status == "sent", "the critical one sent at once");
        await using var conn = await city.DataSource.OpenConnectionAsync();
        var overdue = await conn.QuerySingleAsync<(DateTime Next, string Status)>("""
            SELECT d.next_attempt_at, d.status FROM alert_deliveries d JOIN alerts a ON a.id = d.alert_id
            WHERE a.kind = 'overdue_department' AND d.login = 'head.energy'
            """);
        var astana = TimeZoneInfo.FindSystemTimeZoneById("Asia/Almaty");
        var localNow = TimeZoneInfo.ConvertTime(h.Clock.GetUtcNow(), astana);
        var quietEnd = new DateTimeOffset(localNow.Date.AddHours(18), TimeSpan.FromHours(5)).UtcDateTime;
        Assert.Equal(("pending", quietEnd), (overdue.Status, overdue.Next));
    }

    [Fact]
    public async Task QuietHoursAcrossMidnight_EndTheNextMorning()
    {
        await using var conn = await city.DataSource.OpenConnectionAsync();
        // 23:30 Astana is inside 22:00-07:00; it ends at 07:00 the next day.
        Assert.True(await conn.ExecuteScalarAsync<bool>("SELECT alerts_in_quiet_hours('23:30', '22:00', '07:00')"));
        Assert.True(await conn.ExecuteScalarAsync<bool>("SELECT alerts_in_quiet_hours('06:59', '22:00', '07:00')"));
        Assert.False(await conn.ExecuteScalarAsync<bool>("SELECT alerts_in_quiet_hours('07:00', '22:00', '07:00')"));
        Assert.False(await conn.ExecuteScalarAsync<bool>("SELECT alerts_in_quiet_hours('12:00', '12:00', '12:00')"));
    }

    [Fact]
    public async Task Scope_DepartmentHeadHearsOnlyTheOwnDepartment_DeputyTheSupervised_AkimAll()
    {
        var appeal = await AlertsHarness.CriticalEnergyAppealAsync(city);
        await using var h = Harness();
        foreach (var login in new[] { "akim", "head.energy", "head.transport", "deputy.utilities", "deputy.social" })
            await h.SubscribeAsync(login, [AlertKinds.CriticalAppeal]);

        await h.Raiser.RaiseAsync(overdue: false);

        var who = (await h.DeliveriesAsync(await h.AlertIdAsync("appeal:" + appeal.Id))).Select(d => d.Login).Order().ToList();
        await using var conn = await city.DataSource.OpenConnectionAsync();
        var supervises = await conn.QuerySingleAsync<(bool Utilities, bool Social)>("""
            SELECT bool_or(u.login = 'deputy.utilities'), bool_or(u.login = 'deputy.social')
            FROM users u JOIN deputy_departments dd ON dd.deputy_id = u.deputy_id JOIN departments d ON d.id = dd.department_id
            WHERE d.code = 'energy'
            """);
        Assert.True(supervises.Utilities && !supervises.Social, "the demo city's deputy for utilities supervises energy");
        Assert.Equal(["akim", "deputy.utilities", "head.energy"], who);
    }

    private sealed class ThrowingChannel : IOutboundChannel
    {
        public string Channel => NotifyChannels.Telegram;
        public Task<DeliveryResult> SendAsync(NotifyEndpoint to, OutboundMessage message, CancellationToken cancellationToken) =>
            throw new HttpRequestException("the Bot API is down");
    }

    private sealed class GoneChannel : IOutboundChannel
    {
        public string Channel => NotifyChannels.Push;
        public Task<DeliveryResult> SendAsync(NotifyEndpoint to, OutboundMessage message, CancellationToken cancellationToken) =>
            Task.FromResult(new DeliveryResult(DeliveryOutcome.Gone, "410 Gone"));
    }
}
