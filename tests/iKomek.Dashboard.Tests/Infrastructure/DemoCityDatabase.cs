using IKomek.Dashboard.Data;
using IKomek.Dashboard.Features.CityData;
using IKomek.Dashboard.Features.Classification;
using IKomek.Dashboard.Features.Intake;
using Npgsql;

namespace IKomek.Dashboard.Tests.Infrastructure;

/// <summary>
/// Class fixture: a database holding a small demo city that ends now (so "today" has data), generated once per
/// test run and cloned for each test class.
/// </summary>
public sealed class DemoCityDatabase : IAsyncLifetime
{
    /// <summary>Small enough to build in seconds, large enough for every panel to have data.</summary>
    public static readonly DemoCityOptions Options = new(Seed: 109, Scale: 0.01, Years: 1);

    public string ConnectionString { get; private set; } = "";
    public NpgsqlDataSource DataSource { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        ConnectionString = await TestPostgres.CreateDatabaseFromTemplateAsync("template_demo_city", async ds =>
        {
            await new Migrator(ds, Migrator.DefaultSqlFolder).MigrateAsync();
            await DemoCityGenerator.SeedAsync(ds, Options);
        });
        DataSource = NpgsqlDataSource.Create(ConnectionString);
    }

    /// <summary>The one intake path, wired as the app wires it, on this database.</summary>
    public AppealIntake NewIntake(IAppealClassifier? classifier = null) =>
        new(DataSource, classifier ?? new GivenServiceTypeClassifier(), new RoutingTable(DataSource, TimeProvider.System), TimeProvider.System);

    public async Task DisposeAsync() => await DataSource.DisposeAsync();
}
