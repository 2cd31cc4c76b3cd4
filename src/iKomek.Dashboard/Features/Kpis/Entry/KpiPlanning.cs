using System.Globalization;
using Dapper;
using IKomek.Dashboard.Platform.Audit;
using IKomek.Dashboard.Platform.City;
using Npgsql;
using static IKomek.Dashboard.Features.Kpis.Entry.KpiSql;

namespace IKomek.Dashboard.Features.Kpis.Entry;

/// <summary>
/// The planning office's tools (CityAction.ManageKpis): closing and reopening a reporting month, setting a KPI's
/// target of a month, quarter or year, and its weight. Each is checked on the server, written with its audit row in
/// one transaction, and refused with a <see cref="KpiEntryRejectedException"/> that says why.
/// </summary>
public sealed class KpiPlanning(NpgsqlDataSource db, TimeProvider time)
{
    /// <summary>A weight is numeric(6, 2).</summary>
    public const decimal MaxWeight = 9999.99m;

    public async Task CloseMonthAsync(DateOnly month, KpiEditor editor, CancellationToken ct = default)
    {
        var period = CheckMonth(month, editor);
        if (period.Start > new AstanaClock(time).Today) throw Rejected("notStarted", period.Code);
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await LockPeriodsAsync(conn, tx, ct);
        var closed = await ClosedAsync(conn, tx, period.Start, ct);
        if (closed is { } c) throw Rejected("alreadyClosed", period.Code, c.By, Local(c.At));
        await conn.ExecuteAsync(new CommandDefinition(
            "INSERT INTO kpi_periods (period_start, closed_at, closed_by) VALUES (@start::date, @now, @by)",
            new { start = Day(period.Start), now = time.GetUtcNow(), by = editor.Actor.Name }, tx, cancellationToken: ct));
        await AuditLog.RecordAsync(conn, tx, editor.Actor, AuditActions.KpiPeriod, "kpi_period", period.Code, new { change = "closed" }, ct);
        await tx.CommitAsync(ct);
    }

