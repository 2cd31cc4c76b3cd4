using System.Globalization;
using Dapper;
using IKomek.Dashboard.Platform.Audit;
using IKomek.Dashboard.Platform.City;
using Npgsql;

namespace IKomek.Dashboard.Features.Audit;

/// <summary>One act of the audit log as the page shows it.</summary>
/// <param name="SubjectLabel">What the page links to for the subject: an appeal's registration number.</param>
public sealed record AuditEntry(long Id, DateTime At, string Actor, string? Role, string? Address, string Action,
    string? SubjectKind, string? SubjectId, string Details, string? SubjectLabel);

/// <summary>
/// What the administrator searches for: who (a login, <c>system:&lt;job&gt;</c>, <c>api:&lt;client&gt;</c>...), what
/// (an action), which subject (kind, and id within it), and when (Astana dates, both days included). Empty is "any".
/// </summary>
public sealed record AuditFilter(string? Actor = null, string? Action = null, string? SubjectKind = null, string? SubjectId = null,
    DateOnly? From = null, DateOnly? To = null)
{
    public const int MaxText = 200;

    /// <summary>The filter's mistakes as text keys (audit.error.*), empty when it can be searched.</summary>
    public IReadOnlyList<string> Errors()
    {
        var errors = new List<string>();
        if (From is { } from && To is { } to && from > to) errors.Add("audit.error.period");
        if (!string.IsNullOrWhiteSpace(SubjectId) && string.IsNullOrWhiteSpace(SubjectKind)) errors.Add("audit.error.subjectKind");
        if (new[] { Actor, Action, SubjectKind, SubjectId }.Any(v => v is { Length: > MaxText })) errors.Add("audit.error.tooLong");
        return errors;
    }

    /// <summary>The same filter with blank texts as "any" and the rest trimmed.</summary>
    public AuditFilter Normalized() => this with
    {
        Actor = Clean(Actor), Action = Clean(Action), SubjectKind = Clean(SubjectKind), SubjectId = Clean(SubjectId),
    };

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

/// <summary>Where the next page starts: after the last act shown (newest first).</summary>
public sealed record AuditCursor(DateTime At, long Id);

public sealed record AuditResults(IReadOnlyList<AuditEntry> Entries, AuditCursor? Next);

/// <summary>
/// Reads the audit log for administrators (the page checks the role before every read). Keyset paging, newest first,
/// on the log's indexes: (at), (actor, at), (action, at), (subject_kind, subject_id, at).
/// </summary>
public sealed class AuditQueries(NpgsqlDataSource db)
{
    public const int PageSize = 50;

    /// <summary>The subjects the panel's acts name, offered first in the filter.</summary>
    public static readonly IReadOnlyList<string> KnownSubjectKinds = ["appeal", "problem", "user", "holiday", "job"];

    public async Task<AuditResults> SearchAsync(AuditFilter filter, AuditCursor? after = null, int pageSize = PageSize, CancellationToken ct = default)
    {
        filter = filter.Normalized();
        if (filter.Errors() is { Count: > 0 } errors) throw new ArgumentException(string.Join(" ", errors));
        const string sql = """
            SELECT id AS Id, at AS At, actor AS Actor, actor_role AS Role, host(address) AS Address, action AS Action,
                   subject_kind AS SubjectKind, subject_id AS SubjectId, details::text AS Details,
                   CASE WHEN subject_kind = 'appeal' THEN (SELECT reg_number FROM appeals
                       WHERE id = CASE WHEN subject_id ~ '^[0-9]{1,18}$' THEN subject_id::bigint END) END AS SubjectLabel
            FROM audit_log
            WHERE (@actor::text IS NULL OR actor = @actor)
              AND (@action::text IS NULL OR action = @action)
              AND (@kind::text IS NULL OR subject_kind = @kind)
              AND (@subject::text IS NULL OR subject_id = @subject)
              AND (@fromUtc::timestamptz IS NULL OR at >= @fromUtc)
              AND (@toUtc::timestamptz IS NULL OR at < @toUtc)
              AND (@afterAt::timestamptz IS NULL OR (at, id) < (@afterAt, @afterId))
            ORDER BY at DESC, id DESC
            LIMIT @limit
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = (await conn.QueryAsync<AuditEntry>(new CommandDefinition(sql, new
        {
            actor = filter.Actor, action = filter.Action, kind = filter.SubjectKind, subject = filter.SubjectId,
            fromUtc = filter.From is { } from ? AstanaClock.StartOfDay(from).UtcDateTime : (DateTime?)null,
            // "To" includes its whole day.
            toUtc = filter.To is { } to ? AstanaClock.StartOfDay(to.AddDays(1)).UtcDateTime : (DateTime?)null,
            afterAt = after is null ? (DateTime?)null : DateTime.SpecifyKind(after.At, DateTimeKind.Utc), afterId = after?.Id ?? 0,
            limit = pageSize + 1,
        }, cancellationToken: ct))).AsList();
        var more = rows.Count > pageSize;
        if (more) rows.RemoveAt(pageSize);
        return new AuditResults(rows, more ? new AuditCursor(rows[^1].At, rows[^1].Id) : null);
    }

    /// <summary>The actions to choose from: those the panel knows and those present in the log (older or newer kinds).</summary>
    public async Task<IReadOnlyList<string>> ActionsAsync(CancellationToken ct = default) =>
        Known(typeof(AuditActions)).Union(await DistinctAsync("action", ct)).Order(StringComparer.Ordinal).ToList();

    /// <summary>The kinds of subject to choose from: the known ones and those present in the log.</summary>
    public async Task<IReadOnlyList<string>> SubjectKindsAsync(CancellationToken ct = default) =>
        KnownSubjectKinds.Union(await DistinctAsync("subject_kind", ct)).Order(StringComparer.Ordinal).ToList();

    private static IEnumerable<string> Known(Type constants) =>
        constants.GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!);

    // A skip scan over the column's index: a handful of values among millions of rows, read in as many index probes.
    private async Task<IReadOnlyList<string>> DistinctAsync(string column, CancellationToken ct)
    {
        var sql = string.Create(CultureInfo.InvariantCulture, $"""
            WITH RECURSIVE v AS (
                (SELECT {column} AS value FROM audit_log WHERE {column} IS NOT NULL ORDER BY {column} LIMIT 1)
                UNION ALL
                SELECT (SELECT {column} FROM audit_log WHERE {column} > v.value ORDER BY {column} LIMIT 1) FROM v WHERE v.value IS NOT NULL
            )
            SELECT value FROM v WHERE value IS NOT NULL
            """);
        await using var conn = await db.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<string>(new CommandDefinition(sql, cancellationToken: ct))).AsList();
    }
}
