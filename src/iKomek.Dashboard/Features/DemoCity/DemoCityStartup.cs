using IKomek.Dashboard.Platform.Database;
using IKomek.Dashboard.Features.Accounts;

namespace IKomek.Dashboard.Features.DemoCity;

/// <summary>The demo city's part of a start: generate the city on the first start, give demo accounts their passwords.</summary>
public static class DemoCityStartup
{
    /// <summary>Seeds the demo city when the database holds none yet and seeding is wanted (by default on the app's own server).</summary>
    public static async Task SeedIfEmptyAsync(CityDatabase city, CityOptions options, ILogger log, CancellationToken ct = default)
    {
        var seed = options.SeedDemoCity ?? city.Server is not null;
        if (seed && !await city.HasCityAsync(ct))
        {
            log.LogInformation("First start: generating the demo city (scale {Scale}, {Years} years, seed {Seed})...",
                options.DemoScale, options.DemoYears, options.DemoSeed);
            await DemoCityGenerator.SeedAsync(city.DataSource,
                new DemoCityOptions(options.DemoSeed, options.DemoScale, options.DemoYears, Now: options.FixedNow),
                new Progress<string>(message => log.LogInformation("{Progress}", message)), ct);
        }

        // A demo city generated before sign-in existed: its demo accounts get their documented passwords.
        var demoAccounts = await new AccountsQueries(city.DataSource, TimeProvider.System).SetMissingDemoPasswordsAsync(DemoAccounts.Passwords, ct);
        if (demoAccounts > 0) log.LogInformation("Demo accounts given their documented passwords: {Count}", demoAccounts);
    }
}
