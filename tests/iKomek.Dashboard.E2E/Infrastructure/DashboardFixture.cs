using IKomek.Dashboard.E2E.Pages;
using IKomek.Dashboard.Features.DemoCity;
using Microsoft.Playwright;
using IKomek.Dashboard.Platform.City;
using IKomek.Dashboard.Platform.Database;

namespace IKomek.Dashboard.E2E.Infrastructure;

/// <summary>
/// One running app (small demo city) and one headless Chromium for all browser tests. Debian's chromium is used:
/// Playwright cannot download its own browser on this network.
/// </summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    public static readonly string ScreenshotFolder = Path.Combine(AppProcess.RepoRoot(), "tests", "iKomek.Dashboard.E2E", "screenshots");

    private IPlaywright? _playwright;

    /// <summary>
    /// The app's clock starts here (City:FixedNow), and the demo city ends here, so no test depends on the day or hour
    /// it runs: a Tuesday afternoon in Astana, far from midnight.
    /// </summary>
    public static readonly DateTimeOffset FixedNow = new(2026, 3, 31, 14, 0, 0, TimeSpan.FromHours(5));

    /// <summary>The argument that puts an app process on <see cref="FixedNow"/>.</summary>
    public static string FixedNowArgument => "--City:FixedNow=" + FixedNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture);

    public AppProcess App { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public string DataFolder { get; } = Path.Combine(Path.GetTempPath(), "ikomek-e2e-" + Guid.NewGuid().ToString("N")[..12]);

    /// <summary>The jobs the app's scheduler leaves out here (see InitializeAsync); another node of this database is started with them too.</summary>
    /// The digests would go out at 08:00 Astana time by the real clock, to whatever subscriptions tests left.
    public static readonly string[] SchedulerSkips =
        ["--City:Scheduler:Skip:0=" + DemoProblemsJob.Id, "--City:Scheduler:Skip:1=" + IKomek.Dashboard.Features.CitySystems.Alerts.AlertSweepJob.Id,
         "--City:Scheduler:Skip:2=" + IKomek.Dashboard.Features.Digests.DigestJob.Daily.Id,
         "--City:Scheduler:Skip:3=" + IKomek.Dashboard.Features.Digests.DigestJob.Weekly.Id,
         "--City:Scheduler:Skip:4=" + IKomek.Dashboard.Features.Digests.DigestJob.Monthly.Id,
         "--City:Scheduler:Skip:5=" + IKomek.Dashboard.Features.Alerts.Channels.TelegramPollJob.Id];

    /// <summary>Where the app's e-mails arrive (the app's Mail section points here).</summary>
    public IKomek.Dashboard.Tests.Infrastructure.SmtpReceiver Mail { get; } = new();

    /// <summary>A bot for the channels' page: its links can be asked for; its Bot API is nowhere (the poll job is skipped
    /// above; Telegram itself is tested against a local Bot API in the unit tests).</summary>
    public static readonly string[] TelegramBot =
        ["--Telegram:BotToken=123456:e2e-token", "--Telegram:BotName=ikomek_e2e_bot", "--Telegram:ApiBaseUrl=http://127.0.0.1:9"];

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(ScreenshotFolder);
        // The scheduler starts at once: the first mining run gives the problem pages their data. The tests stand in for
        // a reverse proxy on 127.0.0.1 (X-Forwarded-For/-Proto), so each can come from addresses of its own.
        // The limits count in the database for the whole run, over tests that do not know of each other: the shared
        // app lifts the per-login export, per-address and default per-key API limits, which tests reach with keys and
        // nodes of their own (Open311RateLimitTests, TwoNodesRateLimitsTests) and in unit tests.
        // The demo city's problem lifecycle would advance mined problems at a moment of its own during the run; the
        // problem tests take the analyst's steps on them (the lifecycle is tested on its own, DemoProblemHistoryTests).
        // Likewise the city systems' minute sweep would judge the panels' own test set by the seed rules at a moment of
        // its own (the sweep is tested in AlertEvaluatorTests; alerts reach the panel here through the change feed).
        App = await AppProcess.StartAsync(DataFolder, ["--City:DemoScale=0.01", "--City:DemoYears=1", "--City:Scheduler:StartDelaySeconds=1",
            "--Network:KnownProxies:0=127.0.0.1", "--City:Exports:PerMinute=1000", "--Open311:RateLimits:PerAddressPerMinute=100000",
            "--Open311:RateLimits:PerKeyPerMinute=100000", .. SchedulerSkips, .. TelegramBot, FixedNowArgument,
            "--Mail:Host=127.0.0.1", $"--Mail:Port={Mail.Port}", "--Mail:Security=None"], TimeSpan.FromMinutes(3));
        _playwright = await Playwright.CreateAsync();
        // The browser tests share two cores with the other test assembly: what a page shows after a round trip to the
        // app is waited for as long as an action is (the 5 s default was missed by a save under load).
        Assertions.SetDefaultExpectTimeout(20_000);
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    /// <summary>
    /// A fresh browser context (own cookies, so its own language) with a page open at <paramref name="path"/>;
    /// signed in first as one of the demo city's accounts (admin, analyst, operator) when <paramref name="signedInAs"/> is given.
    /// </summary>
    public async Task<IPage> OpenAsync(string path, int width = 1920, int height = 1080, string? signedInAs = null)
    {
        var page = await NewPageAsync(width, height);
        if (signedInAs is null)
        {
            await page.GotoAsync(path);
        }
        else
        {
            await page.GotoAsync("account/signin?returnUrl=" + Uri.EscapeDataString(path));
            await new SignInForm(page).SignInAsync(signedInAs, DemoAccounts.Passwords[signedInAs]);
            await page.WaitForURLAsync(url => new Uri(url).PathAndQuery == path);
        }
        await WaitForCircuitAsync(page);
        return page;
    }

    /// <summary>A fresh browser context with an empty page, nothing loaded yet.</summary>
    public async Task<IPage> NewPageAsync(int width = 1920, int height = 1080)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "ru-RU",
            TimezoneId = "Asia/Almaty",
        });
        context.SetDefaultTimeout(20_000);
        return await context.NewPageAsync();
    }

    /// <summary>
    /// Clicks count only once the Blazor circuit is up: the layout marks itself data-interactive=true when it
    /// renders in the circuit (a prerendered page says false). Then wait for the page's data to load.
    /// </summary>
    public static async Task WaitForCircuitAsync(IPage page)
    {
        await page.Locator(".city-layout[data-interactive=true]").WaitForAsync();
        await page.WaitForFunctionAsync("() => !document.querySelector('.mud-progress-circular')");
    }

    /// <summary>The app's own PostgreSQL as another node would reach it (the port its pid file names).</summary>
    public Task<string> DatabaseConnectionStringAsync() => AppPostgres.ConnectionStringAsync(DataFolder);

    /// <summary>A clock that read <see cref="FixedNow"/> when the tests started, as the app's did when it started.</summary>
    public static TimeProvider Clock => CityClock.Create(new CityOptions { FixedNow = FixedNow });

    /// <summary>A data source on the app's database whose SQL clock (city_now()) runs with <see cref="Clock"/>.</summary>
    public async Task<Npgsql.NpgsqlDataSource> OpenDatabaseAsync() =>
        Npgsql.NpgsqlDataSource.Create(CityDatabase.WithCityClock(await DatabaseConnectionStringAsync(), Clock));

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = false });

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (App is not null) await App.DisposeAsync();
        await Mail.DisposeAsync();
        try { Directory.Delete(DataFolder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<DashboardFixture>
{
    public const string Name = "dashboard";
}
