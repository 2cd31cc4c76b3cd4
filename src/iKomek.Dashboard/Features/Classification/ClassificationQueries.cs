using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using Dapper;
using IKomek.Dashboard.Platform.Audit;
using Npgsql;

namespace IKomek.Dashboard.Features.Classification;

/// <summary>A model version as the analysts' page lists it (without its weights).</summary>
public sealed record ModelVersionRow(int Id, DateTime CreatedAt, int Seed, string TrainingSet, string Metrics, bool Promoted, double Score,
    int? ComparedModelId, double? ComparedScore, string PromotionReason, long SizeBytes);

/// <summary>One week of the drift watch: how many appeals the model filed, how many it was unsure of, how often it agreed with operators.</summary>
public sealed record DriftWeek(DateTime WeekStart, long Classified, long LowConfidence, long WithOperatorType, long Agreed);

/// <summary>An appeal waiting for an analyst: its text, the type it is filed under and the model's suggestions.</summary>
public sealed record ReviewItem(long AppealId, string RegNumber, DateTime CreatedAt, string Description, string Language,
    int CurrentTypeId, int? SuggestedTypeId, double Confidence, string Suggestions);

/// <summary>A labeled text from the database: an appeal whose topic counts as confirmed.</summary>
public sealed record ConfirmedAppeal(string Description, string TypeCode, string AreaCode, string Language, bool Reviewed);

public sealed class ClassificationQueries(NpgsqlDataSource db)
{
    public async Task<(int Id, byte[] Model)?> GetCurrentModelAsync(CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var row = await conn.QuerySingleOrDefaultAsync<(int, byte[])?>(new CommandDefinition(
            "SELECT id, model FROM classifier_models WHERE promoted AND format = @format ORDER BY id DESC LIMIT 1",
            new { format = MlTopicModel.Format }, cancellationToken: ct));
        return row;
    }

    public async Task<int?> GetCurrentModelIdAsync(CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<int?>(new CommandDefinition(
            "SELECT max(id) FROM classifier_models WHERE promoted AND format = @format", new { format = MlTopicModel.Format }, cancellationToken: ct));
    }

    /// <summary>A stored model with its labels resolved to the database's service types.</summary>
    public async Task<LoadedModel?> LoadCurrentAsync(CancellationToken ct = default)
    {
        if (await GetCurrentModelAsync(ct) is not { } row) return null;
        return new LoadedModel(row.Id, MlTopicModel.Deserialize(row.Model), await GetTypeIdsAsync(ct));
    }

    public async Task<FrozenDictionary<string, int>> GetTypeIdsAsync(CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<(string Code, int Id)>(new CommandDefinition("SELECT code, id FROM service_types", cancellationToken: ct));
        return rows.ToFrozenDictionary(r => r.Code, r => r.Id);
    }

