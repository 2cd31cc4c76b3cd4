using System.Globalization;
using Dapper;
using Microsoft.AspNetCore.WebUtilities;
using Npgsql;

namespace IKomek.Dashboard.Features.Projects.Risks;

/// <summary>One open risk or problem issue of the portfolio, with its project, department and supervising deputy.</summary>
public sealed record RiskRegisterRow(
    int Id,
    string ProjectCode,
    string NameRu,
    string NameKk,
    string NameEn,
    int DepartmentId,
    string DeputyName,
    string Kind,
    string Title,
    short Severity,
    string? Owner,
    DateTime? DueDate,
    DateTime RaisedOn,
    bool ToMeeting,
    bool Overdue,
    DateTime? AgendaDate);

/// <summary>Open risks of one department under the register's filter: what a department head sees of the others.</summary>
public sealed record RiskDepartmentCount(int DepartmentId, long Open, long High, long Overdue, long ToMeeting);

/// <summary>A supervising deputy akim, as the register's filter lists them.</summary>
public sealed record DeputyOption(int Id, string Code, string FullName);

/// <summary>
/// The register's filter, as it stands in the address (?severity=3&amp;kind=issue&amp;department=energy&amp;deputy=deputy-1&amp;overdue=1&amp;meeting=1):
/// a link reproduces the view. Values it cannot read are reported by <see cref="Errors"/> (text keys with the value) and left out.
/// </summary>
public sealed record RiskFilter(short? Severity = null, string? Kind = null, string? Department = null, string? Deputy = null,
    bool Overdue = false, bool ToMeeting = false)
{
    public static readonly string[] Kinds = ["risk", "issue"];

    public IReadOnlyList<(string Key, string Value)> Errors { get; init; } = [];

    public static RiskFilter FromQuery(string? severity, string? kind, string? department, string? deputy, string? overdue, string? meeting)
    {
        var errors = new List<(string, string)>();
        short? s = null;
        if (!string.IsNullOrWhiteSpace(severity))
        {
            if (short.TryParse(severity, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v is >= 1 and <= 3) s = v;
            else errors.Add(("risks.error.severity", severity));
        }
        string? k = null;
        if (!string.IsNullOrWhiteSpace(kind))
        {
            if (Kinds.Contains(kind)) k = kind;
            else errors.Add(("risks.error.kind", kind));
        }
        return new RiskFilter(s, k, Blank(department), Blank(deputy), IsOn(overdue), IsOn(meeting)) { Errors = errors };
    }

    /// <summary>The filter's query string parameters (null = absent), for the address and the links.</summary>
    public Dictionary<string, object?> ToQuery() => new()
    {
        ["severity"] = Severity?.ToString(CultureInfo.InvariantCulture),
        ["kind"] = Kind,
        ["department"] = Department,
        ["deputy"] = Deputy,
        ["overdue"] = Overdue ? "1" : null,
        ["meeting"] = ToMeeting ? "1" : null,
    };

    public string ToQueryString() => QueryHelpers.AddQueryString("", ToQuery().Where(p => p.Value is not null)
        .Select(p => new KeyValuePair<string, string?>(p.Key, (string)p.Value!)));

    private static bool IsOn(string? value) => value is "1" or "true" or "yes";

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>The risk register's reads: open risks and issues, sorted by severity (high first) and due date (soonest first).</summary>
public sealed class RiskRegisterQueries(NpgsqlDataSource db)
{
    // The filter's conditions, shared by the rows and the counts; "overdue" is a due date before the city's today.
    private const string Where = """
        r.is_open
          AND (@Severity::smallint IS NULL OR r.severity = @Severity)
          AND (@Kind::text IS NULL OR r.kind = @Kind)
          AND (@Department::text IS NULL OR d.code = @Department)
          AND (@Deputy::text IS NULL OR dp.code = @Deputy)
          AND (NOT @Overdue OR r.due_date < city_today())
          AND (NOT @ToMeeting OR r.to_meeting)
        """;

    private const string From = """
        FROM project_risks r
        JOIN projects p ON p.id = r.project_id
        JOIN departments d ON d.id = p.department_id
        JOIN deputies dp ON dp.id = p.deputy_id
        """;

    /// <summary>The register's rows; only those of <paramref name="department"/> when given (a department head's own).</summary>
    public async Task<IReadOnlyList<RiskRegisterRow>> GetRisksAsync(RiskFilter filter, int? department = null, CancellationToken ct = default)
    {
        var sql = $"""
            SELECT r.id AS Id, p.code AS ProjectCode, p.name_ru AS NameRu, p.name_kk AS NameKk, p.name_en AS NameEn,
                   p.department_id::int AS DepartmentId, dp.full_name AS DeputyName, r.kind AS Kind, r.title AS Title,
                   r.severity AS Severity, r.owner AS Owner, r.due_date::timestamp AS DueDate, r.raised_on::timestamp AS RaisedOn,
                   r.to_meeting AS ToMeeting, coalesce(r.due_date < city_today(), false) AS Overdue,
                   (SELECT min(m.held_on) FROM akimat_meeting_items i JOIN akimat_meetings m ON m.id = i.meeting_id
                    WHERE i.risk_id = r.id AND m.status = 'planned')::timestamp AS AgendaDate
            {From}
            WHERE {Where} AND (@Scope::int IS NULL OR p.department_id = @Scope)
            ORDER BY r.severity DESC, r.due_date NULLS LAST, r.id
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<RiskRegisterRow>(new CommandDefinition(sql, Parameters(filter, department), cancellationToken: ct))).AsList();
    }

    /// <summary>Counts per department under the filter: the city's totals, and all a department head sees of the others.</summary>
    public async Task<IReadOnlyList<RiskDepartmentCount>> GetCountsAsync(RiskFilter filter, CancellationToken ct = default)
    {
        var sql = $"""
            SELECT p.department_id::int AS DepartmentId, count(*) AS Open, count(*) FILTER (WHERE r.severity = 3) AS High,
                   count(*) FILTER (WHERE r.due_date < city_today()) AS Overdue, count(*) FILTER (WHERE r.to_meeting) AS ToMeeting
            {From}
            WHERE {Where}
            GROUP BY p.department_id
            ORDER BY count(*) DESC, p.department_id
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<RiskDepartmentCount>(new CommandDefinition(sql, Parameters(filter, null), cancellationToken: ct))).AsList();
    }

    public async Task<IReadOnlyList<DeputyOption>> GetDeputiesAsync(CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<DeputyOption>(new CommandDefinition(
            "SELECT id::int AS Id, code AS Code, full_name AS FullName FROM deputies ORDER BY id", cancellationToken: ct))).AsList();
    }

    private static object Parameters(RiskFilter f, int? scope) =>
        new { f.Severity, f.Kind, f.Department, f.Deputy, f.Overdue, f.ToMeeting, Scope = scope };
}
