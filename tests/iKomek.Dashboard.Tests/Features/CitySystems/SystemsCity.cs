using IKomek.Dashboard.Tests.Infrastructure;
using Npgsql;

namespace IKomek.Dashboard.Tests.Features.CitySystems;

/// <summary>
/// Class fixture: the small demo city with a known set of the city systems' data written straight into the 0050
/// tables (the intake is another part's): 2,500 cameras (a crowded map), 30 manhole covers with readings, daily roll-ups
/// and alerts (5 of them silent), 40 households of the social map (personal data) and 10 construction objects.
/// </summary>
public sealed class SystemsCity : IAsyncLifetime
{
    public const int Cameras = SystemsData.Cameras, Manholes = SystemsData.Manholes, StaleManholes = SystemsData.StaleManholes,
        Households = SystemsData.Households, Buildings = SystemsData.Buildings;

    private readonly DemoCityDatabase _city = new();

    public NpgsqlDataSource DataSource => _city.DataSource;
    public TimeProvider Clock => _city.Clock;
    public static DateTime NowUtc => TestClock.UtcNow;

    public async Task InitializeAsync()
    {
        await _city.InitializeAsync();
        await using var conn = await DataSource.OpenConnectionAsync();
        await SystemsData.SeedAsync(conn, NowUtc);
    }

    public async Task DisposeAsync() => await _city.DisposeAsync();
}
