using Bunit;
using Dapper;
using IKomek.Dashboard.Features.Digests;
using IKomek.Dashboard.Platform.Access;
using IKomek.Dashboard.Platform.City;
using IKomek.Dashboard.Platform.Notify;
using IKomek.Dashboard.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace IKomek.Dashboard.Tests.Components.Digests;

/// <summary>/me/digests on a real database, signed in as "analyst", sending to a local SMTP server.</summary>
public sealed class DigestsPageTests(MigratedDatabase db) : MudComponentTest, IClassFixture<MigratedDatabase>
{
    private readonly SmtpReceiver _smtp = new();

    public override async Task InitializeAsync()
    {
        await using var conn = await db.DataSource.OpenConnectionAsync();
        await conn.ExecuteAsync("""
            INSERT INTO users (login, display_name, role) VALUES ('analyst', 'Analyst', 'analyst') ON CONFLICT (login) DO NOTHING;
            DELETE FROM digest_subscriptions; DELETE FROM notify_endpoints;
            """);
        UseDatabase(db.DataSource);
        Context.Services.AddLogging();
        Context.Services.AddSingleton(TestClock.Create());
        Context.Services.AddSingleton<AstanaClock>();
        Context.Services.AddSingleton<IMailSender>(new SmtpMailSender(Microsoft.Extensions.Options.Options.Create(_smtp.Options)));
        Context.Services.AddSingleton(new DigestOptions());
        Context.Services.AddSingleton<DigestQueries>();
        Context.Services.AddSingleton<DigestSubscriptions>();
        Context.Services.AddSingleton<DigestSender>();
        SignIn(CityRoles.Analyst);
    }

    private async Task<long> AddressAsync(bool confirmed = true)
    {
        await using var conn = await db.DataSource.OpenConnectionAsync();
        return await conn.ExecuteScalarAsync<long>("""
            INSERT INTO notify_endpoints (login, channel, address, created_at, confirmed_at)
            VALUES ('analyst', 'email', 'analyst@astana.kz', now(), CASE WHEN @confirmed THEN now() END) RETURNING id
            """, new { confirmed });
    }

    [Fact]
    public async Task WithoutAConfirmedAddress_SaysWhereToAddOne_AndLinksTheOtherPages()
    {
        await AddressAsync(confirmed: false);

        var cut = Context.Render<DigestsPage>();

        cut.WaitForElement("[data-testid=digests-no-address]");
        Assert.Contains("Каналы", cut.Find("[data-testid=digests-no-address]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=digests-save]"));
        var links = cut.Find("nav[data-testid=personal-links]");
        Assert.Equal(["me/alerts", "me/channels"], links.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        Assert.Equal("Дайджесты", links.QuerySelector("[aria-current=page]")!.TextContent);
    }

    [Fact]
    public async Task TurningTheMorningDigestOn_AndSaving_StoresItForTheAddress_Audited()
    {
        var address = await AddressAsync();
        var cut = Context.Render<DigestsPage>();
        cut.WaitForElement("[data-testid=digests-save]");

        cut.Find("li[data-kind=daily] input[type=checkbox]").Change(true);
        cut.Find("[data-testid=digests-save]").Click();

        cut.WaitForAssertion(() => Assert.Equal("Подписки сохранены", cut.Find("[data-testid=digests-message]").TextContent));
        await using var conn = await db.DataSource.OpenConnectionAsync();
        Assert.Equal([("daily", address, true), ("monthly", address, false), ("weekly", address, false)],
            (await conn.QueryAsync<(string, long, bool)>("SELECT period, endpoint_id, enabled FROM digest_subscriptions WHERE login = 'analyst' ORDER BY period")).ToList());
        Assert.Single(await AuditRows.AboutAsync(db.DataSource, "digest", "analyst"));
    }

    [Fact]
    public async Task SendNow_SaysWhereItWent_OrWhyNot()
    {
        await AddressAsync();
        var cut = Context.Render<DigestsPage>();
        cut.WaitForElement("[data-testid=digest-send-weekly]");

        cut.Find("[data-testid=digest-send-weekly]").Click();
        cut.WaitForAssertion(() => Assert.Equal("Отправлено на analyst@astana.kz", cut.Find("[data-testid=digests-message]").TextContent), TimeSpan.FromSeconds(20));
        Assert.StartsWith("iKomek 109 · Недельный отчёт", Assert.Single(await _smtp.WaitForAsync(1)).Subject);

        _smtp.RefuseNext = 1;
        cut.Find("[data-testid=digest-send-daily]").Click();
        cut.WaitForAssertion(() => Assert.StartsWith("Не удалось отправить:", cut.Find("[data-testid=digests-message]").TextContent), TimeSpan.FromSeconds(20));
        Assert.Contains("failed", cut.Find("[data-testid=digests-message]").ClassName);
    }
}
