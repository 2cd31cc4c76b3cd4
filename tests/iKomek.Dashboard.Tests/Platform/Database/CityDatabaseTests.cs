using Dapper;
using IKomek.Dashboard.Platform.Database;
using IKomek.Dashboard.Features.DemoCity;
using IKomek.Dashboard.Hosting;
using IKomek.Dashboard.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace IKomek.Dashboard.Tests.Platform.Database;

/// <summary>Choosing the server: an external connection string is used as given and nothing is started.</summary>
public sealed class CityDatabaseTests
{
    [Fact]
    public async Task Open_ExternalConnectionString_UsesThatServerAndCreatesTheDatabase()
    {
        var server = await TestPostgres.GetServerAsync();
        var name = "ext_" + Guid.NewGuid().ToString("N")[..12];
        var options = new CityOptions { SeedDemoCity = false };

        await using var city = await CityDatabase.OpenAsync(server.ConnectionString(name), options, AppContext.BaseDirectory, NullLogger.Instance);
        await city.MigrateAsync(NullLogger.Instance);
        await DemoCityStartup.SeedIfEmptyAsync(city, options, NullLogger.Instance);

        Assert.Null(city.Server);
        await using var conn = await city.DataSource.OpenConnectionAsync();
        Assert.Equal(name, await conn.ExecuteScalarAsync<string>("SELECT current_database()"));
        Assert.True(await conn.ExecuteScalarAsync<bool>("SELECT to_regclass('appeals') IS NOT NULL"));
        Assert.False(await city.HasCityAsync());
        // Panels read rollups: compiling their plans would cost more than running them.
        Assert.Equal("off", await conn.ExecuteScalarAsync<string>("SHOW jit"));
    }

    [Fact]
    public async Task Open_UnreachableServer_FailsWithAClearMessage()
    {
        var options = new CityOptions();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            CityDatabase.OpenAsync("Host=127.0.0.1;Port=1;Username=postgres;Database=x;Timeout=2", options, AppContext.BaseDirectory, NullLogger.Instance));

        Assert.Contains("Cannot reach PostgreSQL at 127.0.0.1:1", error.Message);
        Assert.Contains("ConnectionStrings:City", error.Message);
    }

    [Fact]
    public void ResolveDataFolder_InsideTheRepository_IsDotDataAtItsRoot()
    {
        var options = new CityOptions();
        var folder = options.ResolveDataFolder(AppContext.BaseDirectory);

        Assert.EndsWith(".data", folder);
        Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(folder)!, "iKomek.Dashboard.sln")));
    }

    [Fact]
    public void FindBinFolder_OnThisMachine_FindsInitdbAndPgCtl()
    {
        var bin = PostgresBinaries.FindBinFolder();

        Assert.NotNull(bin);
        Assert.True(File.Exists(Path.Combine(bin, "initdb")));
        Assert.True(File.Exists(Path.Combine(bin, "pg_ctl")));
    }

    [Fact]
    public async Task Open_NoConnectionString_StartsOwnServerInTheDataFolder()
    {
        var dataFolder = Path.Combine(Path.GetTempPath(), "ikomek-own-" + Guid.NewGuid().ToString("N")[..12]);
        var options = new CityOptions { DataFolder = dataFolder, SeedDemoCity = false };
        try
        {
            await using (var city = await CityDatabase.OpenAsync(null, options, AppContext.BaseDirectory, NullLogger.Instance))
            {
                Assert.NotNull(city.Server);
                await using var conn = await city.DataSource.OpenConnectionAsync();
                Assert.Equal("ikomek", await conn.ExecuteScalarAsync<string>("SELECT current_database()"));
            }
            Assert.False(File.Exists(Path.Combine(dataFolder, "pg", "data", "postmaster.pid")));
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            Directory.Delete(dataFolder, recursive: true);
        }
    }
}
