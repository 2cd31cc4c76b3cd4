using IKomek.Dashboard.Platform.Localization;
using IKomek.Dashboard.Platform.City;
using IKomek.Dashboard.Platform.Database;
using IKomek.Dashboard.Features.DemoCity;
using Npgsql;

namespace IKomek.Dashboard.Hosting;

public static class CityDatabaseExtensions
{
    /// <summary>
    /// Starts or connects to PostgreSQL, migrates, seeds the demo city on first start, and registers the
    /// <see cref="NpgsqlDataSource"/>. Program.cs disposes the <see cref="CityDatabase"/> (stopping the app's own
    /// server) once the host has stopped.
    /// </summary>
    public static async Task AddCityDatabaseAsync(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(CityOptions.Section).Get<CityOptions>() ?? new CityOptions();
        // Owned by the CityDatabase from here on: the launcher logs through it again when it stops PostgreSQL.
        var loggerFactory = LoggerFactory.Create(logging => logging.AddConfiguration(builder.Configuration.GetSection("Logging")).AddSimpleConsole(c => c.SingleLine = true));
        var log = loggerFactory.CreateLogger("IKomek.Dashboard.Startup");

        var city = await CityDatabase.OpenAsync(builder.Configuration.GetConnectionString("City"), options, builder.Environment.ContentRootPath, log);
        city.OwnLogging(loggerFactory);
        try
        {
            await city.MigrateAsync(log);
            await DemoCityStartup.SeedIfEmptyAsync(city, options, log);
            if (await CityProfileStore.ReadAsync(city.DataSource) is { } profile)
            {
                // One process serves one city: its dates, days and SLA deadlines in the profile's zone.
                AstanaClock.UseCityZone(profile.Zone);
                CityGeography.UseBounds(profile.Bounds);
                Texts.UseCityName(profile.Name.Ru, profile.Name.Kk, profile.Name.En);
                log.LogInformation("City profile {Code} ({Name}), time zone {Zone}", profile.Code, profile.Name.En, profile.TimeZone);
            }
        }
        catch
        {
            await city.DisposeAsync();
            throw;
        }

        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(city);
        builder.Services.AddSingleton(city.DataSource);
    }
}
