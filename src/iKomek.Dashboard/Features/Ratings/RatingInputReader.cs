using Dapper;
using IKomek.Dashboard.Platform.City;
using Npgsql;

namespace IKomek.Dashboard.Features.Ratings;

/// <summary>
/// Reads the formula's inputs for every manager and every period of a year, set-based: one query per kind of input
/// for the whole year (KPI executions, projects and milestones, the daily appeal rollup, open overdue appeals,
/// systemic problems), then the periods are cut in memory. The appeals themselves are not scanned: the rollup
/// (rating_appeal_daily) holds their measures, and only the few worst cases per kind are looked up by index.
/// </summary>
public static class RatingInputReader
{
    /// <summary>Days a confirmed problem may stay unassigned, and an assigned one in work, before it counts against.</summary>
    public const int UnassignedDays = 30, InWorkDays = 90;

    /// <summary>The periods of <paramref name="year"/> computed as of <paramref name="asOf"/>: each month begun, each
    /// quarter begun, and the year to date.</summary>
    public static IReadOnlyList<RatingPeriod> PeriodsOf(int year, DateOnly asOf)
    {
        var lastMonth = asOf.Year > year ? 12 : asOf.Year < year ? 0 : asOf.Month;
        if (lastMonth == 0) return [];
        var periods = Enumerable.Range(1, lastMonth).Select(m => RatingPeriod.Month(year, m)).ToList();
        periods.AddRange(Enumerable.Range(1, (lastMonth + 2) / 3).Select(q => RatingPeriod.Quarter(year, q)));
        periods.Add(RatingPeriod.YearToDate(year, lastMonth));
        return periods;
    }

    public static Task<IReadOnlyDictionary<RatingPeriod, IReadOnlyList<RatingInputs>>> ReadAsync(NpgsqlConnection conn,
        NpgsqlTransaction? tx, IReadOnlyList<RatingPeriod> periods, DateOnly asOf, CancellationToken ct) =>
        ReadAsync(conn, tx, periods, asOf, null, null, ct);

