using System.Net;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using IKomek.Dashboard.E2E.Infrastructure;
using IKomek.Dashboard.E2E.Pages;
using Microsoft.Playwright;

namespace IKomek.Dashboard.E2E.Features.Alerts;

/// <summary>A person sets up where their alerts reach them, in a real browser: an e-mail address added and confirmed from
/// its link, a Telegram link asked for, and push on this device (the worker registered only when asked; headless
/// Chromium reaches no real push service, so the subscription itself is tested against a local one in the unit tests).</summary>
[Collection(DashboardCollection.Name)]
public sealed class ChannelsPageTests(DashboardFixture fixture)
{
    [Fact]
    public async Task Person_AddsAnEmail_AndConfirmsItFromTheLink()
    {
        var page = await ChannelsPage.OpenAsync(fixture, signedInAs: "deputy.utilities");
        await PageChecks.OpensWholeAsync(page, "Каналы оповещений");
        await Assertions.Expect(page.Page.GetByTestId("personal-links")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\s*Оповещения\s*·\s*Каналы\s*·\s*Дайджесты\s*$"));

        // The demo city gives a deputy a confirmed address already: the bad one adds nothing to what is there.
        var before = await page.Endpoints(page.Email).CountAsync();
        await page.AddEmailAsync("не адрес");
        await Assertions.Expect(page.Email).ToContainTextAsync("Введите один адрес электронной почты");
        Assert.Equal(before, await page.Endpoints(page.Email).CountAsync());

        await page.AddEmailAsync("deputy.utilities@astana.kz");
        var row = page.Endpoints(page.Email).Filter(new() { HasText = "deputy.utilities@astana.kz" });
        await Assertions.Expect(row).ToHaveAttributeAsync("data-state", "pending");

        // The letter arrives at the test app's mail server; its link confirms the address.
        var letter = await fixture.Mail.WaitForAsync(m => m.To.Mailboxes.Any(b => b.Address == "deputy.utilities@astana.kz"));
        var code = System.Text.RegularExpressions.Regex.Match(letter.HtmlBody ?? letter.TextBody ?? "", @"me/channels/confirm/([A-Za-z0-9_-]+)").Groups[1].Value;
        Assert.NotEmpty(code);
        var link = await fixture.NewPageAsync();
        await link.GotoAsync("/me/channels/confirm/" + code);
        await Assertions.Expect(link.Locator("body")).ToContainTextAsync("Подтвердите, что адрес deputy.utilities@astana.kz ваш");
        await link.GetByTestId("confirm-button").ClickAsync();
        await Assertions.Expect(link.GetByTestId("confirm-done")).ToHaveTextAsync("Адрес подтверждён.");
        await DashboardFixture.ScreenshotAsync(link, "channels-confirm-1920x1080");
        // The link is spent.
        await link.GotoAsync("/me/channels/confirm/" + code);
        await Assertions.Expect(link.GetByTestId("confirm-invalid")).ToBeVisibleAsync();
        await link.Context.CloseAsync();

        await page.Page.ReloadAsync();
        await page.WaitForReadyAsync();
        await Assertions.Expect(row).ToHaveAttributeAsync("data-state", "active");
        await Assertions.Expect(row).ToContainTextAsync("Подтверждён");
        await page.ScreenshotsAsync("channels");
        await page.CloseAsync();

        await using var db2 = await fixture.OpenDatabaseAsync();
        await using var conn2 = await db2.OpenConnectionAsync();
        var changes = (await conn2.QueryAsync<string>("""
            SELECT details ->> 'change' FROM audit_log
            WHERE action = 'notify.endpoint' AND actor = 'deputy.utilities' ORDER BY id
            """)).ToList();
        Assert.Equal(["add", "confirm"], changes.TakeLast(2));
    }

    [Fact]
    public async Task Person_AsksForATelegramLink()
    {
        var page = await ChannelsPage.OpenAsync(fixture, signedInAs: "head.energy");

        await page.Telegram.GetByTestId("telegram-link").ClickAsync();

        var link = page.Telegram.GetByTestId("telegram-deeplink").GetByRole(AriaRole.Link);
        await Assertions.Expect(link).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex(@"^https://t\.me/ikomek_e2e_bot\?start=[A-Za-z0-9_-]{22}$"));
        await Assertions.Expect(page.Telegram).ToContainTextAsync("нажмите «Старт» в Telegram до 14:");
        await page.ScreenshotAsync("channels-telegram-1920x1080");
        // Checking at once with the Bot API unreachable says so and keeps the page.
        await page.Telegram.GetByTestId("telegram-check").ClickAsync();
        await Assertions.Expect(page.Snackbar("Telegram сейчас недоступен")).ToBeVisibleAsync();
        await page.CloseAsync();

        await using var db = await fixture.OpenDatabaseAsync();
        await using var conn = await db.OpenConnectionAsync();
        Assert.True(await conn.ExecuteScalarAsync<int>(
            "SELECT count(*) FROM notify_codes WHERE login = 'head.energy' AND channel = 'telegram' AND expires_at > city_now()") >= 1);
    }

    [Fact]
    public async Task PushButton_RegistersTheWorker_OnlyWhenAsked_WithThePermissionGranted()
    {
        var page = await ChannelsPage.OpenAsync(fixture, signedInAs: "analyst");
        await page.Page.Context.GrantPermissionsAsync(["notifications"], new() { Origin = fixture.App.BaseUrl });
        Assert.Null(await page.ServiceWorkerAsync());

        await page.PushButton.ClickAsync();

        await Eventually.UntilAsync(async () => (await page.ServiceWorkerAsync())?.EndsWith("/notify-sw.js", StringComparison.Ordinal) == true, 20);
        // No push service from here: the subscription fails and says why; nothing is stored.
        await Assertions.Expect(page.PushMessage).ToContainTextAsync("Не удалось подписаться");
        Assert.Equal(0, await page.Endpoints(page.Push).CountAsync());
        await page.CloseAsync();
    }

    [Fact]
    public async Task PushButton_WithoutThePermission_RegistersNothing()
    {
        var page = await ChannelsPage.OpenAsync(fixture, signedInAs: "operator");

        await page.PushButton.ClickAsync();

        await Assertions.Expect(page.PushButton).ToBeEnabledAsync();
        Assert.Null(await page.ServiceWorkerAsync());
        Assert.Equal(0, await page.Endpoints(page.Push).CountAsync());
        await page.CloseAsync();
    }

    [Fact]
    public async Task ServiceWorker_IsServedFromTheRoot_AllowedByThePolicy_AndAnonymousReadersAreSentToSignIn()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(fixture.App.BaseUrl) };

        using var worker = await http.GetAsync("/notify-sw.js");
        Assert.Equal(HttpStatusCode.OK, worker.StatusCode);
        Assert.Equal("text/javascript", worker.Content.Headers.ContentType?.MediaType);
        Assert.Contains("notificationclick", await worker.Content.ReadAsStringAsync());
        // script-src 'self' (and so worker-src): the worker comes from the panel itself.
        Assert.Contains("script-src 'self'", worker.Headers.GetValues("Content-Security-Policy").Single());

        using var anonymous = await http.GetAsync(ChannelsPage.Path);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/account/signin", anonymous.Headers.Location?.ToString());

        // The confirmation's POST without its antiforgery token changes nothing.
        using var forged = await http.PostAsync("/me/channels/confirm/abc", new FormUrlEncodedContent([new("confirm", "1")]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
    }
}
