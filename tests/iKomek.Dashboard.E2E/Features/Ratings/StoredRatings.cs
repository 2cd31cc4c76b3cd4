using Dapper;
using IKomek.Dashboard.E2E.Infrastructure;
using IKomek.Dashboard.Features.Ratings;

namespace IKomek.Dashboard.E2E.Features.Ratings;

/// <summary>
/// The rating pages need a computed rating: the app's rating job computes one at start, and if none is stored yet the
/// tests compute it through the same engine on the app's database (one run at a time: the engine's lock).
/// </summary>
public static class StoredRatings
{
    private static readonly SemaphoreSlim Once = new(1, 1);

    public static async Task EnsureAsync(DashboardFixture fixture)
    {
        await Once.WaitAsync();
        try
        {
            await using var db = await fixture.OpenDatabaseAsync();
            var until = DateTime.UtcNow.AddMinutes(5);
            while (await StoredAsync(db) == 0)
            {
                var run = await new RatingEngine(db, DashboardFixture.Clock).RecomputeAsync("e2e");
                // The job held the lock: it is storing them now.
                if (!run.Ran && DateTime.UtcNow < until) await Task.Delay(1000);
                else if (!run.Ran) throw new TimeoutException("No rating stored within 5 minutes.");
            }
        }
        finally
        {
            Once.Release();
        }
    }

    /// <summary>Even weights again (a new version), and the rating computed with them.</summary>
    public static async Task EvenWeightsAsync(DashboardFixture fixture)
    {
        await using var db = await fixture.OpenDatabaseAsync();
        await new RatingWeightsWriter(db).SetAsync(25, 25, 25, 25, "e2e: back to even", new IKomek.Dashboard.Platform.Audit.Actor("e2e"));
        var until = DateTime.UtcNow.AddMinutes(5);
        while (!(await new RatingEngine(db, DashboardFixture.Clock).RecomputeAsync("e2e")).Ran && DateTime.UtcNow < until) await Task.Delay(1000);
    }

    private static async Task<long> StoredAsync(Npgsql.NpgsqlDataSource db)
    {
        await using var conn = await db.OpenConnectionAsync();
        return await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM rating_results WHERE is_latest AND period_kind = 'month'");
    }
}