    public async Task<int> SaveModelAsync(byte[] model, int seed, object trainingSet, EvaluationReport metrics, PromotionVerdict verdict, CancellationToken ct = default)
    {
        const string sql = """
            INSERT INTO classifier_models (seed, training_set, metrics, promoted, score, compared_model_id, compared_score, promotion_reason, model, format)
            VALUES (@seed, @trainingSet::jsonb, @metrics::jsonb, @promoted, @score, @comparedId, @comparedScore, @reason, @model, @format)
            RETURNING id
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.QuerySingleAsync<int>(new CommandDefinition(sql, new
        {
            seed,
            trainingSet = JsonSerializer.Serialize(trainingSet),
            metrics = JsonSerializer.Serialize(metrics),
            promoted = verdict.Promoted,
            score = verdict.Score,
            comparedId = verdict.ComparedModelId,
            comparedScore = verdict.ComparedScore,
            reason = verdict.Reason,
            model,
            format = MlTopicModel.Format,
        }, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<ModelVersionRow>> GetVersionsAsync(CancellationToken ct = default)
    {
        const string sql = """
            SELECT id AS Id, created_at AS CreatedAt, seed AS Seed, training_set::text AS TrainingSet, metrics::text AS Metrics,
                   promoted AS Promoted, score AS Score, compared_model_id AS ComparedModelId, compared_score AS ComparedScore,
                   promotion_reason AS PromotionReason, octet_length(model)::bigint AS SizeBytes
            FROM classifier_models ORDER BY id DESC
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<ModelVersionRow>(new CommandDefinition(sql, cancellationToken: ct))).AsList();
    }

    /// <summary>
    /// The training data: appeals whose topic counts as confirmed, the newest first. Confirmed means an analyst
    /// confirmed or corrected it in the review queue, or the appeal was closed under its type (an operator worked it to
    /// the end without moving it to another type: the product has no other way to move it).
    /// </summary>
    public async Task<IReadOnlyList<ConfirmedAppeal>> GetConfirmedAppealsAsync(int limit, CancellationToken ct = default)
    {
        const string sql = """
            SELECT a.description AS Description, st.code AS TypeCode, ar.code AS AreaCode, a.language AS Language,
                   (c.reviewed_type_id IS NOT NULL) AS Reviewed
            FROM appeals a
            LEFT JOIN appeal_classifications c ON c.appeal_id = a.id
            JOIN service_types st ON st.id = coalesce(c.reviewed_type_id, a.service_type_id)
            JOIN areas ar ON ar.id = st.area_id
            WHERE (a.status = 'closed' OR c.reviewed_type_id IS NOT NULL) AND a.duplicate_of IS NULL
            ORDER BY a.id DESC
            LIMIT @limit
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<ConfirmedAppeal>(new CommandDefinition(sql, new { limit }, commandTimeout: 300, cancellationToken: ct))).AsList();
    }

    /// <summary>The top suggestions as stored in appeal_classifications.suggestions.</summary>
    public static string SuggestionsJson(ModelSuggestion s) =>
        JsonSerializer.Serialize(s.Top.Select(t => new { type = t.ServiceTypeId, confidence = Math.Round(t.Confidence, 4) }));

    /// <summary>Appeals of the last <paramref name="days"/> days that no model has looked at yet, oldest first.</summary>
    public async Task<IReadOnlyList<(long Id, DateTime CreatedAt, string Description, int ServiceTypeId)>> GetBacklogAsync(int days, int limit, CancellationToken ct = default)
    {
        const string sql = """
            SELECT a.id, a.created_at, a.description, a.service_type_id
            FROM appeals a
            WHERE a.created_at >= city_now() - make_interval(days => @days)
              AND NOT EXISTS (SELECT 1 FROM appeal_classifications c WHERE c.appeal_id = a.id)
            ORDER BY a.created_at, a.id
            LIMIT @limit
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<(long, DateTime, string, int)>(new CommandDefinition(sql, new { days, limit }, cancellationToken: ct))).AsList();
    }

    /// <summary>Records a batch of suggestions for existing appeals, each against the type it is filed under, in one statement.</summary>
    public async Task RecordBatchAsync(IEnumerable<(long AppealId, DateTime CreatedAt, int OperatorTypeId, ModelSuggestion Suggestion)> rows, CancellationToken ct = default)
    {
        const string sql = """
            INSERT INTO appeal_classifications (appeal_id, model_id, classified_at, suggested_type_id, confidence, suggestions,
                                                operator_type_id, agrees, low_confidence)
            SELECT id, model, at, suggested, confidence, suggestions::jsonb, operator, suggested IS NOT DISTINCT FROM operator, low
            FROM unnest(@ids, @models, @ats, @suggested, @confidences, @suggestions, @operators, @lows)
                 AS r(id, model, at, suggested, confidence, suggestions, operator, low)
            ON CONFLICT (appeal_id) DO NOTHING
            """;
        var list = rows.ToList();
        var args = new
        {
            ids = list.Select(r => r.AppealId).ToArray(),
            models = list.Select(r => r.Suggestion.ModelId).ToArray(),
            ats = list.Select(r => r.CreatedAt).ToArray(),
            suggested = list.Select(r => r.Suggestion.ServiceTypeId).ToArray(),
            confidences = list.Select(r => (float)r.Suggestion.Confidence).ToArray(),
            suggestions = list.Select(r => SuggestionsJson(r.Suggestion)).ToArray(),
            operators = list.Select(r => r.OperatorTypeId).ToArray(),
            lows = list.Select(r => r.Suggestion.LowConfidence).ToArray(),
        };
        await using var conn = await db.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition(sql, args, cancellationToken: ct));
    }

    /// <summary>Per week (Astana time): appeals classified, low-confidence ones, and agreement with the operators' types.</summary>
    public async Task<IReadOnlyList<DriftWeek>> GetDriftAsync(int weeks, CancellationToken ct = default)
    {
        const string sql = """
            SELECT date_trunc('week', classified_at AT TIME ZONE city_zone()) AS WeekStart,
                   count(*) AS Classified,
                   count(*) FILTER (WHERE low_confidence) AS LowConfidence,
                   count(*) FILTER (WHERE agrees IS NOT NULL) AS WithOperatorType,
                   count(*) FILTER (WHERE agrees) AS Agreed
            FROM appeal_classifications
            WHERE classified_at >= city_now() - make_interval(weeks => @weeks)
            GROUP BY 1 ORDER BY 1
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<DriftWeek>(new CommandDefinition(sql, new { weeks }, cancellationToken: ct))).AsList();
    }

    public async Task<IReadOnlyList<ReviewItem>> GetReviewQueueAsync(int limit, CancellationToken ct = default)
    {
        const string sql = """
            SELECT a.id AS AppealId, a.reg_number AS RegNumber, a.created_at AS CreatedAt, a.description AS Description,
                   a.language AS Language, a.service_type_id AS CurrentTypeId, c.suggested_type_id AS SuggestedTypeId,
                   c.confidence::float8 AS Confidence, c.suggestions::text AS Suggestions
            FROM appeal_classifications c JOIN appeals a ON a.id = c.appeal_id
            WHERE c.low_confidence AND c.reviewed_at IS NULL
            ORDER BY c.classified_at DESC, c.appeal_id DESC
            LIMIT @limit
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<ReviewItem>(new CommandDefinition(sql, new { limit }, cancellationToken: ct))).AsList();
    }

    public async Task<long> CountReviewQueueAsync(CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.QuerySingleAsync<long>(new CommandDefinition(
            "SELECT count(*) FROM appeal_classifications WHERE low_confidence AND reviewed_at IS NULL", cancellationToken: ct));
    }

    /// <summary>
    /// An analyst's verdict: the appeal's topic is <paramref name="serviceTypeId"/> (its current type: confirmed;
    /// another: corrected, and the appeal moves to it). Either way it becomes training data, and the audit log records
    /// the decision in the same transaction. False when the appeal has no classification to review: nothing changes.
    /// </summary>
    public async Task<bool> ReviewAsync(long appealId, int serviceTypeId, Actor reviewer, CancellationToken ct = default)
    {
        const string sql = """
            WITH target AS (
                SELECT st.id, st.area_id FROM service_types st WHERE st.id = @serviceTypeId
            ), before AS (
                SELECT service_type_id FROM appeals WHERE id = @appealId
            ), moved AS (
                UPDATE appeals a SET service_type_id = t.id, area_id = t.area_id
                FROM target t
                WHERE a.id = @appealId AND a.service_type_id <> t.id
                RETURNING a.id
            ), reviewed AS (
                UPDATE appeal_classifications c
                SET reviewed_at = now(), reviewed_by = @reviewer, reviewed_type_id = t.id,
                    review_action = CASE WHEN EXISTS (SELECT 1 FROM moved) THEN 'corrected' ELSE 'confirmed' END
                FROM target t
                WHERE c.appeal_id = @appealId
                RETURNING c.review_action
            )
            SELECT (SELECT review_action FROM reviewed) AS Decision, (SELECT service_type_id FROM before) AS FromType
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var done = await conn.QuerySingleAsync<(string? Decision, int? FromType)>(new CommandDefinition(sql,
            new { appealId, serviceTypeId, reviewer = reviewer.Name }, tx, cancellationToken: ct));
        // No classification to review: the appeal is not moved either.
        if (done.Decision is null) return false;
        await AuditLog.RecordAsync(conn, tx, reviewer, AuditActions.TopicReview, "appeal", appealId.ToString(CultureInfo.InvariantCulture),
            new { decision = done.Decision, from = done.FromType, to = serviceTypeId }, ct);
        await tx.CommitAsync(ct);
        return true;
    }
}
