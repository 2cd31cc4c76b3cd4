namespace IKomek.Dashboard.Features.DemoCity;

/// <summary>
/// Writes an appeal's history and the fields that follow from it. The whole life is drawn first
/// (registered -> [assigned -> forwarded* -> in_progress -> waiting_citizen?] -> resolved -> closed, with a
/// possible reopening) and then cut at "now": so recent appeals are naturally still open, and those
/// whose resolution falls after their deadline are overdue.
/// </summary>
internal sealed class Lifecycle
{
    private const long Second = TimeSpan.TicksPerSecond;
    private const long Minute = TimeSpan.TicksPerMinute;
    private const long Hour = TimeSpan.TicksPerHour;
    private const long Day = TimeSpan.TicksPerDay;

    private static readonly string[] ResolvedNotes = ["Работы выполнены", "Проблема устранена", "Заявка исполнена", "Дан ответ заявителю"];
    private static readonly string[] ClosedNotes = ["Заявитель подтвердил выполнение", "Закрыто после звонка заявителю", "Закрыто автоматически через 3 дня"];

    private readonly IReadOnlyList<Organisation> _organisations;
    private readonly long _nowTicks;
    private readonly List<Step> _steps = new(16);

    public Lifecycle(IReadOnlyList<Organisation> organisations, DateTime nowUtc)
    {
        _organisations = organisations;
        _nowTicks = nowUtc.Ticks;
    }

    public long NextEventId { get; private set; } = 1;

    private readonly record struct Step(long Ticks, string Status, int? OrganisationId, short? DepartmentId, string? Note);

    /// <param name="appeal">Id, CreatedAt, DepartmentId and the final OrganisationId are set.</param>
    public void Build(AppealRow appeal, ServiceType type, bool firstContact, string? duplicateOf, Random rng, List<AppealEventRow> events)
    {
        var created = appeal.CreatedAt.Ticks;
        var department = appeal.DepartmentId;
        var organisation = appeal.OrganisationId;
        appeal.SlaDueAt = DemoCalendar.AddWorkingDays(appeal.CreatedAt, type.SlaWorkingDays);
        var due = appeal.SlaDueAt.Ticks;

        _steps.Clear();
        _steps.Add(new Step(created, AppealStatus.Registered, null, null, null));
        var breached = false;
        var reopened = false;
        if (duplicateOf is not null)
        {
            var at = created + Minutes(rng, 1, 10);
            _steps.Add(new Step(at, AppealStatus.Resolved, null, department, "Дубликат обращения " + duplicateOf));
            _steps.Add(new Step(at + Minutes(rng, 1, 5), AppealStatus.Closed, null, department, null));
        }
        else if (firstContact)
        {
            var at = created + Minutes(rng, 2, 20);
            _steps.Add(new Step(at, AppealStatus.Resolved, null, department, type.IsInformation ? "Дана консультация" : "Решено на линии"));
            _steps.Add(new Step(at + Minutes(rng, 1, 30), AppealStatus.Closed, null, department, null));
        }
        else
        {
            long resolveAt;
            if (type.IsCritical)
            {
                // Outages and threats to life: a crew goes out the same day, a few get stuck past the deadline.
                breached = rng.Chance(0.06 * Discipline(department));
                resolveAt = breached ? due + (long)(rng.Exponential(0.6) * Day) + Hour : created + Minutes(rng, 60, 20 * 60);
            }
            else
            {
                // A few miss the deadline outright; reopened ones (below) add a few more: 5-10% in all.
                breached = rng.Chance(0.03 * Discipline(department));
                var span = Math.Max(due - created, Hour);
                resolveAt = breached
                    ? due + (long)(rng.Exponential(2.5) * Day) + Hour
                    : created + (long)(span * (0.04 + 0.92 * Math.Pow(rng.NextDouble(), 1.4)));
            }
            reopened = rng.Chance(0.08);
            AddWork(created, resolveAt, organisation ?? 0, department, type.IsCritical, rng);
            AddClosing(resolveAt, reopened, organisation, department, rng, Minutes(rng, 120, 72 * 60));
        }
        Apply(appeal, type, firstContact || duplicateOf is not null, breached, reopened, rng, events);
    }

    private void AddWork(long created, long resolveAt, int organisation, short department, bool critical, Random rng)
    {
        var span = resolveAt - created;
        long At(double fraction) => created + (long)(span * fraction);
        var forwards = rng.NextDouble() switch { < 0.90 => 0, < 0.975 => 1, < 0.995 => 2, _ => 3 };
        var current = forwards == 0 ? organisation : WrongOrganisation(organisation, rng);
        _steps.Add(new Step(Math.Max(At(rng.Between(0.01, 0.05)), created + 3 * Minute), AppealStatus.Assigned, current, DepartmentOf(current), null));
        for (var i = 1; i <= forwards; i++)
        {
            current = i == forwards ? organisation : WrongOrganisation(organisation, rng);
            _steps.Add(new Step(At(0.05 + 0.25 * i / (forwards + 1)), AppealStatus.Forwarded, current, DepartmentOf(current), "Переадресовано: не по компетенции"));
        }
        _steps.Add(new Step(At(rng.Between(0.32, 0.5)), AppealStatus.InProgress, organisation, department, critical ? "Выезд аварийной бригады" : null));
        if (rng.Chance(0.12))
        {
            _steps.Add(new Step(At(rng.Between(0.52, 0.6)), AppealStatus.WaitingCitizen, organisation, department, "Нет доступа, ожидаем заявителя"));
            _steps.Add(new Step(At(rng.Between(0.65, 0.9)), AppealStatus.InProgress, organisation, department, null));
        }
        _steps.Add(new Step(resolveAt, AppealStatus.Resolved, organisation, department, rng.Pick(ResolvedNotes)));
    }

