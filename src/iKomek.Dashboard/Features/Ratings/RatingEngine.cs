using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dapper;
using Npgsql;

namespace IKomek.Dashboard.Features.Ratings;

/// <summary>What a run did; <paramref name="AppealDepartments"/>: the departments whose appeal inputs it read (null: all).</summary>
public sealed record RatingRun(string Kind, bool Ran, int AppealsTouched, int Computed, int Stored, long ToChangeId,
    IReadOnlySet<int>? AppealDepartments = null);

/// <summary>
/// Computes and stores the managers' rating. An incremental run follows the change feed from where the last run
/// stopped: the appeals it names get their facts refreshed (rating_refresh_appeals); then only the appeal inputs of
/// the departments a change touched are read again (the refreshed appeals' departments, before and after, and those
/// with an open appeal whose deadline has passed since), the other departments' appeal inputs are taken from their
/// stored results, the KPI, project and problem inputs (a few hundred rows) are read whole, and only the periods whose
/// inputs changed are computed and stored. A run on another day, with other weights or another formula computes the
/// whole year, as a full run does after rebuilding the appeal facts from all appeals. Both end in the same stored
/// numbers. One run at a time, across nodes too: a transaction-level advisory lock, and the whole run (cursor, facts,
/// results) in one transaction.
/// </summary>
public sealed class RatingEngine(NpgsqlDataSource db, TimeProvider time)
{
    /// <summary>The advisory lock's key (pg_try_advisory_xact_lock): "rating" in ASCII.</summary>
    private const long LockKey = 0x726174696E67;

    /// <summary>Past this many changed appeals in one go (an import), a rebuild is cheaper than a refresh.</summary>
    private const int RefreshLimit = 200_000;

    public Task<RatingRun> UpdateAsync(string actor, CancellationToken ct = default) => RunAsync(full: false, actor, ct);

    public Task<RatingRun> RecomputeAsync(string actor, CancellationToken ct = default) => RunAsync(full: true, actor, ct);

