using System.Text.Json;
using Dapper;
using Npgsql;

namespace IKomek.Dashboard.Features.Ratings;

/// <summary>
/// Reads the stored managers' rating (rating_results and its children, sql/schema/0043): what the rating pages show.
/// Nothing here computes a score; the job does (<c>RatingJob</c>), and <see cref="RatingFormula"/> recomputes
/// from stored inputs (what-if weights, a past rating checked).
/// </summary>
public sealed class RatingQueries(NpgsqlDataSource db)
{
    private const string ResultColumns = """
        r.id AS ResultId, r.manager_id AS ManagerId, m.full_name AS FullName, r.department_id::int AS DepartmentId,
        r.period_kind AS PeriodKind, r.period_start::timestamp AS PeriodStart, r.period_end::timestamp AS PeriodEnd, r.as_of::timestamp AS AsOf,
        r.computed_at AS ComputedAt, r.formula_version AS FormulaVersion, r.weights_version AS WeightsVersion,
        r.total_pct AS TotalPct, r.total_low AS TotalLow, r.total_high AS TotalHigh, r.low_volume AS LowVolume, r.rank AS Rank,
        r.appeals_settled AS AppealsSettled, r.fcr_pct AS FcrPct, r.satisfaction_avg AS SatisfactionAvg,
        r.misrouted_pct AS MisroutedPct, r.forwarding_hours AS ForwardingHours
        """;

    /// <summary>Every manager's latest rating for a period: best total first, the not rated last.</summary>
    public async Task<IReadOnlyList<ManagerRating>> GetLatestAsync(RatingPeriod period, CancellationToken ct = default)
    {
        var sql = $"""
            SELECT {ResultColumns}
            FROM rating_results r JOIN managers m ON m.id = r.manager_id
            WHERE r.is_latest AND r.period_kind = @kind AND r.period_start = @start::date
            ORDER BY r.total_pct DESC NULLS LAST, m.full_name
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = (await conn.QueryAsync<ResultRow>(new CommandDefinition(sql, new { kind = period.Code, start = period.Start.ToDateTime(TimeOnly.MinValue) }, cancellationToken: ct))).AsList();
        return await WithIndicatorsAsync(conn, rows, ct);
    }

    /// <summary>One manager's months of a year, each as last computed (months never computed are absent).</summary>
    public async Task<IReadOnlyList<RatingTrendPoint>> GetTrendAsync(int managerId, int year, CancellationToken ct = default)
    {
        var sql = $"""
            SELECT {ResultColumns}
            FROM rating_results r JOIN managers m ON m.id = r.manager_id
            WHERE r.is_latest AND r.manager_id = @managerId AND r.period_kind = 'month'
              AND r.period_start >= make_date(@year, 1, 1) AND r.period_start < make_date(@year + 1, 1, 1)
            ORDER BY r.period_start
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = (await conn.QueryAsync<ResultRow>(new CommandDefinition(sql, new { managerId, year }, cancellationToken: ct))).AsList();
        var ratings = await WithIndicatorsAsync(conn, rows, ct);
        return ratings.Select(r => new RatingTrendPoint(r.Period.Start, r.TotalPct, r.TotalLow, r.TotalHigh, r.Indicators)).ToList();
    }

