namespace IKomek.Dashboard.Features.CityData;
public sealed class DemoCityGenerator { public static Task<DemoCityResult> SeedAsync(Npgsql.NpgsqlDataSource db, DemoCityOptions options, IProgress<string>? progress = null, CancellationToken ct = default) => Task.FromResult(new DemoCityResult(0,0,TimeSpan.Zero)); }
