using Dapper;
using IKomek.Dashboard.Features.Alerts;
using IKomek.Dashboard.Platform.Audit;
using IKomek.Dashboard.Tests.Infrastructure;

namespace IKomek.Dashboard.Tests.Features.Alerts;

/// <summary>A person's subscriptions: the role's defaults on the first visit, bad inputs refused with nothing saved,
/// saving audited; the demo city's leaders subscribed.</summary>
public sealed class AlertSubscriptionsTests(DemoCityDatabase city) : IClassFixture<DemoCityDatabase>
{
    private AlertSubscriptions Store => new(city.DataSource, city.Clock);

    private static AlertSubscription Valid => new([AlertKinds.CriticalAppeal], null, null, ["email"], null, null, 1, true);

    [Fact]
    public async Task DemoCity_SubscribesItsLeadersByConfirmedEmail_AsTheirRolesSuggest()
    {
        await using var conn = await city.DataSource.OpenConnectionAsync();
        var rows = (await conn.QueryAsync<(string Login, string Kinds, short Level, bool Confirmed)>("""
            SELECT s.login, array_to_string(s.kinds, ','), s.escalation_level, e.confirmed_at IS NOT NULL
            FROM alert_subscriptions s JOIN notify_endpoints e ON e.login = s.login AND e.channel = 'email'
            ORDER BY s.login
            """)).ToList();

        Assert.Equal(
            [("akim", "critical_appeal,city_status", (short)3, true),
             ("deputy.utilities", "critical_appeal,system_alert,problem_emerging,city_status", (short)2, true),
             ("head.energy", "critical_appeal,problem_emerging,overdue_department", (short)1, true)], rows);
    }

    [Theory]
    [InlineData("deputy.construction", 2)]
    [InlineData("head.health", 1)]
    [InlineData("analyst", 1)]
    public async Task FirstVisit_OffersTheRolesDefaults_NotSaved(string login, short level)
    {
        var mine = await Store.GetAsync(login);

        Assert.True(mine.Suggested);
        var s = Assert.Single(mine.Items);
        Assert.Equal(level, s.EscalationLevel);
        if (login.StartsWith("deputy", StringComparison.Ordinal)) Assert.NotEmpty(s.AreaIds!);
        await using var conn = await city.DataSource.OpenConnectionAsync();
        Assert.Equal(0, await conn.ExecuteScalarAsync<int>("SELECT count(*)::int FROM alert_subscriptions WHERE login = @login", new { login }));
    }

    public static TheoryData<AlertSubscription, string> Bad => new()
    {
        { Valid with { Kinds = [] }, "notify.error.kinds" },
        { Valid with { Kinds = ["everything"] }, "notify.error.kinds" },
        { Valid with { Channels = [] }, "notify.error.channels" },
        { Valid with { Channels = ["sms"] }, "notify.error.channels" },
        { Valid with { EscalationLevel = 0 }, "notify.error.level" },
        { Valid with { EscalationLevel = 4 }, "notify.error.level" },
        { Valid with { QuietFrom = TimeSpan.FromHours(22) }, "notify.error.quietBoth" },
        { Valid with { QuietFrom = TimeSpan.FromHours(22), QuietTo = TimeSpan.FromHours(25) }, "notify.error.quietTime" },
        { Valid with { QuietFrom = TimeSpan.FromHours(-1), QuietTo = TimeSpan.FromHours(7) }, "notify.error.quietTime" },
        { Valid with { QuietFrom = TimeSpan.FromHours(7), QuietTo = TimeSpan.FromHours(7) }, "notify.error.quietSame" },
        { Valid with { DistrictIds = [999] }, "notify.error.district" },
        { Valid with { AreaIds = [-3] }, "notify.error.area" },
    };

    [Theory]
    [MemberData(nameof(Bad))]
    public async Task Save_BadInput_IsRefusedWithWhatIsWrong_AndNothingChanges(AlertSubscription bad, string error)
    {
        await Store.SaveAsync("analyst2", TestActors.Analyst, [Valid]);

        var e = await Assert.ThrowsAsync<SubscriptionsRejectedException>(() => Store.SaveAsync("analyst2", TestActors.Analyst, [Valid, bad]));

        Assert.Contains(error, e.Errors.Values);
        Assert.Equal([Valid.Kinds], (await Store.GetAsync("analyst2")).Items.Select(s => s.Kinds));
    }

    [Fact]
    public async Task Save_TooMany_IsRefused()
    {
        var e = await Assert.ThrowsAsync<SubscriptionsRejectedException>(() =>
            Store.SaveAsync("operator2", TestActors.Operator, Enumerable.Repeat(Valid, AlertSubscriptions.MaxPerPerson + 1).ToList()));
        Assert.Equal("notify.error.tooMany", e.Errors[0]);
    }

    [Fact]
    public async Task Save_ReplacesThePersonsSubscriptions_AndIsAuditedWithBeforeAndAfter()
    {
        var night = Valid with { Kinds = [AlertKinds.CityStatus, AlertKinds.SystemAlert], DistrictIds = [2, 1], QuietFrom = TimeSpan.FromHours(22), QuietTo = TimeSpan.FromHours(7), EscalationLevel = 2 };
        await Store.SaveAsync("operator", TestActors.Operator, [Valid]);

        await Store.SaveAsync("operator", new Actor("admin", "admin"), [night]);

        var saved = Assert.Single((await Store.GetAsync("operator")).Items);
        Assert.Equal(new short[] { 1, 2 }, saved.DistrictIds);
        Assert.Equal((TimeSpan.FromHours(22), TimeSpan.FromHours(7), (short)2), (saved.QuietFrom, saved.QuietTo, saved.EscalationLevel));
        var audit = (await AuditRows.AboutAsync(city.DataSource, "user", "operator")).Where(a => a.Action == AlertAuditActions.Subscriptions).ToList();
        Assert.Equal(["operator", "admin"], audit.Select(a => a.Actor));
        Assert.Contains("city_status", audit[^1].Detail("after"));
        Assert.Contains("critical_appeal", audit[^1].Detail("before"));
    }
}
