using IKomek.Dashboard.Platform.Database;
using IKomek.Dashboard.Features.DemoCity;
using IKomek.Dashboard.Features.Classification;
using IKomek.Dashboard.Features.Intake;
using Npgsql;
using IKomek.Dashboard.Platform.City;

namespace IKomek.Dashboard.Tests.Infrastructure;

/// <summary>
/// Class fixture: a database holding a small demo city that ends at <see cref="TestClock.Now"/> (so "today" has data,
/// whatever the day the tests run), generated once per test run and cloned for each test class. Its sessions see the
/// same "now" in SQL (city_now()).
/// </summary>
public sealed class DemoCityDatabase : IAsyncLifetime
{
    /// <summary>Small enough to build in seconds, large enough for every panel to have data.</summary>
    public static readonly DemoCityOptions Options = new(Seed: 109, Scale: 0.01, Years: 1, Now: TestClock.Now);

    public string ConnectionString { get; private set; } = "";
    public NpgsqlDataSource DataSource { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        ConnectionString = CityDatabase.WithCityClock(await TestPostgres.CreateDatabaseFromTemplateAsync("template_demo_city", async ds =>
        {
            await new Migrator(ds, Migrator.DefaultSqlFolder).MigrateAsync();
            await DemoCityGenerator.SeedAsync(ds, Options);
        }), Clock);
        DataSource = NpgsqlDataSource.Create(ConnectionString);
    }

    /// <summary>The clock of this city: the tests' one (<see cref="TestClock"/>).</summary>
    public TimeProvider Clock { get; } = TestClock.Create();

    /// <summary>The one intake path, wired as the app wires it, on this database (with its own reference copy unless given one).</summary>
    public AppealIntake NewIntake(IAppealClassifier? classifier = null, CityReference? reference = null) =>
        new(DataSource, classifier ?? new GivenServiceTypeClassifier(), new RoutingTable(DataSource, Clock), reference ?? new CityReference(DataSource, Clock), Clock);

    public async Task DisposeAsync() => await DataSource.DisposeAsync();
}
