using System.Globalization;
using Dapper;
using IKomek.Dashboard.Platform.Audit;
using IKomek.Dashboard.Platform.City;
using Npgsql;
using static IKomek.Dashboard.Features.Kpis.Entry.KpiSql;

namespace IKomek.Dashboard.Features.Kpis.Entry;

/// <summary>One value to save: a KPI's actual for a period, and (the planning office only) its target.</summary>
public sealed record KpiValueInput(int KpiId, KpiPeriod Period, decimal? Actual, decimal? Target = null);

/// <summary>How a save ended: values changed, and values given that were already so (nothing written for them).</summary>
public sealed record KpiSaveResult(int Changed, int Unchanged);

/// <summary>
/// Saves KPI values as entered on the form or read from a file: every rule checked on the server inside the save's
/// transaction (the editor's department, a computed KPI, the period's kind, a period not begun or closed, the KPI's
/// range, the target), then each changed value written with who entered it and when, and one audit row per value
/// with its old and new figures. One transaction per save: a rule broken by any value refuses them all.
/// </summary>
public sealed class KpiValueEntry(NpgsqlDataSource db, TimeProvider time)
{
    /// <summary>Values are numeric(18, 2): two decimals, and less than this in size.</summary>
    public const decimal Largest = 9_999_999_999_999_999.99m;

    /// <summary>The advisory lock between saves (shared) and closing or reopening a month (exclusive), so that no value
    /// slips into a month as it closes.</summary>
    internal const long PeriodLock = 1_090_034;

    private sealed record KpiState(int Id, string Code, int DepartmentId, string Unit, string Source, string PeriodKind, string TargetMode,
        decimal? MinValue, decimal? MaxValue, decimal? ValueTarget, decimal? Actual, decimal? SetTarget, string? ClosedBy, DateTime? ClosedAt);

    public async Task<KpiSaveResult> SaveAsync(IReadOnlyList<KpiValueInput> inputs, KpiEditor editor, string via, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_xact_lock_shared(@PeriodLock)", new { PeriodLock }, tx, cancellationToken: ct));
        var today = new AstanaClock(time).Today;

        var checkedInputs = new List<(KpiValueInput Input, KpiState Kpi, decimal Target)>();
        var rejections = new List<(int, KpiRejection)>();
        for (var i = 0; i < inputs.Count; i++)
        {
            var input = inputs[i];
            var kpi = await LoadAsync(conn, tx, input.KpiId, input.Period, ct);
            var (rejection, target) = kpi is null
                ? (new KpiRejection("unknownKpi", input.KpiId.ToString(CultureInfo.InvariantCulture)), 0m)
                : await CheckAsync(conn, tx, input, kpi, editor, today, ct);
            if (rejection is not null) rejections.Add((i, rejection));
            else checkedInputs.Add((input, kpi!, target));
        }
        if (rejections.Count > 0) throw new KpiEntryRejectedException(rejections);

        var changed = 0;
        foreach (var (input, kpi, target) in checkedInputs)
        {
            var actual = input.Actual ?? kpi.Actual;
            if (actual == kpi.Actual && target == kpi.ValueTarget) continue;
            await WriteAsync(conn, tx, input, kpi, target, actual, editor, via, ct);
            changed++;
        }
        await tx.CommitAsync(ct);
        return new KpiSaveResult(changed, checkedInputs.Count - changed);
    }

    private static Task<KpiState?> LoadAsync(NpgsqlConnection conn, NpgsqlTransaction tx, int kpiId, KpiPeriod period, CancellationToken ct) =>
        conn.QuerySingleOrDefaultAsync<KpiState>(new CommandDefinition("""
            SELECT k.id AS Id, k.code AS Code, k.department_id::int AS DepartmentId, k.unit AS Unit, k.source AS Source,
                   k.period_kind AS PeriodKind, k.target_mode AS TargetMode, k.min_value AS MinValue, k.max_value AS MaxValue,
                   v.target AS ValueTarget, v.actual AS Actual, t.target AS SetTarget,
                   p.closed_by AS ClosedBy, p.closed_at AS ClosedAt
            FROM kpis k
            LEFT JOIN kpi_values v ON v.kpi_id = k.id AND v.period_start = @start::date
            LEFT JOIN kpi_targets t ON t.kpi_id = k.id AND t.period_kind = k.period_kind AND t.period_start = @start::date
            LEFT JOIN kpi_periods p ON p.period_start = @lastMonth::date
            WHERE k.id = @kpiId
            FOR UPDATE OF k
            """, new { kpiId, start = Day(period.Start), lastMonth = Day(period.LastMonth) }, tx, cancellationToken: ct));