    private void AddClosing(long resolvedAt, bool reopened, int? organisation, short department, Random rng, long closeDelay)
    {
        if (reopened)
        {
            var at = resolvedAt + Minutes(rng, 12 * 60, 3 * 24 * 60);
            _steps.Add(new Step(at, AppealStatus.Reopened, organisation, department, "Заявитель не согласен с результатом"));
            at += Minutes(rng, 60, 8 * 60);
            _steps.Add(new Step(at, AppealStatus.InProgress, organisation, department, null));
            at += Minutes(rng, 6 * 60, 2 * 24 * 60);
            _steps.Add(new Step(at, AppealStatus.Resolved, organisation, department, "Повторно устранено"));
            resolvedAt = at;
        }
        _steps.Add(new Step(resolvedAt + closeDelay, AppealStatus.Closed, organisation, department, rng.Pick(ClosedNotes)));
    }

    /// <summary>Keeps what happened up to now, writes the events and derives the appeal's fields.</summary>
    private void Apply(AppealRow appeal, ServiceType type, bool resolvedOnCall, bool breached, bool reopened, Random rng, List<AppealEventRow> events)
    {
        string status = AppealStatus.Registered;
        long? resolvedAt = null;
        long? closedAt = null;
        int? organisation = null;
        short forwards = 0, reopenings = 0;
        foreach (var step in _steps)
        {
            var ticks = step.Ticks - step.Ticks % Second;
            if (ticks > _nowTicks)
            {
                break;
            }
            var at = new DateTime(ticks, DateTimeKind.Utc);
            events.Add(new AppealEventRow(NextEventId++, appeal.Id, at, step.Status, step.OrganisationId, step.DepartmentId, step.Note));
            status = step.Status;
            organisation = step.OrganisationId ?? organisation;
            switch (step.Status)
            {
                case AppealStatus.Resolved: resolvedAt = ticks; break;
                case AppealStatus.Closed: closedAt = ticks; break;
                case AppealStatus.Forwarded: forwards++; break;
                case AppealStatus.Reopened: reopenings++; resolvedAt = null; break;
            }
        }
        appeal.Status = status;
        appeal.ResolvedAt = status is AppealStatus.Resolved or AppealStatus.Closed && resolvedAt is { } r ? new DateTime(r, DateTimeKind.Utc) : null;
        appeal.ClosedAt = status == AppealStatus.Closed && closedAt is { } c ? new DateTime(c, DateTimeKind.Utc) : null;
        appeal.ForwardCount = forwards;
        appeal.ReopenedCount = reopenings;
        appeal.FirstContactResolved = resolvedOnCall;
        if (!resolvedOnCall)
        {
            // Until it is assigned nobody owns the appeal; later it is whoever has it now, which for a
            // misrouted appeal not yet forwarded is the wrong organisation (and its department).
            appeal.OrganisationId = organisation;
            if (organisation is { } holder)
            {
                appeal.DepartmentId = DepartmentOf(holder);
            }
        }
        appeal.Satisfaction = status == AppealStatus.Closed && rng.Chance(0.65) ? Satisfaction(rng, resolvedOnCall, breached || reopened, appeal.DepartmentId) : null;
    }

    /// <summary>
    /// How a department keeps its deadlines, against the city's usual: 0.5 (twice as few missed) to 2.5, fixed per
    /// department, so that departments differ as a real city's do (the managers' rating has something to tell apart).
    /// The same number of draws either way: the rest of the city comes out as before.
    /// </summary>
    internal static double Discipline(short department) => 0.5 + (department * 37 % 11) / 5.0;

    /// <summary>How a department's citizens rate it, -1 (worse) to 1 (better) than the city's usual, fixed per department.</summary>
    internal static double Mood(short department) => (department * 53 % 7 - 3) / 3.0;

    private static short Satisfaction(Random rng, bool resolvedOnCall, bool troubled, short department)
    {
        // Mostly 4-5; lower when the deadline was missed or the citizen had to reopen; and each department's own way.
        double[] usual = troubled ? [0.2, 0.2, 0.25, 0.2, 0.15] : resolvedOnCall ? [0.02, 0.03, 0.08, 0.25, 0.62] : [0.05, 0.07, 0.13, 0.3, 0.45];
        double[] toward = Mood(department) < 0 ? [0.25, 0.2, 0.25, 0.18, 0.12] : [0.01, 0.02, 0.05, 0.2, 0.72];
        var mix = Math.Abs(Mood(department)) * 0.6;
        var shares = usual.Select((share, i) => share * (1 - mix) + toward[i] * mix).ToArray();
        var u = rng.NextDouble();
        for (var i = 0; i < 5; i++)
        {
            u -= shares[i];
            if (u < 0)
            {
                return (short)(i + 1);
            }
        }
        return 5;
    }

    private int WrongOrganisation(int right, Random rng)
    {
        while (true)
        {
            var candidate = _organisations[rng.Next(_organisations.Count)].Id;
            if (candidate != right)
            {
                return candidate;
            }
        }
    }

    private short DepartmentOf(int organisationId) => _organisations[organisationId - 1].DepartmentId;

    private static long Minutes(Random rng, int min, int max) => (min + (long)(rng.NextDouble() * (max - min))) * Minute;
}
