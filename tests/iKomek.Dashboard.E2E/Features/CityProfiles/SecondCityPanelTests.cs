using System.Diagnostics;
using System.Globalization;
using Dapper;
using IKomek.Dashboard.E2E.Infrastructure;
using IKomek.Dashboard.E2E.Pages;
using IKomek.Dashboard.Features.DemoCity.OtherCities;
using Microsoft.Playwright;
using Npgsql;

namespace IKomek.Dashboard.E2E.Features.CityProfiles;

/// <summary>
/// The app on a data folder that holds the second city (Bishkek, UTC+6), brought in as an akimat would: the verbs
/// <c>profile apply</c>, <c>import</c> (the profile's mapping) and <c>user-add</c>, then the app started on it. A
/// quarter of a year of history keeps it small (and the mining's pages say the history is short).
/// </summary>
public sealed class SecondCityApp : IAsyncLifetime
{
    public const string Analyst = "bishkek-analyst";
    public const string Password = "Second-city-2026";

    private IPlaywright? _playwright;

    public string DataFolder { get; } = Path.Combine(Path.GetTempPath(), "ikomek-e2e-city2-" + Guid.NewGuid().ToString("N")[..12]);
    public AppProcess App { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var files = ExportCityGenerator.Write(new ExportCityOptions("second", Years: 0.25, Size: 0.5,
            EndDate: DateOnly.FromDateTime(DashboardFixture.FixedNow.DateTime)), Path.Combine(DataFolder, "files"));
        var city = Path.Combine(DataFolder, "city");
        await VerbAsync("profile", "apply", files.Profile, $"--City:DataFolder={city}");
        await VerbAsync("import", files.Export, $"--City:DataFolder={city}", DashboardFixture.FixedNowArgument);
        await VerbAsync("user-add", Analyst, "--role", "analyst", "--password", Password, $"--City:DataFolder={city}");
        // Mined once by the verb, as an analyst would after an import; the app then runs without its scheduler and
        // without training a first model, so that on two cores shared with the other tests its pages answer at once.
        await VerbAsync("mine", "--full", $"--City:DataFolder={city}", DashboardFixture.FixedNowArgument);
        App = await AppProcess.StartAsync(city, ["--City:Scheduler:Enabled=false", "--Classification:TrainOnStart=false", DashboardFixture.FixedNowArgument],
            TimeSpan.FromMinutes(2));
        _playwright = await Playwright.CreateAsync();
        Assertions.SetDefaultExpectTimeout(20_000);
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--no-first-run"],
        });

    }

    private static async Task VerbAsync(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            WorkingDirectory = Path.Combine(AppProcess.RepoRoot(), "src", "iKomek.Dashboard") };
        psi.ArgumentList.Add(AppProcess.AppDll());
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var process = Process.Start(psi)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{string.Join(' ', args)} exited {process.ExitCode}:\n{await output}\n{await error}");
    }

    public async Task<IPage> OpenAsync(string path, bool signedIn)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.BaseUrl, ViewportSize = new ViewportSize { Width = 1920, Height = 1080 }, Locale = "ru-RU", TimezoneId = "Asia/Bishkek",
        });
        context.SetDefaultTimeout(20_000);
        var page = await context.NewPageAsync();
        if (signedIn)
        {
            await page.GotoAsync("account/signin?returnUrl=" + Uri.EscapeDataString(path));
            await new SignInForm(page).SignInAsync(Analyst, Password);
            await page.WaitForURLAsync(url => new Uri(url).PathAndQuery == path);
        }
        else await page.GotoAsync(path);
        await DashboardFixture.WaitForCircuitAsync(page);
        return page;
    }

    public async Task<NpgsqlDataSource> OpenDatabaseAsync() => NpgsqlDataSource.Create(await AppPostgres.ConnectionStringAsync(Path.Combine(DataFolder, "city")));

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (App is not null) await App.DisposeAsync();
        try { Directory.Delete(DataFolder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

public sealed class SecondCityPanelTests(SecondCityApp city) : IClassFixture<SecondCityApp>
{
    private static readonly string[] Districts = ["Ленинский район", "Первомайский район", "Октябрьский район", "Свердловский район"];

    [Fact]
    public async Task LivePanel_ShowsTheSecondCitysDistrictsAndAppeals_NotAstanas()
    {
        var page = await city.OpenAsync(LivePage.Path, signedIn: false);
        var live = await LivePage.ReadyOnAsync(page);
        Assert.True(await live.StatAsync("live-open") > 0, "open appeals");
        await Assertions.Expect(page.GetByText("Ленинский район").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Есильский район")).ToHaveCountAsync(0);
        // The app's clock reads 14:00 in Astana (UTC+5) when it starts: the panel shows Bishkek's 15:xx (UTC+6).
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"Обновлено 15:\d\d"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(DashboardFixture.ScreenshotFolder, "second-city-live.png") });
    }

    [Fact]
    public async Task Explorer_ShowsTheCitysAppealsInItsDistrictsAtItsLocalTimes()
    {
        var page = await city.OpenAsync(AppealsPage.Path, signedIn: true);
        var explorer = await AppealsPage.ReadyOnAsync(page);
        await Assertions.Expect(explorer.Rows.First).ToBeVisibleAsync();
        foreach (var d in await explorer.Districts.AllInnerTextsAsync()) Assert.Contains(d.Trim(), Districts);

        // The first row's time as the export wrote it, in Bishkek's wall time (UTC+6), not Astana's.
        var reg = (await explorer.FirstRegNumber.InnerTextAsync()).Trim();
        await using var db = await city.OpenDatabaseAsync();
        await using var conn = await db.OpenConnectionAsync();
        var local = await conn.ExecuteScalarAsync<string>(
            "SELECT to_char(created_at AT TIME ZONE 'Asia/Bishkek', 'DD.MM.YYYY HH24:MI') FROM appeals WHERE reg_number = @reg", new { reg });
        await Assertions.Expect(explorer.Rows.First).ToContainTextAsync(local!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(DashboardFixture.ScreenshotFolder, "second-city-appeals.png") });
    }

    [Fact]
    public async Task ProblemsPage_SaysTheHistoryIsShorterThanAYear()
    {
        var page = await city.OpenAsync("/problems", signedIn: true);
        var note = page.GetByTestId("mining-history-note");
        await Assertions.Expect(note).ToContainTextAsync("История короче года: сезонность не учитывается");
        await Assertions.Expect(note).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"1[2-4] нед\. истории"));
    }
}