    /// <summary>The first rule the input breaks, or the target its row will hold.</summary>
    private static async Task<(KpiRejection? Rejection, decimal Target)> CheckAsync(NpgsqlConnection conn, NpgsqlTransaction tx,
        KpiValueInput input, KpiState kpi, KpiEditor editor, DateOnly today, CancellationToken ct)
    {
        var period = input.Period;
        if (!editor.MayEnter(kpi.DepartmentId)) return (new KpiRejection("otherDepartment", kpi.Code), 0);
        if (kpi.Source == "computed") return (new KpiRejection("computed", kpi.Code), 0);
        if (period.Kind != kpi.PeriodKind || KpiPeriod.Containing(kpi.PeriodKind, period.Start) != period)
            return (new KpiRejection("periodKind", kpi.Code, KpiPeriod.Containing(kpi.PeriodKind, period.Start).Code, period.Code), 0);
        if (input.Actual is null && input.Target is null) return (new KpiRejection("nothing", kpi.Code), 0);
        if (input.Actual is not null && period.Start > today) return (new KpiRejection("notStarted", period.Code), 0);
        if (kpi.ClosedBy is not null)
            return (new KpiRejection("closed", period.Code, kpi.ClosedBy, AstanaClock.ToLocal(kpi.ClosedAt!.Value).ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture)), 0);
        if (input.Actual is { } actual && OutOfRange(actual, kpi.Unit, kpi.MinValue, kpi.MaxValue) is { } bad) return (bad, 0);
        if (input.Target is { } given)
        {
            if (!editor.ManagesKpis) return (new KpiRejection("targetNotYours", kpi.Code), 0);
            if (OutOfRange(given, kpi.Unit, kpi.MinValue, kpi.MaxValue) is { } badTarget) return (badTarget with { Code = "target." + badTarget.Code }, 0);
            return (null, given);
        }
        // The planning office's target of a quarter or a year first; a month's is its value row's.
        var target = kpi.SetTarget ?? kpi.ValueTarget ?? (kpi.TargetMode == "historical" ? await HistoricalTargetAsync(conn, tx, kpi.Id, period, ct) : null);
        return target is { } t ? (null, t) : (new KpiRejection("noTarget", kpi.Code, period.Code), 0);
    }

    /// <summary>The range a KPI's values may take: its own (kpis.min_value, max_value), and a share never outside 0-100.</summary>
    public static (decimal? Min, decimal? Max) Range(string unit, decimal? min, decimal? max) =>
        unit.Trim() is "%" or "percent" ? (Math.Max(min ?? 0, 0), Math.Min(max ?? 100, 100)) : (min, max);

    /// <summary>A value outside the KPI's range, with more than two decimals, or too large to store; null when it is fine.</summary>
    public static KpiRejection? OutOfRange(decimal value, string unit, decimal? min, decimal? max)
    {
        (min, max) = Range(unit, min, max);
        if (Math.Abs(value) > Largest) return new KpiRejection("tooLarge", KpiNumber.Invariant(Largest));
        if (decimal.Round(value, 2) != value) return new KpiRejection("decimals", value.ToString(CultureInfo.InvariantCulture));
        if (min is { } lo && value < lo || max is { } hi && value > hi)
            return new KpiRejection("range", KpiNumber.Invariant(value), min is { } a ? KpiNumber.Invariant(a) : "−∞", max is { } b ? KpiNumber.Invariant(b) : "∞");
        return null;
    }

    /// <summary>A historical target (Boston's CityScore): the mean of the same period's actuals in past years.</summary>
    private static Task<decimal?> HistoricalTargetAsync(NpgsqlConnection conn, NpgsqlTransaction tx, int kpiId, KpiPeriod period, CancellationToken ct) =>
        conn.ExecuteScalarAsync<decimal?>(new CommandDefinition("""
            SELECT round(avg(actual), 2) FROM kpi_values
            WHERE kpi_id = @kpiId AND actual IS NOT NULL AND period_start < @start::date
              AND extract(month FROM period_start) = extract(month FROM @start::date)
            """, new { kpiId, start = Day(period.Start) }, tx, cancellationToken: ct));

    private async Task WriteAsync(NpgsqlConnection conn, NpgsqlTransaction tx, KpiValueInput input, KpiState kpi, decimal target, decimal? actual,
        KpiEditor editor, string via, CancellationToken ct)
    {
        var actualChanged = actual != kpi.Actual;
        await conn.ExecuteAsync(new CommandDefinition("""
            INSERT INTO kpi_values AS v (kpi_id, period_start, target, actual, entered_at, entered_by)
            VALUES (@kpiId, @start::date, @target, @actual, CASE WHEN @actualChanged THEN @now END, CASE WHEN @actualChanged THEN @by END)
            ON CONFLICT (kpi_id, period_start) DO UPDATE SET
                target = EXCLUDED.target, actual = EXCLUDED.actual,
                entered_at = CASE WHEN @actualChanged THEN @now ELSE v.entered_at END,
                entered_by = CASE WHEN @actualChanged THEN @by ELSE v.entered_by END
            """, new { kpiId = kpi.Id, start = Day(input.Period.Start), target, actual, actualChanged, now = time.GetUtcNow(), by = editor.Actor.Name },
            tx, cancellationToken: ct));
        // A quarter's or a year's target is the planning office's (kpi_targets); the value's row keeps a copy.
        if (input.Target is not null && input.Period.Kind != KpiPeriod.Month)
            await KpiPlanning.UpsertTargetAsync(conn, tx, kpi.Id, input.Period, target, ct);
        var targetChanged = target != kpi.ValueTarget;
        await AuditLog.RecordAsync(conn, tx, editor.Actor, AuditActions.KpiValue, "kpi", kpi.Id.ToString(CultureInfo.InvariantCulture), new
        {
            code = kpi.Code, period = input.Period.Code, via,
            old = KpiNumber.Plain(kpi.Actual), @new = KpiNumber.Plain(actual),
            old_target = targetChanged ? KpiNumber.Plain(kpi.ValueTarget) : null,
            new_target = targetChanged ? KpiNumber.Plain(target) : null,
        }, ct);
    }
}
