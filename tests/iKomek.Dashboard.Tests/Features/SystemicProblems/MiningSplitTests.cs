using Dapper;
using IKomek.Dashboard.Features.SystemicProblems;
using IKomek.Dashboard.Tests.Infrastructure;

namespace IKomek.Dashboard.Tests.Features.SystemicProblems;

/// <summary>
/// A problem's identity as its appeals regroup, on hand-built appeals: two buildings in opposite corners of one ~600 m
/// cell (about 750 m apart, so each can stand on its own). While neither building recurs enough alone, the cell is
/// the problem; once they do, its appeals fall into two groups and the problem splits.
/// </summary>
public sealed class MiningSplitTests(DemoCityDatabase city) : IClassFixture<DemoCityDatabase>
{
    private const string Type = "sewerage.smell_basement";

    private SystemicMining Mining => new(city.DataSource, TestClock.Create());

    [Fact]
    public async Task AppealsSeparatingIntoTwoQualifyingGroups_SplitTheProblem_TheLargerPartKeepsTheId()
    {
        var (b1, b2) = CornersOfCell(9514, 8337);
        // Neither building recurs in 6 weeks alone; the cell around both does (10 weeks, 25 appeals).
        await AddWeeklyAsync("split-b1", b1, [20, 18, 16, 14, 12], perWeek: 3);
        await AddWeeklyAsync("split-b2", b2, [19, 17, 15, 13, 11], perWeek: 2);
        await Mining.RunAsync(full: true);
        var cell = await ProblemAtAsync(2, b1);
        Assert.NotNull(cell);
        Assert.Equal(25, cell.AppealsCount);
        Assert.Null(await ProblemAtAsync(1, b1));

        // Both buildings go on until each recurs on its own: the cell's appeals now fall into two standing groups.
        await AddWeeklyAsync("split-b1-more", b1, [10, 8, 6], perWeek: 3);
        await AddWeeklyAsync("split-b2-more", b2, [9, 7, 5], perWeek: 2);
        await Mining.RunAsync(full: false);

        var larger = await ProblemAtAsync(1, b1);
        var smaller = await ProblemAtAsync(1, b2);
        Assert.NotNull(larger);
        Assert.NotNull(smaller);
        Assert.Equal(cell.Id, larger.Id);                 // 15 of its appeals are at the first building, 10 at the second
        Assert.True(larger.IsCurrent);
        Assert.Equal(24, larger.AppealsCount);
        Assert.NotEqual(cell.Id, smaller.Id);
        Assert.Equal(cell.Id, smaller.SplitFrom);
        Assert.True(smaller.IsCurrent);
        Assert.Null(await ProblemAtAsync(2, b1));
        Assert.Equal(["identified", "moved", "split"], (await HistoryAsync(cell.Id)).Select(e => e.Kind));
        Assert.Equal(["identified", "split_from"], (await HistoryAsync(smaller.Id)).Select(e => e.Kind));
        Assert.Equal($$"""{"problem" : {{smaller.Id}}, "appeals" : 10, "kept" : 15}""", (await HistoryAsync(cell.Id))[^1].Note);
        Assert.Equal($$"""{"problem" : {{cell.Id}}, "appeals" : 10, "kept" : 15}""", (await HistoryAsync(smaller.Id))[^1].Note);
        Assert.Equal(16, await AppealsOfAsync(smaller.Id));
        // The split is an act of the mining job, in the audit log once with what went where.
        var split = Assert.Single(await AuditRows.AboutAsync(city.DataSource, "problem", cell.Id.ToString()));
        Assert.Equal(("system:systemic-mining", "problem.change", "split", smaller.Id.ToString(), "10", "15"),
            (split.Actor, split.Action, split.Detail("step"), split.Detail("problem"), split.Detail("appeals"), split.Detail("kept")));

        // Nothing new, run after run: no further split, the same ids at the same places.
        await Mining.RunAsync(full: true);
        await Mining.RunAsync(full: false);
        await Mining.RunAsync(full: true);
        Assert.Equal(larger, await ProblemAtAsync(1, b1));
        Assert.Equal(smaller, await ProblemAtAsync(1, b2));
        Assert.Equal(3, (await HistoryAsync(cell.Id)).Count);
        Assert.Equal(2, (await HistoryAsync(smaller.Id)).Count);
        Assert.Single(await AuditRows.AboutAsync(city.DataSource, "problem", cell.Id.ToString()));
    }

