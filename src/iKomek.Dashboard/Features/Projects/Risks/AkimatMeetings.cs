using System.Globalization;
using Dapper;
using IKomek.Dashboard.Platform.Audit;
using Npgsql;

namespace IKomek.Dashboard.Features.Projects.Risks;

/// <summary>An akimat meeting: its date, planned or held, and how many of its agenda items have a decision.</summary>
public sealed record MeetingSummary(int Id, DateTime HeldOn, string Status, long Items, long Decided)
{
    public DateOnly Date => DateOnly.FromDateTime(HeldOn);
    public bool IsHeld => Status == "held";
}

/// <summary>One item of a meeting's agenda: a risk of a project, who answers for it by when, and the decision taken.</summary>
public sealed record AgendaItem(
    int RiskId, int Position, int DepartmentId, string ProjectCode, string NameRu, string NameKk, string NameEn, string Kind, string Title,
    short Severity, string Owner, DateTime DueDate, string? Decision, DateTime? DecidedAt);

/// <summary>An open risk flagged for the akimat meeting that no planned meeting has on its agenda yet.</summary>
public sealed record ProposedRisk(
    int RiskId, int DepartmentId, string ProjectCode, string NameRu, string NameKk, string NameEn, string Kind, string Title, short Severity,
    string? Owner, DateTime? DueDate);

/// <summary>A change the meeting's state or the given details do not allow; nothing was changed. <see cref="Key"/> is a text key.</summary>
public sealed class MeetingRejectedException(string key, params object[] args) : Exception(key)
{
    public string Key { get; } = key;
    public object[] Args { get; } = args;
}

/// <summary>
/// The akimat meeting's agenda as the project office keeps it: a meeting is scheduled (today or later), risks are put
/// on its agenda with an owner and a due date not before the meeting, a decision is recorded for each item once the
/// meeting has taken place, and the meeting is marked held when every item has one. Each step is one transaction with
/// its audit row (who, what, which meeting); a refused step changes nothing.
/// </summary>
public sealed class AkimatMeetings(NpgsqlDataSource db)
{
    public const string ScheduleAction = "meeting.schedule";
    public const string AgendaAction = "meeting.agenda";
    public const string DecisionAction = "meeting.decision";
    public const string HeldAction = "meeting.held";
    public const string SubjectKind = "meeting";
    public const int MaxText = 2000;

    public static string Key(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    // ---- Reads ----

    /// <summary>Every meeting, latest first.</summary>
    public async Task<IReadOnlyList<MeetingSummary>> GetMeetingsAsync(CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<MeetingSummary>(new CommandDefinition("""
            SELECT m.id AS Id, m.held_on::timestamp AS HeldOn, m.status AS Status, count(i.risk_id) AS Items,
                   count(i.decision) AS Decided
            FROM akimat_meetings m LEFT JOIN akimat_meeting_items i ON i.meeting_id = m.id
            GROUP BY m.id ORDER BY m.held_on DESC
            """, cancellationToken: ct))).AsList();
    }

    /// <summary>The next meeting: the first planned one from today on, else the earliest still planned (its decisions are due).</summary>
    public static MeetingSummary? Next(IReadOnlyList<MeetingSummary> meetings, DateOnly today) =>
        meetings.Where(m => !m.IsHeld).OrderBy(m => m.Date < today).ThenBy(m => m.Date).FirstOrDefault();

