using Hangfire;
using Hangfire.PostgreSql;
using Npgsql;
using IKomek.Dashboard.Platform.Access;
using IKomek.Dashboard.Platform.Jobs;

namespace IKomek.Dashboard.Features.Jobs;

public static class JobsFeature
{
    public const string DashboardPath = "/admin/hangfire";

    /// <summary>Hangfire's tables live apart from the city's, in a schema the storage creates and upgrades itself.</summary>
    public const string Schema = "hangfire";

    /// <summary>
    /// Hangfire on the city's PostgreSQL: every <see cref="ScheduledJob"/> a feature registered becomes a recurring
    /// job in Astana time, run once across all nodes that share the database, each run recorded in job_runs.
    /// </summary>
    public static void AddCityScheduler(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(SchedulerOptions.Section).Get<SchedulerOptions>() ?? new SchedulerOptions();
        builder.Services.AddCityScheduler(options);
    }

    /// <summary>The one scheduler configuration, shared by the app and the two-node test.</summary>
    /// <param name="serverName">The node's name in Hangfire's server list and in job_runs; default: host name and process id.</param>
    public static IServiceCollection AddCityScheduler(this IServiceCollection services, SchedulerOptions options, string? serverName = null)
    {
        services.AddSingleton(options);
        services.AddSingleton<JobsQueries>();
        services.AddSingleton<JobRunFilter>();
        services.AddHangfire((sp, cfg) => cfg
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UsePostgreSqlStorage(o => o.UseConnectionFactory(new DataSourceConnectionFactory(sp.GetRequiredService<NpgsqlDataSource>())),
                StorageOptions(options)));
        if (options.Enabled)
        {
            services.AddHostedService(sp => ActivatorUtilities.CreateInstance<CityScheduler>(sp,
                serverName ?? $"{Environment.MachineName}-{Environment.ProcessId}"));
        }
        return services;
    }

    public static PostgreSqlStorageOptions StorageOptions(SchedulerOptions options) => new()
    {
        SchemaName = Schema,
        PrepareSchemaIfNecessary = true,
        // A worker renews its claim on a running job; a killed node's claim runs out and a live node runs the job
        // again (jobs are idempotent). Without sliding, a long run would be taken twice after the timeout.
        UseSlidingInvisibilityTimeout = true,
        InvisibilityTimeout = TimeSpan.FromSeconds(options.RecoverAfterSeconds),
        // "Run now" should start within a second or two, not at the next 15-second poll.
        EnableLongPolling = true,
        QueuePollInterval = TimeSpan.FromSeconds(5),
    };

    /// <summary>Hangfire's own dashboard, for administrators only (see <see cref="AdministratorsOnlyDashboard"/>).</summary>
    public static void MapSchedulerDashboard(this WebApplication app) =>
        app.MapHangfireDashboard(DashboardPath, new DashboardOptions
        {
            Authorization = [new AdministratorsOnlyDashboard()],
            AppPath = "/admin/jobs",
            DashboardTitle = "iKomek · Hangfire",
            DisplayStorageConnectionString = false,
        })
        // Sign-in first: an anonymous visitor goes to the sign-in page and comes back, another role is refused there.
        .RequireAuthorization(p => p.RequireRole(CityRoles.Admin));
}

/// <summary>Hangfire's connections come from the city's one data source (its pool, its credentials).</summary>
internal sealed class DataSourceConnectionFactory(NpgsqlDataSource db) : IConnectionFactory
{
    public NpgsqlConnection GetOrCreateConnection() => db.CreateConnection();
}