    /// <summary>What cost a manager points in a period's latest rating, most points first.</summary>
    public async Task<IReadOnlyList<LostPoint>> GetLostPointsAsync(int managerId, RatingPeriod period, CancellationToken ct = default)
    {
        const string sql = """
            SELECT p.kind, p.subject_id, p.link, p.points
            FROM rating_results r JOIN rating_lost_points p ON p.result_id = r.id
            WHERE r.is_latest AND r.manager_id = @managerId AND r.period_kind = @kind AND r.period_start = @start::date
            ORDER BY p.points DESC, p.position
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<(string Kind, long SubjectId, string Link, decimal Points)>(new CommandDefinition(sql,
                new { managerId, kind = period.Code, start = period.Start.ToDateTime(TimeOnly.MinValue) }, cancellationToken: ct)))
            .Select(p => new LostPoint(RatingCodes.LostPoint(p.Kind), p.SubjectId, p.Link, p.Points)).ToList();
    }

    /// <summary>The lost points of one stored rating (a past one included), most points first.</summary>
    public async Task<IReadOnlyList<LostPoint>> GetLostPointsAsync(long resultId, CancellationToken ct = default)
    {
        const string sql = """
            SELECT kind, subject_id, link, points FROM rating_lost_points WHERE result_id = @resultId ORDER BY points DESC, position
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<(string Kind, long SubjectId, string Link, decimal Points)>(new CommandDefinition(sql,
                new { resultId }, cancellationToken: ct)))
            .Select(p => new LostPoint(RatingCodes.LostPoint(p.Kind), p.SubjectId, p.Link, p.Points)).ToList();
    }

    /// <summary>Every computation of one manager's period, newest first: the history page picks one to reopen.</summary>
    public async Task<IReadOnlyList<ManagerRating>> GetComputationsAsync(int managerId, RatingPeriod period, CancellationToken ct = default)
    {
        var sql = $"""
            SELECT {ResultColumns}
            FROM rating_results r JOIN managers m ON m.id = r.manager_id
            WHERE r.manager_id = @managerId AND r.period_kind = @kind AND r.period_start = @start::date
            ORDER BY r.computed_at DESC, r.id DESC
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = (await conn.QueryAsync<ResultRow>(new CommandDefinition(sql,
            new { managerId, kind = period.Code, start = period.Start.ToDateTime(TimeOnly.MinValue) }, cancellationToken: ct))).AsList();
        return await WithIndicatorsAsync(conn, rows, ct);
    }

    /// <summary>A stored rating as it was computed (latest or not); null when there is no such result.</summary>
    public async Task<ManagerRating?> GetStoredAsync(long resultId, CancellationToken ct = default)
    {
        var sql = $"""
            SELECT {ResultColumns}
            FROM rating_results r JOIN managers m ON m.id = r.manager_id
            WHERE r.id = @resultId
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = (await conn.QueryAsync<ResultRow>(new CommandDefinition(sql, new { resultId }, cancellationToken: ct))).AsList();
        return (await WithIndicatorsAsync(conn, rows, ct)).SingleOrDefault();
    }

    /// <summary>The inputs a stored rating was computed from; <see cref="RatingFormula.Compute"/> over them gives it again.</summary>
    public async Task<RatingInputs?> GetInputsAsync(long resultId, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var json = await conn.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT inputs::text FROM rating_results WHERE id = @resultId", new { resultId }, cancellationToken: ct));
        return json is null ? null : RatingInputsJson.Read(json);
    }

    /// <summary>The inputs of every manager's latest rating for a period: a what-if recomputes them with other weights.</summary>
    public async Task<IReadOnlyList<RatingInputs>> GetLatestInputsAsync(RatingPeriod period, CancellationToken ct = default)
    {
        const string sql = """
            SELECT inputs::text FROM rating_results
            WHERE is_latest AND period_kind = @kind AND period_start = @start::date ORDER BY manager_id
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<string>(new CommandDefinition(sql, new { kind = period.Code, start = period.Start.ToDateTime(TimeOnly.MinValue) }, cancellationToken: ct)))
            .Select(RatingInputsJson.Read).ToList();
    }

    /// <summary>Every version of the weights, the newest (in force) first.</summary>
    public async Task<IReadOnlyList<RatingWeights>> GetWeightsHistoryAsync(CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<WeightsRow>(new CommandDefinition($"{WeightsSql} ORDER BY version DESC", cancellationToken: ct))).Select(w => w.ToWeights()).ToList();
    }

    /// <summary>The weights in force (the highest version).</summary>
    public async Task<RatingWeights> GetCurrentWeightsAsync(CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await CurrentWeightsAsync(conn, null, ct);
    }

    internal const string WeightsSql = """
        SELECT version AS Version, kpi AS Kpi, projects AS Projects, appeals AS Appeals, systemic AS Systemic,
               created_at AS CreatedAt, created_by AS CreatedBy, reason AS Reason
        FROM rating_weights
        """;

    internal static async Task<RatingWeights> CurrentWeightsAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, CancellationToken ct) =>
        (await conn.QuerySingleAsync<WeightsRow>(new CommandDefinition($"{WeightsSql} ORDER BY version DESC LIMIT 1", transaction: tx, cancellationToken: ct))).ToWeights();

    private sealed record WeightsRow(int Version, decimal Kpi, decimal Projects, decimal Appeals, decimal Systemic, DateTime CreatedAt,
        string CreatedBy, string Reason)
    {
        public RatingWeights ToWeights() => new(Version, Kpi, Projects, Appeals, Systemic,
            new DateTimeOffset(DateTime.SpecifyKind(CreatedAt, DateTimeKind.Utc)), CreatedBy, Reason);
    }

    private static async Task<IReadOnlyList<ManagerRating>> WithIndicatorsAsync(NpgsqlConnection conn, List<ResultRow> rows, CancellationToken ct)
    {
        if (rows.Count == 0) return [];
        const string sql = """
            SELECT result_id AS ResultId, indicator AS Indicator, score AS Score, weight AS Weight, weight_used AS WeightUsed,
                   band_low AS BandLow, band_high AS BandHigh, volume AS Volume, low_volume AS LowVolume, rank AS Rank
            FROM rating_result_indicators WHERE result_id = ANY(@ids)
            """;
        var indicators = (await conn.QueryAsync<IndicatorRow>(new CommandDefinition(sql, new { ids = rows.Select(r => r.ResultId).ToArray() }, cancellationToken: ct)))
            .ToLookup(i => i.ResultId);
        return rows.Select(r => r.ToRating(indicators[r.ResultId]
            .Select(i => new IndicatorScore(RatingCodes.Indicator(i.Indicator), i.Score, i.Weight, i.WeightUsed, i.BandLow, i.BandHigh, i.Volume, i.LowVolume, i.Rank))
            .OrderBy(i => i.Indicator).ToList())).ToList();
    }

    private sealed record ResultRow(long ResultId, int ManagerId, string FullName, int DepartmentId, string PeriodKind,
        DateTime PeriodStart, DateTime PeriodEnd, DateTime AsOf, DateTime ComputedAt, int FormulaVersion, int WeightsVersion,
        decimal? TotalPct, decimal? TotalLow, decimal? TotalHigh, bool LowVolume, int? Rank, int AppealsSettled,
        decimal? FcrPct, decimal? SatisfactionAvg, decimal? MisroutedPct, decimal? ForwardingHours)
    {
        public ManagerRating ToRating(IReadOnlyList<IndicatorScore> indicators) => new(ResultId, ManagerId, FullName, DepartmentId,
            new RatingPeriod(RatingCodes.PeriodKind(PeriodKind), DateOnly.FromDateTime(PeriodStart), DateOnly.FromDateTime(PeriodEnd)),
            DateOnly.FromDateTime(AsOf), new DateTimeOffset(DateTime.SpecifyKind(ComputedAt, DateTimeKind.Utc)), FormulaVersion, WeightsVersion,
            TotalPct, TotalLow, TotalHigh, LowVolume, Rank, indicators, AppealsSettled, FcrPct, SatisfactionAvg, MisroutedPct, ForwardingHours);
    }

    private sealed record IndicatorRow(long ResultId, string Indicator, decimal? Score, decimal Weight, decimal WeightUsed,
        decimal? BandLow, decimal? BandHigh, int Volume, bool LowVolume, int? Rank);
}

/// <summary>The stored form of <see cref="RatingInputs"/> (rating_results.inputs): camelCase JSON, enums by name.</summary>
public static class RatingInputsJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public static string Write(RatingInputs inputs) => JsonSerializer.Serialize(inputs, Options);

    public static RatingInputs Read(string json) =>
        JsonSerializer.Deserialize<RatingInputs>(json, Options) ?? throw new InvalidOperationException("empty rating inputs");
}