    public async Task<IReadOnlyList<AgendaItem>> GetAgendaAsync(int meetingId, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<AgendaItem>(new CommandDefinition("""
            SELECT i.risk_id AS RiskId, i.position::int AS Position, p.department_id::int AS DepartmentId, p.code AS ProjectCode, p.name_ru AS NameRu, p.name_kk AS NameKk,
                   p.name_en AS NameEn, r.kind AS Kind, r.title AS Title, r.severity AS Severity, i.owner AS Owner,
                   i.due_date::timestamp AS DueDate, i.decision AS Decision, i.decided_at AS DecidedAt
            FROM akimat_meeting_items i
            JOIN project_risks r ON r.id = i.risk_id
            JOIN projects p ON p.id = r.project_id
            WHERE i.meeting_id = @meetingId
            ORDER BY i.position, i.risk_id
            """, new { meetingId }, cancellationToken: ct))).AsList();
    }

    /// <summary>Open risks flagged "to the akimat meeting" that no planned meeting has on its agenda: the next agenda's candidates.</summary>
    public async Task<IReadOnlyList<ProposedRisk>> GetProposedAsync(CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<ProposedRisk>(new CommandDefinition("""
            SELECT r.id AS RiskId, p.department_id::int AS DepartmentId, p.code AS ProjectCode, p.name_ru AS NameRu, p.name_kk AS NameKk, p.name_en AS NameEn,
                   r.kind AS Kind, r.title AS Title, r.severity AS Severity, r.owner AS Owner, r.due_date::timestamp AS DueDate
            FROM project_risks r JOIN projects p ON p.id = r.project_id
            WHERE r.is_open AND r.to_meeting
              AND NOT EXISTS (SELECT 1 FROM akimat_meeting_items i JOIN akimat_meetings m ON m.id = i.meeting_id
                              WHERE i.risk_id = r.id AND m.status = 'planned')
            ORDER BY r.severity DESC, r.due_date NULLS LAST, r.id
            """, cancellationToken: ct))).AsList();
    }

    /// <summary>The city's today (city_now(), so that tests and the app agree on it).</summary>
    public async Task<DateOnly> TodayAsync(CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return DateOnly.FromDateTime(await conn.ExecuteScalarAsync<DateTime>(new CommandDefinition("SELECT city_today()::timestamp", cancellationToken: ct)));
    }

    // ---- Changes ----

    public async Task ScheduleAsync(DateOnly date, Actor actor, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var today = await TodayAsync(conn, tx, ct);
        if (date < today) throw new MeetingRejectedException("risks.error.meetingPast", date, today);
        var inserted = await conn.ExecuteAsync(new CommandDefinition(
            "INSERT INTO akimat_meetings (held_on) VALUES (@day::date) ON CONFLICT (held_on) DO NOTHING",
            new { day = Day(date) }, tx, cancellationToken: ct));
        if (inserted != 1) throw new MeetingRejectedException("risks.error.meetingExists", date);
        await AuditLog.RecordAsync(conn, tx, actor, ScheduleAction, SubjectKind, Key(date), new { date = Key(date) }, ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>Puts an open risk on a planned meeting's agenda with its owner and due date (the risk takes them too).</summary>
    public async Task PutOnAgendaAsync(int riskId, DateOnly meetingDate, string? owner, DateOnly? dueDate, Actor actor, CancellationToken ct = default)
    {
        owner = owner?.Trim();
        if (string.IsNullOrEmpty(owner)) throw new MeetingRejectedException("risks.error.ownerRequired");
        if (owner.Length > 200) throw new MeetingRejectedException("risks.error.ownerTooLong", 200);
        if (dueDate is not { } due) throw new MeetingRejectedException("risks.error.dueRequired");
        if (due < meetingDate) throw new MeetingRejectedException("risks.error.dueBeforeMeeting", due, meetingDate);

        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var meeting = await PlannedMeetingAsync(conn, tx, meetingDate, ct);
        var risk = await conn.QuerySingleOrDefaultAsync<RiskState>(new CommandDefinition("""
            SELECT r.is_open AS IsOpen, p.code AS Code FROM project_risks r JOIN projects p ON p.id = r.project_id WHERE r.id = @riskId FOR UPDATE OF r
            """, new { riskId }, tx, cancellationToken: ct)) ?? throw new MeetingRejectedException("risks.error.noRisk", riskId);
        if (!risk.IsOpen) throw new MeetingRejectedException("risks.error.riskClosed", risk.Code);
        var inserted = await conn.ExecuteAsync(new CommandDefinition("""
            INSERT INTO akimat_meeting_items (meeting_id, risk_id, position, owner, due_date)
            SELECT @meeting, @riskId, coalesce(max(position), 0) + 1, @owner, @due::date FROM akimat_meeting_items WHERE meeting_id = @meeting
            ON CONFLICT (meeting_id, risk_id) DO NOTHING
            """, new { meeting, riskId, owner, due = Day(due) }, tx, cancellationToken: ct));
        if (inserted != 1) throw new MeetingRejectedException("risks.error.alreadyOnAgenda", risk.Code, meetingDate);
        await conn.ExecuteAsync(new CommandDefinition("""
            UPDATE project_risks SET to_meeting = true, owner = @owner, due_date = @due::date, updated_at = city_now(), updated_by = @by
            WHERE id = @riskId
            """, new { riskId, owner, due = Day(due), by = actor.Name }, tx, cancellationToken: ct));
        await AuditLog.RecordAsync(conn, tx, actor, AgendaAction, SubjectKind, Key(meetingDate),
            new { risk = riskId, project = risk.Code, owner, due = Key(due) }, ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>Records the decision the meeting took on one item; the meeting must have taken place and not be closed yet.</summary>
    public async Task RecordDecisionAsync(DateOnly meetingDate, int riskId, string? decision, Actor actor, CancellationToken ct = default)
    {
        decision = decision?.Trim();
        if (string.IsNullOrEmpty(decision)) throw new MeetingRejectedException("risks.error.decisionRequired");
        if (decision.Length > MaxText) throw new MeetingRejectedException("risks.error.decisionTooLong", MaxText);

        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var meeting = await PlannedMeetingAsync(conn, tx, meetingDate, ct);
        var today = await TodayAsync(conn, tx, ct);
        if (meetingDate > today) throw new MeetingRejectedException("risks.error.decisionBeforeMeeting", meetingDate);
        var code = await conn.ExecuteScalarAsync<string?>(new CommandDefinition("""
            UPDATE akimat_meeting_items i SET decision = @decision, decided_at = city_now(), decided_by = @by
            FROM project_risks r JOIN projects p ON p.id = r.project_id
            WHERE i.meeting_id = @meeting AND i.risk_id = @riskId AND r.id = i.risk_id
            RETURNING p.code
            """, new { meeting, riskId, decision, by = actor.Name }, tx, cancellationToken: ct))
            ?? throw new MeetingRejectedException("risks.error.notOnAgenda", riskId, meetingDate);
        await AuditLog.RecordAsync(conn, tx, actor, DecisionAction, SubjectKind, Key(meetingDate),
            new { risk = riskId, project = code, length = decision.Length }, ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>Marks a meeting held once every item has its decision; its risks leave the "to the meeting" list.</summary>
    public async Task MarkHeldAsync(DateOnly meetingDate, Actor actor, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var meeting = await PlannedMeetingAsync(conn, tx, meetingDate, ct);
        var today = await TodayAsync(conn, tx, ct);
        if (meetingDate > today) throw new MeetingRejectedException("risks.error.heldBeforeDate", meetingDate);
        var items = (await conn.QueryAsync<(string Code, bool Decided)>(new CommandDefinition("""
            SELECT p.code, i.decision IS NOT NULL FROM akimat_meeting_items i
            JOIN project_risks r ON r.id = i.risk_id JOIN projects p ON p.id = r.project_id
            WHERE i.meeting_id = @meeting ORDER BY i.position
            """, new { meeting }, tx, cancellationToken: ct))).AsList();
        if (items.Count == 0) throw new MeetingRejectedException("risks.error.emptyAgenda", meetingDate);
        var undecided = items.Where(i => !i.Decided).Select(i => i.Code).ToList();
        if (undecided.Count > 0) throw new MeetingRejectedException("risks.error.undecided", string.Join(", ", undecided));
        await conn.ExecuteAsync(new CommandDefinition("""
            UPDATE akimat_meetings SET status = 'held' WHERE id = @meeting;
            UPDATE project_risks r SET to_meeting = false, updated_at = city_now(), updated_by = @by
            FROM akimat_meeting_items i WHERE i.meeting_id = @meeting AND i.risk_id = r.id AND r.to_meeting;
            """, new { meeting, by = actor.Name }, tx, cancellationToken: ct));
        await AuditLog.RecordAsync(conn, tx, actor, HeldAction, SubjectKind, Key(meetingDate), new { items = items.Count }, ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>The meeting of the date, locked for this change; refused when there is none or it is held already.</summary>
    private static async Task<int> PlannedMeetingAsync(NpgsqlConnection conn, NpgsqlTransaction tx, DateOnly date, CancellationToken ct)
    {
        var meeting = await conn.QuerySingleOrDefaultAsync<MeetingState>(new CommandDefinition(
            "SELECT id AS Id, status AS Status FROM akimat_meetings WHERE held_on = @day::date FOR UPDATE", new { day = Day(date) }, tx, cancellationToken: ct))
            ?? throw new MeetingRejectedException("risks.error.noMeeting", date);
        if (meeting.Status == "held") throw new MeetingRejectedException("risks.error.meetingHeld", date);
        return meeting.Id;
    }

    private static async Task<DateOnly> TodayAsync(NpgsqlConnection conn, NpgsqlTransaction tx, CancellationToken ct) =>
        DateOnly.FromDateTime(await conn.ExecuteScalarAsync<DateTime>(new CommandDefinition("SELECT city_today()::timestamp", transaction: tx, cancellationToken: ct)));

    private sealed record RiskState(bool IsOpen, string Code);

    private sealed record MeetingState(int Id, string Status);

    private static DateTime Day(DateOnly date) => date.ToDateTime(TimeOnly.MinValue);
}