    public async Task ReopenMonthAsync(DateOnly month, KpiEditor editor, CancellationToken ct = default)
    {
        var period = CheckMonth(month, editor);
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await LockPeriodsAsync(conn, tx, ct);
        if (await ClosedAsync(conn, tx, period.Start, ct) is not { } closed) throw Rejected("notClosed", period.Code);
        await conn.ExecuteAsync(new CommandDefinition("DELETE FROM kpi_periods WHERE period_start = @start::date", new { start = Day(period.Start) }, tx, cancellationToken: ct));
        await AuditLog.RecordAsync(conn, tx, editor.Actor, AuditActions.KpiPeriod, "kpi_period", period.Code,
            new { change = "reopened", closed_by = closed.By, closed_at = closed.At }, ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>
    /// A KPI's target of a period as long as or longer than its own (a monthly KPI has month, quarter and year targets;
    /// a quarterly one, quarter and year). A month's target is its value row's (kpi_values), a quarter's or a year's
    /// kpi_targets' (and the value row's too when that is the KPI's own period).
    /// </summary>
    public async Task SetTargetAsync(int kpiId, KpiPeriod period, decimal target, KpiEditor editor, CancellationToken ct = default)
    {
        if (!editor.ManagesKpis) throw Rejected("notAllowed");
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_xact_lock_shared(@PeriodLock)", new { KpiValueEntry.PeriodLock }, tx, cancellationToken: ct));
        var kpi = await conn.QuerySingleOrDefaultAsync<(string Code, string Unit, string PeriodKind, decimal? Min, decimal? Max)>(new CommandDefinition(
            "SELECT code, unit, period_kind, min_value, max_value FROM kpis WHERE id = @kpiId FOR UPDATE", new { kpiId }, tx, cancellationToken: ct));
        if (kpi.Code is null) throw Rejected("unknownKpi", kpiId.ToString(CultureInfo.InvariantCulture));
        if (Array.IndexOf(KpiPeriod.Kinds, period.Kind) < Array.IndexOf(KpiPeriod.Kinds, kpi.PeriodKind))
            throw Rejected("targetKind", kpi.Code, KpiPeriod.Containing(kpi.PeriodKind, period.Start).Code, period.Code);
        if (KpiValueEntry.OutOfRange(target, kpi.Unit, kpi.Min, kpi.Max) is { } bad) throw new KpiEntryRejectedException(bad with { Code = "target." + bad.Code });
        if (await ClosedAsync(conn, tx, period.LastMonth, ct) is { } closed) throw Rejected("closed", period.Code, closed.By, Local(closed.At));

        var old = period.Kind == KpiPeriod.Month
            ? await conn.ExecuteScalarAsync<decimal?>(new CommandDefinition(
                "SELECT target FROM kpi_values WHERE kpi_id = @kpiId AND period_start = @start::date", new { kpiId, start = Day(period.Start) }, tx, cancellationToken: ct))
            : await conn.ExecuteScalarAsync<decimal?>(new CommandDefinition(
                "SELECT target FROM kpi_targets WHERE kpi_id = @kpiId AND period_kind = @kind AND period_start = @start::date",
                new { kpiId, kind = period.Kind, start = Day(period.Start) }, tx, cancellationToken: ct));
        if (old == target) return;
        if (period.Kind != KpiPeriod.Month) await UpsertTargetAsync(conn, tx, kpiId, period, target, ct);
        if (period.Kind == kpi.PeriodKind)
        {
            // The KPI's own period: its value row carries the target (a row without an actual until one is entered).
            await conn.ExecuteAsync(new CommandDefinition("""
                INSERT INTO kpi_values (kpi_id, period_start, target) VALUES (@kpiId, @start::date, @target)
                ON CONFLICT (kpi_id, period_start) DO UPDATE SET target = EXCLUDED.target
                """, new { kpiId, start = Day(period.Start), target }, tx, cancellationToken: ct));
        }
        await AuditLog.RecordAsync(conn, tx, editor.Actor, AuditActions.KpiTarget, "kpi", kpiId.ToString(CultureInfo.InvariantCulture),
            new { code = kpi.Code, period = period.Code, old = KpiNumber.Plain(old), @new = KpiNumber.Plain(target) }, ct);
        await tx.CommitAsync(ct);
    }

    public async Task SetWeightAsync(int kpiId, decimal weight, KpiEditor editor, CancellationToken ct = default)
    {
        if (!editor.ManagesKpis) throw Rejected("notAllowed");
        if (weight <= 0) throw Rejected("weightPositive", KpiNumber.Invariant(weight));
        if (weight > MaxWeight) throw Rejected("weightLarge", KpiNumber.Invariant(MaxWeight));
        if (decimal.Round(weight, 2) != weight) throw Rejected("decimals", weight.ToString(CultureInfo.InvariantCulture));
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var kpi = await conn.QuerySingleOrDefaultAsync<(string Code, decimal Weight)>(new CommandDefinition(
            "SELECT code, weight FROM kpis WHERE id = @kpiId FOR UPDATE", new { kpiId }, tx, cancellationToken: ct));
        if (kpi.Code is null) throw Rejected("unknownKpi", kpiId.ToString(CultureInfo.InvariantCulture));
        if (kpi.Weight == weight) return;
        await conn.ExecuteAsync(new CommandDefinition(
            "UPDATE kpis SET weight = @weight, updated_at = @now, updated_by = @by WHERE id = @kpiId",
            new { kpiId, weight, now = time.GetUtcNow(), by = editor.Actor.Name }, tx, cancellationToken: ct));
        await AuditLog.RecordAsync(conn, tx, editor.Actor, AuditActions.KpiWeight, "kpi", kpiId.ToString(CultureInfo.InvariantCulture),
            new { code = kpi.Code, old = KpiNumber.Plain(kpi.Weight), @new = KpiNumber.Plain(weight) }, ct);
        await tx.CommitAsync(ct);
    }

    internal static Task UpsertTargetAsync(NpgsqlConnection conn, NpgsqlTransaction tx, int kpiId, KpiPeriod period, decimal target, CancellationToken ct) =>
        conn.ExecuteAsync(new CommandDefinition("""
            INSERT INTO kpi_targets (kpi_id, period_kind, period_start, target) VALUES (@kpiId, @kind, @start::date, @target)
            ON CONFLICT (kpi_id, period_kind, period_start) DO UPDATE SET target = EXCLUDED.target
            """, new { kpiId, kind = period.Kind, start = Day(period.Start), target }, tx, cancellationToken: ct));

    private static KpiPeriod CheckMonth(DateOnly month, KpiEditor editor)
    {
        if (!editor.ManagesKpis) throw Rejected("notAllowed");
        return KpiPeriod.Containing(KpiPeriod.Month, month);
    }

    /// <summary>Waits for saves in progress to commit, and holds new ones until this transaction ends.</summary>
    private static Task LockPeriodsAsync(NpgsqlConnection conn, NpgsqlTransaction tx, CancellationToken ct) =>
        conn.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_xact_lock(@PeriodLock)", new { KpiValueEntry.PeriodLock }, tx, cancellationToken: ct));

    private sealed record Closed(string By, DateTime At);

    private static Task<Closed?> ClosedAsync(NpgsqlConnection conn, NpgsqlTransaction tx, DateOnly month, CancellationToken ct) =>
        conn.QuerySingleOrDefaultAsync<Closed>(new CommandDefinition(
            "SELECT closed_by AS By, closed_at AS At FROM kpi_periods WHERE period_start = @month::date", new { month = Day(month) }, tx, cancellationToken: ct));

    private static string Local(DateTime utc) => AstanaClock.ToLocal(utc).ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture);

    private static KpiEntryRejectedException Rejected(string code, params string[] args) => new(new KpiRejection(code, args));
}
