using Dapper;
using IKomek.Dashboard.Platform.Localization;
using Npgsql;

namespace IKomek.Dashboard.Features.Ratings.Pages;

/// <summary>A lost point's subject as the desk shows it: a name and the page that opens it.</summary>
public sealed record LostPointSubject(string Label, string Href);

/// <summary>A manager's place and total in an earlier period: the leaderboard's movement.</summary>
public sealed record PreviousStanding(int ManagerId, int? Rank, decimal? TotalPct);

/// <summary>
/// The reads the rating pages need beside <see cref="RatingQueries"/>: which periods are stored, the standings of the
/// period before, and the subjects behind lost points with the addresses their pages answer to (an appeal opens by
/// its registration number, a KPI and a project by their codes).
/// </summary>
public sealed class RatingPageQueries(NpgsqlDataSource db)
{
    /// <summary>The latest stored period of each kind (the current month, quarter and year to date), or none.</summary>
    public async Task<IReadOnlyDictionary<RatingPeriodKind, RatingPeriod>> GetCurrentPeriodsAsync(CancellationToken ct = default)
    {
        const string sql = """
            SELECT DISTINCT ON (period_kind) period_kind AS Kind, period_start::timestamp AS Start, period_end::timestamp AS Finish
            FROM rating_results WHERE is_latest
            ORDER BY period_kind, period_start DESC, period_end DESC
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<(string Kind, DateTime Start, DateTime Finish)>(new CommandDefinition(sql, cancellationToken: ct)))
            .Select(p => new RatingPeriod(RatingCodes.PeriodKind(p.Kind), DateOnly.FromDateTime(p.Start), DateOnly.FromDateTime(p.Finish)))
            .ToDictionary(p => p.Kind);
    }

    /// <summary>
    /// Each manager's standing in the period before <paramref name="period"/>: the previous month or quarter as last
    /// computed; for the year to date, the last computation that ended before this one (the year to the month before).
    /// </summary>
    public async Task<IReadOnlyDictionary<int, PreviousStanding>> GetPreviousAsync(RatingPeriod period, CancellationToken ct = default)
    {
        var (start, end, latestOnly) = period.Kind switch
        {
            RatingPeriodKind.Month => (period.Start.AddMonths(-1), period.Start, true),
            RatingPeriodKind.Quarter => (period.Start.AddMonths(-3), period.Start, true),
            _ => (period.Start, period.End, false),
        };
        const string sql = """
            SELECT DISTINCT ON (manager_id) manager_id AS ManagerId, rank AS Rank, total_pct AS TotalPct
            FROM rating_results
            WHERE period_kind = @kind AND period_start = @start::date
              AND (CASE WHEN @latestOnly THEN is_latest ELSE period_end < @end::date END)
            ORDER BY manager_id, period_end DESC, computed_at DESC, id DESC
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<PreviousStanding>(new CommandDefinition(sql, new
            {
                kind = period.Code, start = start.ToDateTime(TimeOnly.MinValue), end = end.ToDateTime(TimeOnly.MinValue), latestOnly,
            }, cancellationToken: ct)))
            .ToDictionary(p => p.ManagerId);
    }

    /// <summary>The name and address of each lost point's subject; a subject gone since is left out.</summary>
    public async Task<IReadOnlyDictionary<(LostPointKind, long), LostPointSubject>> GetSubjectsAsync(IEnumerable<LostPoint> points, Texts t,
        CancellationToken ct = default)
    {
        var list = points.ToList();
        long[] Ids(params LostPointKind[] kinds) => list.Where(p => kinds.Contains(p.Kind)).Select(p => p.SubjectId).Distinct().ToArray();
        const string sql = """
            SELECT 'appeal' AS Kind, id AS Id, reg_number AS Code, reg_number AS Ru, reg_number AS Kk, reg_number AS En FROM appeals WHERE id = ANY(@appeals)
            UNION ALL
            SELECT 'kpi', id, code, name_ru, name_kk, name_en FROM kpis WHERE id = ANY(@kpis::int[])
            UNION ALL
            SELECT 'project', id, code, name_ru, name_kk, name_en FROM projects WHERE id = ANY(@projects::int[])
            UNION ALL
            SELECT 'problem', id, id::text, title, title, title FROM systemic_problems WHERE id = ANY(@problems)
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = (await conn.QueryAsync<(string Kind, long Id, string Code, string Ru, string Kk, string En)>(new CommandDefinition(sql, new
            {
                appeals = Ids(LostPointKind.OverdueAppeal, LostPointKind.ReopenedAppeal, LostPointKind.MisroutedAppeal),
                kpis = Ids(LostPointKind.LaggingKpi),
                projects = Ids(LostPointKind.LateProject),
                problems = Ids(LostPointKind.OpenProblem),
            }, cancellationToken: ct))).ToDictionary(r => (r.Kind, r.Id));
        var subjects = new Dictionary<(LostPointKind, long), LostPointSubject>();
        foreach (var p in list)
        {
            var kind = KindOf(p.Kind);
            if (!rows.TryGetValue((kind, p.SubjectId), out var r)) continue;
            var name = t.Pick(r.Ru, r.Kk, r.En);
            subjects[(p.Kind, p.SubjectId)] = new LostPointSubject(name, Href(kind, r.Code));
        }
        return subjects;
    }

    private static string KindOf(LostPointKind kind) => kind switch
    {
        LostPointKind.LaggingKpi => "kpi",
        LostPointKind.LateProject => "project",
        LostPointKind.OpenProblem => "problem",
        _ => "appeal",
    };

    private static string Href(string kind, string code) => kind switch
    {
        "kpi" => $"kpis?kpi={Uri.EscapeDataString(code)}",
        "project" => $"projects/{Uri.EscapeDataString(code)}",
        "problem" => $"problems/{code}",
        _ => $"appeals/{Uri.EscapeDataString(code)}",
    };
}