    /// <summary>
    /// As above, the appeal inputs read only for <paramref name="appealDepartments"/> (null: all) and taken for the
    /// other departments' managers from <paramref name="storedAppeals"/> (an incremental run: their appeals did not change).
    /// </summary>
    public static async Task<IReadOnlyDictionary<RatingPeriod, IReadOnlyList<RatingInputs>>> ReadAsync(NpgsqlConnection conn,
        NpgsqlTransaction? tx, IReadOnlyList<RatingPeriod> periods, DateOnly asOf, IReadOnlySet<int>? appealDepartments,
        Func<RatingPeriod, int, AppealInput>? storedAppeals, CancellationToken ct)
    {
        if (periods.Count == 0) return new Dictionary<RatingPeriod, IReadOnlyList<RatingInputs>>();
        if (appealDepartments is not null && storedAppeals is null) throw new ArgumentNullException(nameof(storedAppeals));
        var from = periods.Min(p => p.Start);
        var to = periods.Max(p => p.End);
        var departments = appealDepartments?.Select(d => (short)d).ToArray();
        var args = new
        {
            from = Date(from), to = Date(to), asOf = Date(asOf), starts = periods.Select(p => Date(p.Start)).ToArray(), ends = periods.Select(p => Date(p.End)).ToArray(),
            all = departments is null, departments = departments ?? [],
        };
        CommandDefinition Sql(string sql) => new(sql, args, tx, commandTimeout: 120, cancellationToken: ct);

        var managers = (await conn.QueryAsync<(int Id, int DepartmentId)>(Sql("SELECT id, department_id::int FROM managers ORDER BY id"))).AsList();
        var kpis = (await conn.QueryAsync<(int Id, int DepartmentId, decimal Weight)>(Sql("SELECT id, department_id::int, weight FROM kpis ORDER BY id"))).AsList();
        var executions = (await conn.QueryAsync<(int KpiId, DateTime Start, DateTime End, decimal Pct)>(Sql("""
            SELECT kpi_id, period_start::timestamp, period_end::timestamp, execution_pct FROM v_kpi_execution
            WHERE execution_pct IS NOT NULL AND period_start < @to::date AND period_end > @from::date AND period_start <= @asOf::date
            """))).ToLookup(e => e.KpiId);
        var projects = (await conn.QueryAsync<ProjectRow>(Sql("""
            SELECT id AS Id, department_id::int AS DepartmentId, start_date::timestamp AS StartDate, actual_end_date::timestamp AS ActualEnd,
                   forecast_end_date::timestamp AS ForecastEnd, coalesce(baseline_end_date, planned_end_date)::timestamp AS BaselineEnd,
                   budget_kzt AS Budget, coalesce(baseline_budget_kzt, budget_kzt) AS BaselineBudget, spent_kzt AS Spent
            FROM projects
            WHERE status <> 'planned' AND start_date < @to::date AND start_date <= @asOf::date
              AND (actual_end_date IS NULL OR actual_end_date >= @from::date)
            ORDER BY id
            """))).AsList();
        var milestones = (await conn.QueryAsync<(int ProjectId, DateTime Due, DateTime? Done)>(Sql("""
            SELECT project_id, due_date::timestamp, done_date::timestamp FROM project_milestones WHERE due_date >= @from::date AND due_date < @to::date AND due_date <= @asOf::date
            """))).ToLookup(m => m.ProjectId);
        var daily = (await conn.QueryAsync<DailyRow>(Sql("""
            SELECT department_id::int AS DepartmentId, day::timestamp AS Day, settled AS Settled, on_time AS OnTime, first_contact AS FirstContact,
                   rated AS Rated, satisfaction_sum AS SatisfactionSum, reopened AS Reopened, re_reported AS ReReported,
                   forwarded_away AS ForwardedAway, forwarded_hours AS ForwardedHours
            FROM rating_appeal_daily WHERE day >= @from::date AND day < @to::date AND day <= @asOf::date AND (@all OR department_id = ANY(@departments))
            """))).ToLookup(d => d.DepartmentId);
        // Open past their deadline as of the day read: they count as late answers of the period their deadline fell in.
        var overdue = (await conn.QueryAsync<(long Id, int DepartmentId, DateTime Due)>(Sql("""
            SELECT id, department_id::int, (sla_due_at AT TIME ZONE city_zone())::date::timestamp FROM appeals
            WHERE status NOT IN ('resolved', 'closed') AND sla_due_at < least(city_now(), (@asOf::date + 1)::timestamp AT TIME ZONE city_zone())
              AND sla_due_at >= @from::date::timestamp AT TIME ZONE city_zone() AND (@all OR department_id = ANY(@departments))
            ORDER BY sla_due_at, id
            """))).ToLookup(o => o.DepartmentId);
        var worst = (await conn.QueryAsync<(int Period, int DepartmentId, string Kind, long Id)>(Sql($"""
            SELECT p.i::int, d.id::int, 'late', x.appeal_id
            FROM unnest(@starts::date[], @ends::date[]) WITH ORDINALITY p (s, e, i) CROSS JOIN departments d
            CROSS JOIN LATERAL (SELECT appeal_id FROM rating_appeal_facts f
                                WHERE f.department_id = d.id AND f.settled_on >= p.s AND f.settled_on < p.e AND f.settled_on <= @asOf::date AND NOT f.on_time
                                ORDER BY f.settled_on DESC, f.appeal_id DESC LIMIT {RatingFormula.AppealItemsPerKind}) x
            WHERE @all OR d.id = ANY(@departments)
            UNION ALL
            SELECT p.i::int, d.id::int, 'reopened', x.appeal_id
            FROM unnest(@starts::date[], @ends::date[]) WITH ORDINALITY p (s, e, i) CROSS JOIN departments d
            CROSS JOIN LATERAL (SELECT appeal_id FROM rating_appeal_facts f
                                WHERE f.department_id = d.id AND f.settled_on >= p.s AND f.settled_on < p.e AND f.settled_on <= @asOf::date
                                  AND (f.reopened OR f.re_reported_by IS NOT NULL)
                                ORDER BY f.settled_on DESC, f.appeal_id DESC LIMIT {RatingFormula.AppealItemsPerKind}) x
            WHERE @all OR d.id = ANY(@departments)
            UNION ALL
            SELECT p.i::int, d.id::int, 'misrouted', x.appeal_id
            FROM unnest(@starts::date[], @ends::date[]) WITH ORDINALITY p (s, e, i) CROSS JOIN departments d
            CROSS JOIN LATERAL (SELECT appeal_id FROM rating_misrouting m
                                WHERE m.department_id = d.id AND m.forwarded_on >= p.s AND m.forwarded_on < p.e AND m.forwarded_on <= @asOf::date
                                ORDER BY m.held_hours DESC, m.appeal_id DESC LIMIT {RatingFormula.AppealItemsPerKind}) x
            WHERE @all OR d.id = ANY(@departments)
            """))).ToLookup(w => (w.Period, w.DepartmentId, w.Kind), w => w.Id);
        var problems = (await conn.QueryAsync<ProblemRow>(Sql("""
            SELECT p.id AS Id, coalesce(p.department_id, st.department_id)::int AS DepartmentId, p.status AS Status, p.score AS Score,
                   p.identified_at AS IdentifiedAt,
                   coalesce((SELECT max(e.at) FROM systemic_problem_events e WHERE e.problem_id = p.id AND e.kind = p.status), p.identified_at) AS StatusSince
            FROM systemic_problems p
            LEFT JOIN service_types st ON st.id = p.service_type_id
            WHERE p.merged_into IS NULL AND p.status NOT IN ('identified', 'dismissed')
              AND coalesce(p.department_id, st.department_id) IS NOT NULL
              AND p.identified_at < @to::date::timestamp AT TIME ZONE city_zone()
            ORDER BY p.id
            """))).ToLookup(p => p.DepartmentId);

        var result = new Dictionary<RatingPeriod, IReadOnlyList<RatingInputs>>();
        for (var i = 0; i < periods.Count; i++)
        {
            var period = periods[i];
            var index = i + 1;
            var end = Min(period.End, asOf.AddDays(1));
            result[period] = managers.Select(m => new RatingInputs(m.Id, m.DepartmentId,
                KpisOf(kpis.Where(k => k.DepartmentId == m.DepartmentId), executions, period),
                ProjectsOf(projects.Where(p => p.DepartmentId == m.DepartmentId), milestones, period, end),
                appealDepartments is null || appealDepartments.Contains(m.DepartmentId)
                    ? AppealsOf(daily[m.DepartmentId], overdue[m.DepartmentId], period, id => worst[(index, m.DepartmentId, id)])
                    : storedAppeals!(period, m.Id),
                ProblemsOf(problems[m.DepartmentId], period, end))).ToList();
        }
        return result;
    }

