using System.Text;
using Dapper;
using Npgsql;

namespace IKomek.Dashboard.Features.Projects;

/// <summary>One project as the portfolio lists it (v_project_portfolio).</summary>
public sealed record PortfolioRow(
    int ProjectId, string Code, string NameRu, string NameKk, string NameEn, string ProjectGroup, string Status,
    int DepartmentId, int? DistrictId, int DeputyId, string DeputyCode, string DeputyName, string ProjectHead,
    DateTime StartDate, DateTime PlannedEndDate, DateTime ForecastEndDate, DateTime BaselineEndDate,
    decimal BudgetKzt, decimal BaselineBudgetKzt, decimal SpentKzt, decimal ProgressPct, decimal PlannedPct,
    bool IsLate, bool IsOverBudget, bool? IsOnTime, long OpenRisks, long OpenHighRisks)
{
    public bool IsOngoing => Status is "active" or "delayed";

    /// <summary>Days the forecast end lies past the current planned end.</summary>
    public int DelayDays => Math.Max(0, (ForecastEndDate - PlannedEndDate).Days);

    /// <summary>Days the current planned end moved from the baseline.</summary>
    public int ReplannedDays => (PlannedEndDate - BaselineEndDate).Days;
}

/// <summary>
/// The portfolio's filters, as the address carries them (?group=&amp;status=&amp;district=&amp;deputy=&amp;department=&amp;q=).
/// Empty means all.
/// </summary>
public sealed record PortfolioFilter(string? Group = null, string? Status = null, int? DistrictId = null, string? Deputy = null,
    int? DepartmentId = null, string? Text = null)
{
    public static readonly IReadOnlyList<string> Groups = ["roads", "construction", "engineering", "improvement", "social"];
    public static readonly IReadOnlyList<string> Statuses = ["planned", "active", "delayed", "completed", "archived"];

    /// <summary>Unknown codes are dropped (a hand-edited address shows everything rather than nothing), text trimmed.</summary>
    public PortfolioFilter Normalized() => new(
        Groups.Contains(Group) ? Group : null,
        Statuses.Contains(Status) ? Status : null,
        DistrictId > 0 ? DistrictId : null,
        string.IsNullOrWhiteSpace(Deputy) ? null : Deputy.Trim(),
        DepartmentId > 0 ? DepartmentId : null,
        string.IsNullOrWhiteSpace(Text) ? null : Text.Trim());
}

public sealed record DeputyRow(int Id, string Code, string FullName, string PortfolioRu, string PortfolioKk, string PortfolioEn);

/// <summary>An active or delayed project whose neighbours complain more since it started (see project_complaint_trend).</summary>
public sealed record ComplaintRiseRow(int ProjectId, string Code, string NameRu, string NameKk, string NameEn, string ProjectGroup,
    int? DistrictId, int BeforeCount, decimal BeforeMonths, int SinceCount, decimal SinceMonths)
{
    public double BeforeRate => BeforeMonths > 0 ? BeforeCount / (double)BeforeMonths : 0;
    public double SinceRate => SinceMonths > 0 ? SinceCount / (double)SinceMonths : 0;

    /// <summary>Since-start rate over the rate before; null when nothing was reported before.</summary>
    public double? Ratio => BeforeRate > 0 ? SinceRate / BeforeRate : null;

    /// <summary>Complaints since the start beyond what the rate before would have given.</summary>
    public double Extra => SinceCount - BeforeRate * (double)SinceMonths;
}

/// <summary>
/// The rule of a significant rise: the rate since the start at least <see cref="MinRatio"/> times the rate before, and at
/// least <see cref="MinExtra"/> more complaints than that rate gives; judged only with <see cref="MinMonths"/> months of
/// appeals on record on each side (a project started before the records begin has nothing to compare with).
/// </summary>
public sealed record ComplaintRiseRule(double RadiusM = 500, int MonthsBefore = 12, double MinRatio = 1.5, double MinExtra = 10, double MinMonths = 3)
{
    public bool IsRise(ComplaintRiseRow row) =>
        (double)row.BeforeMonths >= MinMonths && (double)row.SinceMonths >= MinMonths && row.Extra >= MinExtra
        && (row.Ratio is null || row.Ratio >= MinRatio);
}

/// <summary>The portfolio's reads: projects with their plan and risks, the deputies, and the complaints near sites.</summary>
public sealed class PortfolioQueries(NpgsqlDataSource db, TimeProvider time)
{
    /// <summary>How long the complaint trend is reused: it moves with months of appeals, not minutes.</summary>
    public static readonly TimeSpan ComplaintCacheLifetime = TimeSpan.FromMinutes(5);

    private readonly Lock _cacheLock = new();
    private (DateTimeOffset At, Task<IReadOnlyList<ComplaintRiseRow>> Rows)? _cache;

