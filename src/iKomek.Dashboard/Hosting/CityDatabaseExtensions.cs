using IKomek.Dashboard.Data;
using Npgsql;

namespace IKomek.Dashboard.Hosting;

public static class CityDatabaseExtensions
{
    /// <summary>
    /// Starts or connects to PostgreSQL, migrates, seeds the demo city on first start, and registers the
    /// <see cref="NpgsqlDataSource"/>. Registered first so that its server stops last.
    /// </summary>
    public static async Task AddCityDatabaseAsync(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(CityOptions.Section).Get<CityOptions>() ?? new CityOptions();
        using var loggerFactory = LoggerFactory.Create(logging => logging.AddConfiguration(builder.Configuration.GetSection("Logging")).AddSimpleConsole(c => c.SingleLine = true));
        var log = loggerFactory.CreateLogger("IKomek.Dashboard.Startup");

        var city = await CityDatabase.OpenAsync(builder.Configuration.GetConnectionString("City"), options, builder.Environment.ContentRootPath, log);
        try
        {
            await city.PrepareAsync(options, log);
        }
        catch
        {
            await city.DisposeAsync();
            throw;
        }

        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(city);
        builder.Services.AddSingleton(city.DataSource);
        builder.Services.AddHostedService<CityDatabaseLifetime>();
    }
}

/// <summary>Stops the app's own PostgreSQL when the host stops (Ctrl+C, SIGTERM).</summary>
internal sealed class CityDatabaseLifetime(CityDatabase city) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken) => await city.DisposeAsync();
}