    private static List<KpiInput> KpisOf(IEnumerable<(int Id, int DepartmentId, decimal Weight)> kpis,
        ILookup<int, (int KpiId, DateTime Start, DateTime End, decimal Pct)> executions, RatingPeriod period) =>
        kpis.Select(k =>
        {
            var overlapping = executions[k.Id].Where(e => Day(e.Start) < period.End && Day(e.End) > period.Start).ToList();
            return new KpiInput(k.Id, k.Weight, overlapping.Count == 0 ? null : Math.Round(overlapping.Average(e => e.Pct), 2));
        }).ToList();

    private static List<ProjectInput> ProjectsOf(IEnumerable<ProjectRow> projects, ILookup<int, (int ProjectId, DateTime Due, DateTime? Done)> milestones,
        RatingPeriod period, DateOnly end) =>
        projects.Where(p => Day(p.StartDate) < end && (p.ActualEnd is null || Day(p.ActualEnd.Value) >= period.Start))
            .Select(p =>
            {
                var due = milestones[p.Id].Where(m => Day(m.Due) >= period.Start && Day(m.Due) < end).ToList();
                var finish = p.ActualEnd ?? p.ForecastEnd;
                return new ProjectInput(p.Id, p.Budget, finish <= p.BaselineEnd, p.Budget <= p.BaselineBudget && p.Spent <= p.Budget,
                    due.Count, due.Count(m => m.Done is { } done && done <= m.Due));
            }).ToList();

