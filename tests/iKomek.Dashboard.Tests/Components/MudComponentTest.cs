using System.Globalization;
using Bunit;
using IKomek.Dashboard.Platform.Database;
using IKomek.Dashboard.Features.Accounts;

using IKomek.Dashboard.Platform.Localization;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Npgsql;
using IKomek.Dashboard.Platform.Access;
using IKomek.Dashboard.Platform.Changes;
using IKomek.Dashboard.Platform.City;

namespace IKomek.Dashboard.Tests.Components;

/// <summary>
/// A bUnit context for components built on MudBlazor: loose JS interop (MudBlazor calls its own scripts, which a test
/// has no browser for) and asynchronous disposal (some MudBlazor services are only <see cref="IAsyncDisposable"/>,
/// and xunit disposes a test class synchronously).
/// </summary>
public abstract class MudComponentTest : IAsyncLifetime
{
    protected BunitContext Context { get; } = new();

    protected MudComponentTest()
    {
        // The reader's default: Russian texts, ru-KZ numbers (what the app sets for a reader who chose nothing).
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("ru-KZ");
        Context.JSInterop.Mode = JSRuntimeMode.Loose;
        Context.Services.AddMudServices();
        Context.Services.AddScoped<Texts>();
        Context.Services.AddSingleton(TimeProvider.System);
        Context.Services.AddSingleton<ChangeFeed>();
        Context.Services.AddScoped<CityAccess>();
        Context.Services.AddScoped<IKomek.Dashboard.Platform.Audit.ReaderAddress>();
    }

    /// <summary>A reader signed in with the role, or an anonymous reader when <paramref name="role"/> is null.</summary>
    protected void SignIn(string? role)
    {
        var authorization = Context.AddAuthorization();
        if (role is null) return;
        authorization.SetAuthorized(role);
        authorization.SetRoles(role);
    }

    /// <summary>The page's real queries, as the app registers them, on a real database.</summary>
    protected void UseDatabase(NpgsqlDataSource dataSource)
    {
        Context.Services.AddSingleton(dataSource);
        Context.Services.AddSingleton<CityReference>();
        Context.Services.AddSingleton<DeputyScopes>();
        Context.Services.AddSingleton<IKomek.Dashboard.Features.SystemicProblems.SystemicProblemsQueries>();
        Context.Services.AddSingleton<IKomek.Dashboard.Features.Appeals.AppealsQueries>();
        Context.Services.AddSingleton<IKomek.Dashboard.Features.Ratings.RatingQueries>();
        Context.Services.AddSingleton<IKomek.Dashboard.Features.Ratings.Pages.RatingPageQueries>();
        Context.Services.AddSingleton<IKomek.Dashboard.Features.Kpis.KpisQueries>();
        Context.Services.AddSingleton<IKomek.Dashboard.Features.Projects.PortfolioQueries>();
        Context.Services.AddSingleton<IKomek.Dashboard.Features.Import.ImportQueries>();
        Context.Services.AddSingleton<IKomek.Dashboard.Features.Classification.ClassificationQueries>();
        Context.Services.AddSingleton<IKomek.Dashboard.Features.SystemicProblems.ProblemLifecycle>();
        Context.Services.AddSingleton<IKomek.Dashboard.Features.Social.SocialQueries>();
        Context.Services.AddSingleton<IKomek.Dashboard.Platform.City.RoutingTable>();
        Context.Services.AddSingleton<IKomek.Dashboard.Features.Import.AppealImporter>();
        Context.Services.AddSingleton<Microsoft.Extensions.Hosting.IHostApplicationLifetime>(
            new Microsoft.Extensions.Hosting.Internal.ApplicationLifetime(Microsoft.Extensions.Logging.Abstractions.NullLogger<Microsoft.Extensions.Hosting.Internal.ApplicationLifetime>.Instance));
        Context.Services.AddSingleton<IKomek.Dashboard.Features.Import.ImportRuns>(sp => new(dataSource,
            sp.GetRequiredService<Microsoft.Extensions.Hosting.IHostApplicationLifetime>(), Microsoft.Extensions.Logging.Abstractions.NullLogger<IKomek.Dashboard.Features.Import.ImportRuns>.Instance));
    }

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Context.DisposeAsync();
}
