using Dapper;
using IKomek.Dashboard.Features.Administration;
using IKomek.Dashboard.Hosting;
using IKomek.Dashboard.Tests.Infrastructure;
using IKomek.Dashboard.Platform.City;

namespace IKomek.Dashboard.Tests.Features.Administration;

/// <summary>The administration page's snapshot: the queries behind the page, against a small demo city in a real PostgreSQL.</summary>
public sealed class AdministrationQueriesTests(DemoCityDatabase city) : IClassFixture<DemoCityDatabase>
{
    [Fact]
    public async Task Administration_ShowsMigrationsAndTheDemoCity()
    {
        var s = await new AdministrationQueries(city.DataSource).GetSnapshotAsync();

        Assert.StartsWith("PostgreSQL", s.Database.ServerVersion);
        Assert.Contains(s.Migrations, m => m.File == "0001_reference_data.sql");
        Assert.NotNull(s.DemoCity);
        Assert.Equal(DemoCityDatabase.Options.Seed, s.DemoCity.Seed);
        Assert.Contains(s.Tables, t => t.Table == "appeals" && t.Rows > 0);
        Assert.NotEmpty(s.Users);
    }
}
