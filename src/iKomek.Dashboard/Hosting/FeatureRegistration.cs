using IKomek.Dashboard.Features.Accounts;
using IKomek.Dashboard.Features.Administration;
using IKomek.Dashboard.Features.Alerts;
using IKomek.Dashboard.Features.Alerts.Channels;
using IKomek.Dashboard.Features.Appeals;
using IKomek.Dashboard.Features.Audit;
using IKomek.Dashboard.Features.CityProfiles;
using IKomek.Dashboard.Features.CitySystems;
using IKomek.Dashboard.Features.Classification;
using IKomek.Dashboard.Features.DemoCity;
using IKomek.Dashboard.Features.Digests;
using IKomek.Dashboard.Features.Import;
using IKomek.Dashboard.Features.Intake;
using IKomek.Dashboard.Features.Jobs;
using IKomek.Dashboard.Features.Knowledge;
using IKomek.Dashboard.Features.Kpis;
using IKomek.Dashboard.Features.Live;
using IKomek.Dashboard.Features.Projects;
using IKomek.Dashboard.Features.Projects.Editing;
using IKomek.Dashboard.Features.Ratings;
using IKomek.Dashboard.Features.Social;
using IKomek.Dashboard.Features.SystemicProblems;
using IKomek.Dashboard.Platform.Access;
using IKomek.Dashboard.Platform.Audit;
using IKomek.Dashboard.Platform.Changes;
using IKomek.Dashboard.Platform.City;
using IKomek.Dashboard.Platform.Exports;
using IKomek.Dashboard.Platform.Notify;
using IKomek.Dashboard.Platform.RateLimits;

namespace IKomek.Dashboard.Hosting;

/// <summary>The one list of the panel's features: each registers its own services, jobs and endpoints.</summary>
public static class FeatureRegistration
{
    public static void AddFeatures(this WebApplicationBuilder builder)
    {
        builder.Services
            .AddChangeFeed()
            .AddSingleton<CityReference>()
            .AddSingleton<DeputyScopes>()
            .AddSingleton<AuditLog>()
            .AddReaderAddress()
            .AddNotify()
            .AddSingleton(builder.Configuration.GetSection(ExportOptions.Section).Get<ExportOptions>() ?? new ExportOptions())
            .AddSingleton<RateCounters>()
            .AddSingleton<ExportGate>()
            .AddSingleton<RoutingTable>()
            .AddLive()
            .AddAppeals()
            .AddIntake(builder.Configuration)
            .AddImport()
            .AddClassification()
            .AddSystemicProblems()
            .AddRatings()
            .AddCitySystems(builder.Configuration)
            .AddProjects()
            .AddKpis()
            .AddKnowledge()
            .AddAdministration()
            .AddSocial(builder.Configuration)
            .AddDemoCity()
            .AddDigests(builder.Configuration)
            .AddAudit()
            .AddAlerts()
            .AddAlertChannels()
            .AddCityProfiles();
        builder.AddAccounts();
        builder.AddCityScheduler();
    }

    public static void MapFeatures(this WebApplication app)
    {
        app.MapIntake();
        app.MapLive();
        app.MapAppeals();
        app.MapSystemicProblems();
        app.MapProjects();
        app.MapRatings();
        app.MapCitySystems();
        app.MapSocial();
        app.MapAccounts();
        app.MapAlerts();
        app.MapAlertChannels();
        app.MapSchedulerDashboard();
    }
}