    private static AppealInput AppealsOf(IEnumerable<DailyRow> daily, IEnumerable<(long Id, int DepartmentId, DateTime Due)> overdue,
        RatingPeriod period, Func<string, IEnumerable<long>> worst)
    {
        var days = daily.Where(d => Day(d.Day) >= period.Start && Day(d.Day) < period.End).ToList();
        var open = overdue.Where(o => Day(o.Due) >= period.Start && Day(o.Due) < period.End).ToList();
        var overdueIds = open.Select(o => o.Id).Concat(worst("late")).Take(RatingFormula.AppealItemsPerKind).ToList();
        return new AppealInput(days.Sum(d => d.Settled), days.Sum(d => d.OnTime), days.Sum(d => d.FirstContact), days.Sum(d => d.Rated),
            days.Sum(d => d.SatisfactionSum), days.Sum(d => d.Reopened), days.Sum(d => d.ReReported), days.Sum(d => d.ForwardedAway),
            days.Sum(d => d.ForwardedHours), open.Count, overdueIds, worst("reopened").ToList(), worst("misrouted").ToList());
    }

    /// <summary>
    /// The area's problems known by the period's end: open ones by how long they have stayed in their state at that
    /// day; worked-out and verified ones when that happened in the period's year before its end (an old success does
    /// not carry the department for ever).
    /// </summary>
    private static List<ProblemInput> ProblemsOf(IEnumerable<ProblemRow> problems, RatingPeriod period, DateOnly end)
    {
        var yearStart = new DateOnly(period.Start.Year, 1, 1);
        var list = new List<ProblemInput>();
        foreach (var p in problems)
        {
            if (AstanaDay(p.IdentifiedAt) >= end) continue;
            var since = AstanaDay(p.StatusSince);
            var days = end.DayNumber - 1 - since.DayNumber;
            ProblemState? state = p.Status switch
            {
                "verified" or "worked_out" when since < yearStart || since >= end => null,
                "verified" => ProblemState.Verified,
                "worked_out" => ProblemState.WorkedOut,
                "confirmed" or "reopened" => days > UnassignedDays ? ProblemState.Overdue : ProblemState.Pending,
                _ => days > InWorkDays ? ProblemState.Overdue : ProblemState.Pending,
            };
            if (state is { } s) list.Add(new ProblemInput(p.Id, p.Score, s));
        }
        return list;
    }

    private static DateTime Date(DateOnly day) => day.ToDateTime(TimeOnly.MinValue);

    private static DateOnly Day(DateTime date) => DateOnly.FromDateTime(date);

    private static DateOnly AstanaDay(DateTime utc) => DateOnly.FromDateTime(AstanaClock.ToLocal(utc).DateTime);

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private sealed record ProjectRow(int Id, int DepartmentId, DateTime StartDate, DateTime? ActualEnd, DateTime ForecastEnd,
        DateTime BaselineEnd, decimal Budget, decimal BaselineBudget, decimal Spent);

    private sealed record DailyRow(int DepartmentId, DateTime Day, int Settled, int OnTime, int FirstContact, int Rated,
        int SatisfactionSum, int Reopened, int ReReported, int ForwardedAway, decimal ForwardedHours);

    private sealed record ProblemRow(long Id, int DepartmentId, string Status, decimal Score, DateTime IdentifiedAt, DateTime StatusSince);
}