    public async Task<IReadOnlyList<PortfolioRow>> GetProjectsAsync(PortfolioFilter filter, CancellationToken ct = default)
    {
        filter = filter.Normalized();
        var sql = new StringBuilder("""
            SELECT project_id AS ProjectId, code AS Code, name_ru AS NameRu, name_kk AS NameKk, name_en AS NameEn,
                   project_group AS ProjectGroup, status AS Status, department_id::int AS DepartmentId, district_id::int AS DistrictId,
                   deputy_id::int AS DeputyId, deputy_code AS DeputyCode, deputy_name AS DeputyName, project_head AS ProjectHead,
                   start_date::timestamp AS StartDate, planned_end_date::timestamp AS PlannedEndDate,
                   forecast_end_date::timestamp AS ForecastEndDate, baseline_end_date::timestamp AS BaselineEndDate,
                   budget_kzt AS BudgetKzt, baseline_budget_kzt AS BaselineBudgetKzt, spent_kzt AS SpentKzt,
                   progress_pct AS ProgressPct, planned_pct AS PlannedPct, is_late AS IsLate, is_over_budget AS IsOverBudget,
                   is_on_time AS IsOnTime, open_risks AS OpenRisks, open_high_risks AS OpenHighRisks
            FROM v_project_portfolio
            WHERE true
            """);
        if (filter.Group is not null) sql.Append(" AND project_group = @Group");
        if (filter.Status is not null) sql.Append(" AND status = @Status");
        if (filter.DistrictId is not null) sql.Append(" AND district_id = @DistrictId");
        if (filter.Deputy is not null) sql.Append(" AND deputy_code = @Deputy");
        if (filter.DepartmentId is not null) sql.Append(" AND department_id = @DepartmentId");
        // A word of the name in any language, the code or the head's name.
        if (filter.Text is not null)
            sql.Append(" AND (code ILIKE @Like OR name_ru ILIKE @Like OR name_kk ILIKE @Like OR name_en ILIKE @Like OR project_head ILIKE @Like)");
        sql.Append(" ORDER BY is_late DESC, open_high_risks DESC, open_risks DESC, project_id");
        var args = new
        {
            filter.Group, filter.Status, filter.DistrictId, filter.Deputy, filter.DepartmentId,
            Like = filter.Text is null ? null : "%" + EscapeLike(filter.Text) + "%",
        };
        await using var conn = await db.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<PortfolioRow>(new CommandDefinition(sql.ToString(), args, cancellationToken: ct))).AsList();
    }

    public async Task<IReadOnlyList<DeputyRow>> GetDeputiesAsync(CancellationToken ct = default)
    {
        const string sql = """
            SELECT id::int AS Id, code AS Code, full_name AS FullName, portfolio_ru AS PortfolioRu, portfolio_kk AS PortfolioKk, portfolio_en AS PortfolioEn
            FROM deputies ORDER BY id
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<DeputyRow>(new CommandDefinition(sql, cancellationToken: ct))).AsList();
    }

    /// <summary>The deputy a signed-in deputy's account is (users.deputy_id), or null.</summary>
    public async Task<string?> GetDeputyCodeOfLoginAsync(string? login, CancellationToken ct = default)
    {
        if (login is null) return null;
        const string sql = "SELECT d.code FROM users u JOIN deputies d ON d.id = u.deputy_id WHERE u.login = @login";
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.ExecuteScalarAsync<string?>(new CommandDefinition(sql, new { login }, cancellationToken: ct));
    }

    /// <summary>The departments a deputy supervises (deputy_departments).</summary>
    public async Task<IReadOnlyList<int>> GetSupervisedDepartmentsAsync(string deputyCode, CancellationToken ct = default)
    {
        const string sql = """
            SELECT dd.department_id::int FROM deputy_departments dd JOIN deputies d ON d.id = dd.deputy_id
            WHERE d.code = @deputyCode ORDER BY 1
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<int>(new CommandDefinition(sql, new { deputyCode }, cancellationToken: ct))).AsList();
    }

    /// <summary>Every active or delayed project's complaint counts before and since its start, read now.</summary>
    public async Task<IReadOnlyList<ComplaintRiseRow>> GetComplaintTrendAsync(ComplaintRiseRule rule, CancellationToken ct = default)
    {
        const string sql = """
            SELECT p.id AS ProjectId, p.code AS Code, p.name_ru AS NameRu, p.name_kk AS NameKk, p.name_en AS NameEn,
                   p.project_group AS ProjectGroup, p.district_id::int AS DistrictId,
                   t.before_count AS BeforeCount, t.before_months AS BeforeMonths, t.since_count AS SinceCount, t.since_months AS SinceMonths
            FROM project_complaint_trend(@RadiusM, @MonthsBefore) t
            JOIN projects p ON p.id = t.project_id
            ORDER BY p.id
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<ComplaintRiseRow>(new CommandDefinition(sql, new { rule.RadiusM, rule.MonthsBefore }, cancellationToken: ct,
            commandTimeout: 120))).AsList();
    }

    /// <summary>The projects with a significant rise, biggest extra first.</summary>
    public async Task<IReadOnlyList<ComplaintRiseRow>> GetComplaintRisesAsync(ComplaintRiseRule rule, CancellationToken ct = default) =>
        (await GetComplaintTrendAsync(rule, ct)).Where(rule.IsRise).OrderByDescending(r => r.Extra).ThenBy(r => r.ProjectId).ToList();

    /// <summary>
    /// <see cref="GetComplaintRisesAsync"/> with the default rule, shared by every reader on this node for
    /// <see cref="ComplaintCacheLifetime"/>: pages redraw on every project change, the trend needs not.
    /// </summary>
    public Task<IReadOnlyList<ComplaintRiseRow>> GetCachedComplaintRisesAsync()
    {
        var now = time.GetUtcNow();
        lock (_cacheLock)
        {
            if (_cache is { } c && now - c.At < ComplaintCacheLifetime && !c.Rows.IsFaulted && !c.Rows.IsCanceled) return c.Rows;
            var rows = GetComplaintRisesAsync(new ComplaintRiseRule());
            _cache = (now, rows);
            return rows;
        }
    }

    private static string EscapeLike(string text) =>
        text.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);
}