    private async Task<RatingRun> RunAsync(bool full, string actor, CancellationToken ct)
    {
        var kind = full ? "full" : "incremental";
        var started = time.GetUtcNow();
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        Task<T> Scalar<T>(string sql, object? args = null) =>
            conn.ExecuteScalarAsync<T>(new CommandDefinition(sql, args, tx, commandTimeout: 600, cancellationToken: ct))!;

        if (!await Scalar<bool>("SELECT pg_try_advisory_xact_lock(@LockKey)", new { LockKey })) return new RatingRun(kind, false, 0, 0, 0, 0);
        var (cursor, everFull) = await conn.QuerySingleAsync<(long, bool)>(new CommandDefinition(
            "SELECT change_id, last_full_at IS NOT NULL FROM rating_state WHERE id = 1 FOR UPDATE", transaction: tx, cancellationToken: ct));
        // The first run of a database builds the facts from every appeal: the feed may not reach back to all of them.
        full |= !everFull;
        kind = full ? "full" : "incremental";
        var last = await Scalar<long>("SELECT coalesce(max(id), 0) FROM appeal_changes");
        var changes = (await conn.QueryAsync<(string Kind, long FirstId, long LastId)>(new CommandDefinition(
            "SELECT kind, first_id, last_id FROM appeal_changes WHERE id > @cursor AND id <= @last ORDER BY id",
            new { cursor, last }, tx, cancellationToken: ct))).AsList();
        // Only the rating's own changes since the last run, and nothing else moved under it (the weights, the formula,
        // the day: a new day moves the periods and the deadlines): nothing to compute.
        if (!full && changes.All(c => c.Kind == "ratings") && await Scalar<bool>("""
                SELECT coalesce(s.weights_version = (SELECT max(version) FROM rating_weights) AND s.formula_version = @formula
                                AND s.as_of = city_today(), false)
                FROM rating_state s WHERE s.id = 1
                """, new { formula = RatingFormula.Version }))
        {
            if (last != cursor) await conn.ExecuteAsync(new CommandDefinition("UPDATE rating_state SET change_id = @last WHERE id = 1", new { last }, tx, cancellationToken: ct));
            await tx.CommitAsync(ct);
            return new RatingRun(kind, true, 0, 0, 0, last, new HashSet<int>());
        }

        var ranges = changes.Where(c => c.Kind is "insert" or "update").Select(c => (c.FirstId, c.LastId)).ToList();
        var span = ranges.Sum(r => r.LastId - r.FirstId + 1);
        var rebuilt = full || span > RefreshLimit;
        var rangeArgs = new { firsts = ranges.Select(r => r.FirstId).ToArray(), lasts = ranges.Select(r => r.LastId).ToArray() };
        int touched;
        if (rebuilt) touched = await Scalar<int>("SELECT rating_rebuild_appeals()");
        else if (ranges.Count == 0) touched = 0;
        else touched = await Scalar<int>("SELECT rating_refresh_appeals(ARRAY(SELECT a.id FROM appeals a JOIN unnest(@firsts, @lasts) r (f, l) ON a.id BETWEEN r.f AND r.l))", rangeArgs);

        var (today, deadlinesAt) = await conn.QuerySingleAsync<(DateTime, DateTime)>(new CommandDefinition(
            "SELECT city_today()::timestamp, city_now()", transaction: tx, cancellationToken: ct));
        var asOf = DateOnly.FromDateTime(today);
        var weights = await RatingQueries.CurrentWeightsAsync(conn, tx, ct);
        var periods = RatingInputReader.PeriodsOf(asOf.Year, asOf);
        var scope = rebuilt ? null : await RatingScope.ReadAsync(conn, tx, changes.Select(c => c.Kind), ranges.Count > 0, rangeArgs, asOf, weights.Version, periods, ct);
        var inputs = scope is null
            ? await RatingInputReader.ReadAsync(conn, tx, periods, asOf, ct)
            : await RatingInputReader.ReadAsync(conn, tx, periods, asOf, scope.AppealDepartments, scope.StoredAppeals, ct);
        if (scope is not null) inputs = scope.Changed(inputs);
        var computed = inputs.ToDictionary(p => p.Key, p => RatingFormula.Compute(p.Value, weights));
        var stored = await RatingStore.SaveAsync(conn, tx, kind, started, time.GetUtcNow(), asOf, weights, last, touched, actor, inputs, computed, ct);
        await conn.ExecuteAsync(new CommandDefinition($"""
            UPDATE rating_state SET change_id = @last, last_run_at = @now{(full ? ", last_full_at = @now" : "")}, as_of = @asOf::date,
                weights_version = @weights, formula_version = @formula, deadlines_at = @deadlinesAt
            WHERE id = 1
            """, new { last, now = time.GetUtcNow(), asOf = asOf.ToDateTime(TimeOnly.MinValue), weights = weights.Version, formula = RatingFormula.Version, deadlinesAt },
            tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return new RatingRun(kind, true, touched, computed.Sum(c => c.Value.Count), stored, last, scope?.AppealDepartments);
    }
}

/// <summary>
/// What an incremental run needs to recompute, when it need not compute the whole year: the departments whose appeal
/// inputs changed, the stored appeal inputs of the others, and the stored inputs, to keep only the periods where some
/// manager's inputs changed. Null (the whole year) after a day began, a weights or formula change, a change
/// the run cannot place (reference data), or where a stored result is missing.
/// </summary>
internal sealed class RatingScope(IReadOnlySet<int> appealDepartments,
    Dictionary<(string Kind, DateOnly Start, int ManagerId), (string Json, RatingInputs Inputs)> stored)
{
    /// <summary>The feed's kinds an incremental run places: appeals by their departments; KPIs, projects and problems
    /// are read whole and compared with the stored inputs; its own runs and weights changes (versions compared).</summary>
    private static readonly HashSet<string> Placed = ["insert", "update", "kpis", "projects", "problems", "ratings"];

    public IReadOnlySet<int> AppealDepartments => appealDepartments;

    /// <summary>The latest stored inputs of a period and manager (as the run would write them, <c>Json</c>).</summary>
    private (string Json, RatingInputs Inputs) Stored(RatingPeriod period, int managerId) => stored[(period.Code, period.Start, managerId)];

    public AppealInput StoredAppeals(RatingPeriod period, int managerId) => Stored(period, managerId).Inputs.Appeals;

    public static async Task<RatingScope?> ReadAsync(NpgsqlConnection conn, NpgsqlTransaction tx, IEnumerable<string> kinds, bool appealsChanged,
        object rangeArgs, DateOnly asOf, int weightsVersion, IReadOnlyList<RatingPeriod> periods, CancellationToken ct)
    {
        if (periods.Count == 0 || !kinds.All(Placed.Contains)) return null;
        var state = await conn.QuerySingleAsync<(DateTime? AsOf, int? Weights, int? Formula, DateTime? DeadlinesAt)>(new CommandDefinition(
            "SELECT as_of::timestamp, weights_version, formula_version, deadlines_at FROM rating_state WHERE id = 1", transaction: tx, cancellationToken: ct));
        if (state.AsOf is not { } lastAsOf || DateOnly.FromDateTime(lastAsOf) != asOf || state.Weights != weightsVersion
            || state.Formula != RatingFormula.Version || state.DeadlinesAt is not { } deadlinesAt) return null;

        var yearStart = periods.Min(p => p.Start).ToDateTime(TimeOnly.MinValue);
        var stored = (await conn.QueryAsync<(string Kind, DateTime Start, int ManagerId, string Inputs)>(new CommandDefinition(
                "SELECT period_kind, period_start::timestamp, manager_id, inputs::text FROM rating_results WHERE is_latest AND period_start >= @yearStart::date",
                new { yearStart }, tx, cancellationToken: ct)))
            .ToDictionary(r => (r.Kind, DateOnly.FromDateTime(r.Start), r.ManagerId), r =>
            {
                var inputs = RatingInputsJson.Read(r.Inputs);
                return (RatingInputsJson.Write(inputs), inputs);
            });
        var managers = (await conn.QueryAsync<int>(new CommandDefinition("SELECT id FROM managers", transaction: tx, cancellationToken: ct))).AsList();
        if (periods.Any(p => managers.Any(m => !stored.ContainsKey((p.Code, p.Start, m))))) return null;

        // The refreshed appeals' days (rating_refresh_appeals leaves them), every department those appeals have been
        // with (their open deadlines move with them), and the departments of open appeals fallen overdue since.
        const string refreshed = """
            SELECT department_id FROM rating_touched
            UNION SELECT a.department_id FROM appeals a JOIN unnest(@firsts, @lasts) r (f, l) ON a.id BETWEEN r.f AND r.l
            UNION SELECT e.department_id FROM appeal_events e JOIN unnest(@firsts, @lasts) r (f, l) ON e.appeal_id BETWEEN r.f AND r.l
            WHERE e.department_id IS NOT NULL
            UNION
            """;
        const string fallenOverdue = """
            SELECT department_id FROM appeals
            WHERE status NOT IN ('resolved', 'closed') AND sla_due_at >= @deadlinesAt AND sla_due_at <= city_now()
            """;
        var args = new DynamicParameters(rangeArgs);
        args.Add("deadlinesAt", deadlinesAt);
        var departments = (await conn.QueryAsync<int>(new CommandDefinition((appealsChanged ? refreshed + "\n" : "") + fallenOverdue, args, tx,
            cancellationToken: ct))).ToHashSet();
        return new RatingScope(departments, stored);
    }

    /// <summary>Only the periods where some manager's inputs differ from the stored ones (their results may change,
    /// ranks with them); a period where none does would store nothing.</summary>
    public IReadOnlyDictionary<RatingPeriod, IReadOnlyList<RatingInputs>> Changed(IReadOnlyDictionary<RatingPeriod, IReadOnlyList<RatingInputs>> inputs) =>
        inputs.Where(p => p.Value.Any(i => RatingInputsJson.Write(i) != Stored(p.Key, i.ManagerId).Json))
            .ToDictionary(p => p.Key, p => p.Value);
}

/// <summary>Stores a run's results: a new row only where a manager's period changed (its inputs, its numbers, the
/// weights' or the formula's version); the row it replaces stays as history.</summary>
internal static class RatingStore
{
    public static async Task<int> SaveAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string kind, DateTimeOffset started,
        DateTimeOffset finished, DateOnly asOf, RatingWeights weights, long toChangeId, int touched, string actor,
        IReadOnlyDictionary<RatingPeriod, IReadOnlyList<RatingInputs>> inputs,
        IReadOnlyDictionary<RatingPeriod, IReadOnlyList<ComputedRating>> computed, CancellationToken ct)
    {
        var latest = (await conn.QueryAsync<(string Kind, DateTime Start, int ManagerId, string Hash)>(new CommandDefinition(
                "SELECT period_kind, period_start::timestamp, manager_id, inputs_hash FROM rating_results WHERE is_latest", transaction: tx, cancellationToken: ct)))
            .ToDictionary(r => (r.Kind, DateOnly.FromDateTime(r.Start), r.ManagerId), r => r.Hash);
        var rows = new List<(RatingPeriod Period, RatingInputs Inputs, ComputedRating Rating, string Json, string Hash)>();
        foreach (var (period, ratings) in computed)
        {
            var byManager = inputs[period].ToDictionary(i => i.ManagerId);
            foreach (var rating in ratings)
            {
                var json = RatingInputsJson.Write(byManager[rating.ManagerId]);
                var hash = Hash(json, rating, weights.Version);
                if (latest.GetValueOrDefault((period.Code, period.Start, rating.ManagerId)) != hash) rows.Add((period, byManager[rating.ManagerId], rating, json, hash));
            }
        }
        if (rows.Count == 0) return 0;

        var runId = await conn.ExecuteScalarAsync<long>(new CommandDefinition("""
            INSERT INTO rating_runs (kind, started_at, finished_at, formula_version, weights_version, to_change_id, appeals_touched, results_stored, actor)
            VALUES (@kind, @started, @finished, @formula, @weights, @toChangeId, @touched, @stored, @actor) RETURNING id
            """, new { kind, started, finished, formula = RatingFormula.Version, weights = weights.Version, toChangeId, touched, stored = rows.Count, actor },
            tx, cancellationToken: ct));
        await conn.ExecuteAsync(new CommandDefinition("""
            UPDATE rating_results r SET is_latest = false
            FROM unnest(@kinds, @starts, @managers) k (kind, start, manager)
            WHERE r.is_latest AND r.period_kind = k.kind AND r.period_start = k.start::date AND r.manager_id = k.manager
            """, new
        {
            kinds = rows.Select(r => r.Period.Code).ToArray(),
            starts = rows.Select(r => r.Period.Start.ToDateTime(TimeOnly.MinValue)).ToArray(),
            managers = rows.Select(r => r.Rating.ManagerId).ToArray(),
        }, tx, cancellationToken: ct));
        var ids = (await conn.QueryAsync<long>(new CommandDefinition("""
            INSERT INTO rating_results (run_id, manager_id, department_id, period_kind, period_start, period_end, as_of, computed_at,
                formula_version, weights_version, total_pct, total_low, total_high, low_volume, rank, appeals_settled, fcr_pct,
                satisfaction_avg, misrouted_pct, forwarding_hours, inputs, inputs_hash)
            SELECT @runId, u.manager, u.department, u.kind, u.start::date, u.finish::date, @asOf::date, @finished, @formula, @weights, u.total, u.low,
                   u.high, u.low_volume, u.rank, u.settled, u.fcr, u.satisfaction, u.misrouted, u.forwarding, u.inputs::jsonb, u.hash
            FROM unnest(@managers, @departments, @kinds, @starts, @finishes, @totals, @lows, @highs, @lowVolumes, @ranks, @settled,
                        @fcrs, @satisfactions, @misrouted, @forwarding, @inputs, @hashes)
                 WITH ORDINALITY u (manager, department, kind, start, finish, total, low, high, low_volume, rank, settled, fcr,
                        satisfaction, misrouted, forwarding, inputs, hash, n)
            ORDER BY u.n
            RETURNING id
            """, new
        {
            runId, asOf = asOf.ToDateTime(TimeOnly.MinValue), finished, formula = RatingFormula.Version, weights = weights.Version,
            managers = rows.Select(r => r.Rating.ManagerId).ToArray(),
            departments = rows.Select(r => (short)r.Rating.DepartmentId).ToArray(),
            kinds = rows.Select(r => r.Period.Code).ToArray(),
            starts = rows.Select(r => r.Period.Start.ToDateTime(TimeOnly.MinValue)).ToArray(),
            finishes = rows.Select(r => r.Period.End.ToDateTime(TimeOnly.MinValue)).ToArray(),
            totals = rows.Select(r => r.Rating.TotalPct).ToArray(),
            lows = rows.Select(r => r.Rating.TotalLow).ToArray(),
            highs = rows.Select(r => r.Rating.TotalHigh).ToArray(),
            lowVolumes = rows.Select(r => r.Rating.LowVolume).ToArray(),
            ranks = rows.Select(r => r.Rating.Rank).ToArray(),
            settled = rows.Select(r => r.Rating.AppealsSettled).ToArray(),
            fcrs = rows.Select(r => r.Rating.FcrPct).ToArray(),
            satisfactions = rows.Select(r => r.Rating.SatisfactionAvg).ToArray(),
            misrouted = rows.Select(r => r.Rating.MisroutedPct).ToArray(),
            forwarding = rows.Select(r => r.Rating.ForwardingHours).ToArray(),
            inputs = rows.Select(r => r.Json).ToArray(),
            hashes = rows.Select(r => r.Hash).ToArray(),
        }, tx, cancellationToken: ct))).AsList();

        var indicators = rows.Zip(ids).SelectMany(x => x.First.Rating.Indicators.Select(i => (Id: x.Second, I: i))).ToList();
        await conn.ExecuteAsync(new CommandDefinition("""
            INSERT INTO rating_result_indicators (result_id, indicator, score, weight, weight_used, band_low, band_high, volume, low_volume, rank)
            SELECT * FROM unnest(@ids, @indicators, @scores, @weights, @used, @lows, @highs, @volumes, @lowVolumes, @ranks)
            """, new
        {
            ids = indicators.Select(x => x.Id).ToArray(),
            indicators = indicators.Select(x => RatingCodes.Of(x.I.Indicator)).ToArray(),
            scores = indicators.Select(x => x.I.Score).ToArray(),
            weights = indicators.Select(x => x.I.Weight).ToArray(),
            used = indicators.Select(x => x.I.WeightUsed).ToArray(),
            lows = indicators.Select(x => x.I.BandLow).ToArray(),
            highs = indicators.Select(x => x.I.BandHigh).ToArray(),
            volumes = indicators.Select(x => x.I.Volume).ToArray(),
            lowVolumes = indicators.Select(x => x.I.LowVolume).ToArray(),
            ranks = indicators.Select(x => x.I.Rank).ToArray(),
        }, tx, cancellationToken: ct));

        var lost = rows.Zip(ids).SelectMany(x => x.First.Rating.LostPoints.Select((p, n) => (Id: x.Second, N: (short)(n + 1), P: p))).ToList();
        await conn.ExecuteAsync(new CommandDefinition("""
            INSERT INTO rating_lost_points (result_id, position, kind, subject_id, link, points)
            SELECT * FROM unnest(@ids, @positions, @kinds, @subjects, @links, @points)
            """, new
        {
            ids = lost.Select(x => x.Id).ToArray(),
            positions = lost.Select(x => x.N).ToArray(),
            kinds = lost.Select(x => RatingCodes.Of(x.P.Kind)).ToArray(),
            subjects = lost.Select(x => x.P.SubjectId).ToArray(),
            links = lost.Select(x => x.P.Link).ToArray(),
            points = lost.Select(x => x.P.Points).ToArray(),
        }, tx, cancellationToken: ct));
        return rows.Count;
    }

    /// <summary>What makes a stored result: its inputs and its numbers (a rank moves when another manager's inputs
    /// change), under a weights and a formula version.</summary>
    private static string Hash(string inputs, ComputedRating rating, int weightsVersion)
    {
        var numbers = JsonSerializer.Serialize(rating);
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes($"{RatingFormula.Version}|{weightsVersion}|{inputs}|{numbers}"));
        return Convert.ToHexStringLower(bytes);
    }
}