    [Fact]
    public async Task BuildingsQualifyingOneRunAfterTheOther_MoveTheProblemFirst_ThenSplitIt()
    {
        var (b1, b2) = CornersOfCell(9530, 8350);
        await AddWeeklyAsync("trickle-b1", b1, [24, 22, 20, 18, 16], perWeek: 3);
        await AddWeeklyAsync("trickle-b2", b2, [23, 21, 19, 17, 15], perWeek: 2);
        await Mining.RunAsync(full: true);
        var cell = await ProblemAtAsync(2, b1);
        Assert.NotNull(cell);

        // The second building recurs on its own first and holds most of the cell: the problem moves to it.
        await AddWeeklyAsync("trickle-b2-more", b2, [13, 11, 9], perWeek: 3);
        await Mining.RunAsync(full: false);
        var moved = await ProblemAtAsync(1, b2);
        Assert.Equal(cell.Id, moved?.Id);
        Assert.Equal(["identified", "moved"], (await HistoryAsync(cell.Id)).Select(e => e.Kind));
        Assert.Equal(0, await ProblemsAtPlaceCountAsync(2, b1));

        // Then the first building recurs too, in a later run: the 15 appeals it held of the cell's problem split off.
        await AddWeeklyAsync("trickle-b1-more", b1, [7, 5, 3], perWeek: 3);
        await Mining.RunAsync(full: false);
        var stayed = await ProblemAtAsync(1, b2);
        var splitOff = await ProblemAtAsync(1, b1);
        Assert.Equal(cell.Id, stayed?.Id);
        Assert.NotNull(splitOff);
        Assert.Equal(cell.Id, splitOff.SplitFrom);
        Assert.Equal($$"""{"problem" : {{splitOff.Id}}, "appeals" : 15, "kept" : 19}""", (await HistoryAsync(cell.Id))[^1].Note);
        Assert.Equal(["identified", "split_from"], (await HistoryAsync(splitOff.Id)).Select(e => e.Kind));
    }

    [Fact]
    public async Task RepeatedRunsOverTheDemoCity_RecordNoSplitOrMove_AndKeepEveryId()
    {
        await Mining.RunAsync(full: true);
        var before = await CurrentIdsAsync();
        await Mining.RunAsync(full: true);
        await Mining.RunAsync(full: false);
        await Mining.RunAsync(full: true);

        Assert.NotEmpty(before);
        Assert.Equal(before, await CurrentIdsAsync());
        await using var conn = await city.DataSource.OpenConnectionAsync();
        Assert.Equal(0, await conn.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM systemic_problem_events WHERE kind IN ('split', 'split_from', 'moved') AND problem_id = ANY(@ids)",
            new { ids = before.Values.ToArray() }));
    }

    private sealed record Placed(long Id, short Level, int AppealsCount, bool IsCurrent, long? SplitFrom);

    private sealed record Event(string Kind, string? Note);

    /// <summary>Two points 6 % and 94 % across the level-2 grid cell (row, column): in different level-3 cells too.</summary>
    private static ((double Lat, double Lon) B1, (double Lat, double Lon) B2) CornersOfCell(int row, int column) =>
        (((row + 0.06) * 0.0054, (column + 0.05) * 0.0086), ((row + 0.94) * 0.0054, (column + 0.95) * 0.0086));

    private Task AddWeeklyAsync(string tag, (double Lat, double Lon) at, int[] weeksAgo, int perWeek) =>
        HandBuiltAppeals.AddAsync(city.DataSource, tag, Type, at.Lat, at.Lon,
            weeksAgo.SelectMany(w => Enumerable.Range(0, perWeek).Select(d => HandBuiltAppeals.WeekStart(w).AddDays(d))));

    /// <summary>The problem keyed by the group of this level around the point.</summary>
    private async Task<Placed?> ProblemAtAsync(short level, (double Lat, double Lon) at)
    {
        await using var conn = await city.DataSource.OpenConnectionAsync();
        return await conn.QuerySingleOrDefaultAsync<Placed>("""
            SELECT p.id AS Id, p.level AS Level, p.appeals_count AS AppealsCount, p.is_current AS IsCurrent, p.split_from AS SplitFrom
            FROM systemic_problems p JOIN service_types st ON st.id = p.service_type_id
            WHERE st.code = @Type AND p.level = @level AND p.place = mining_place(@level, @Lat, @Lon)
            """, new { Type, level, at.Lat, at.Lon });
    }

    private async Task<long> ProblemsAtPlaceCountAsync(short level, (double Lat, double Lon) at)
    {
        await using var conn = await city.DataSource.OpenConnectionAsync();
        return await conn.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM systemic_problems WHERE level = @level AND place = mining_place(@level, @Lat, @Lon)", new { level, at.Lat, at.Lon });
    }

    private async Task<List<Event>> HistoryAsync(long id)
    {
        await using var conn = await city.DataSource.OpenConnectionAsync();
        return (await conn.QueryAsync<Event>("SELECT kind AS Kind, note AS Note FROM systemic_problem_events WHERE problem_id = @id ORDER BY at, id", new { id })).AsList();
    }

    private async Task<long> AppealsOfAsync(long id)
    {
        await using var conn = await city.DataSource.OpenConnectionAsync();
        return await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM appeals WHERE systemic_problem_id = @id", new { id });
    }

    private async Task<Dictionary<(short, int, long), long>> CurrentIdsAsync()
    {
        await using var conn = await city.DataSource.OpenConnectionAsync();
        return (await conn.QueryAsync<(short Level, int Type, long Place, long Id)>(
                "SELECT level, service_type_id, place, id FROM systemic_problems WHERE is_current"))
            .ToDictionary(r => (r.Level, r.Type, r.Place), r => r.Id);
    }
}
