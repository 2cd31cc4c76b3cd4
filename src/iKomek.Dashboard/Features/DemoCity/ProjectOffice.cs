using System.Globalization;
using IKomek.Dashboard.Platform.Images;

namespace IKomek.Dashboard.Features.DemoCity;

internal sealed record PlanChangeRow(long Id, int ProjectId, string Field, string OldValue, string NewValue, string Reason, DateTime ChangedAtUtc, string ChangedBy);

internal sealed record ResultRow(int Id, int ProjectId, string Kind, string NameRu, string NameKk, string NameEn, string Unit, decimal Planned, decimal? Achieved);

internal sealed record MeetingRow(int Id, DateOnly HeldOn, string Status);

internal sealed record MeetingItemRow(int MeetingId, int RiskId, short Position, string Owner, DateOnly DueDate, string? Decision,
    DateTime? DecidedAtUtc, string? DecidedBy);

/// <summary>
/// What the project office keeps beside each project in the demo city: plan changes against the baseline, scope
/// outlines, results, the akimat meetings' agendas, the KPIs served, the service types whose complaints near a site
/// matter, and site photos. Pure functions of their random stream.
/// </summary>
internal static class ProjectOffice
{
    public const string Office = "project.office";

    private static readonly string[] ReplanReasons =
    [
        "Корректировка ПСД после замечаний государственной экспертизы",
        "Перенос инженерных сетей, не учтённых проектом",
        "Удорожание строительных материалов, решение бюджетной комиссии",
        "Затянулось изъятие земельных участков",
        "Замена подрядчика после расторжения договора",
        "Дополнительные объёмы работ по обращениям жителей",
    ];

    private static readonly string[] Decisions =
    [
        "Поручить подрядчику представить график ускорения работ",
        "Поручить управлению финансов рассмотреть дополнительное финансирование",
        "Поручить акимату района ускорить изъятие земельных участков",
        "Провести выездное совещание на объекте",
        "Направить претензию подрядчику, рассмотреть расторжение договора",
        "Согласовать перенос сетей с эксплуатирующими организациями в течение двух недель",
    ];

    /// <summary>
    /// Moves a delayed project's current plan once or twice (the end toward the forecast, sometimes the budget up),
    /// each move recorded with its reason; the baseline stays as first approved.
    /// </summary>
    public static (ProjectPortfolio.ProjectDates Dates, decimal Budget) Replan(List<PlanChangeRow> changes, int projectId,
        ProjectPortfolio.ProjectDates baseline, decimal budget, DateOnly today, Random rng)
    {
        var moves = rng.Next(1, 3);
        var end = baseline.PlannedEnd;
        var room = baseline.ForecastEnd.DayNumber - baseline.PlannedEnd.DayNumber;
        var elapsed = Math.Max(1, today.DayNumber - baseline.Start.DayNumber);
        void Add(string field, string from, string to, DateOnly on) => changes.Add(new PlanChangeRow(changes.Count + 1, projectId, field, from, to,
            rng.Pick(ReplanReasons), on.ToDateTime(new TimeOnly(6, 0), DateTimeKind.Utc), Office));
        for (var move = 1; move <= moves; move++)
        {
            var on = baseline.Start.AddDays(elapsed * move / (moves + 1));
            var newEnd = baseline.PlannedEnd.AddDays(Math.Max(move, room * move / (moves + 2)));
            Add("planned_end_date", Iso(end), Iso(newEnd), on);
            end = newEnd;
            if (rng.Chance(0.6))
            {
                var raised = Math.Round(budget * (decimal)rng.Between(1.04, 1.2) / 1000, 0) * 1000;
                Add("budget_kzt", Invariant(budget), Invariant(raised), on);
                budget = raised;
            }
        }
        return (baseline with { PlannedEnd = end }, budget);
    }

    private static readonly HashSet<string> LinearKinds =
        ["road", "road_repair", "bike", "boulevard", "embankment", "heating_main", "networks", "storm", "water_main", "gas", "power_networks", "lighting"];

    /// <summary>A GeoJSON outline for about three projects in five: a short line for a road or a main, a small polygon for a site.</summary>
    public static string? Outline(ProjectRow project, string kind, Random rng)
    {
        if (!rng.Chance(0.6) || project.Lat is not { } lat || project.Lon is not { } lon)
        {
            return null;
        }
        const double KmPerDegreeLat = 111.2;
        var kmPerDegreeLon = KmPerDegreeLat * Math.Cos(lat * Math.PI / 180);
        string Point(double dxKm, double dyKm) => string.Create(CultureInfo.InvariantCulture,
            $"[{Math.Round(lon + dxKm / kmPerDegreeLon, 6)},{Math.Round(lat + dyKm / KmPerDegreeLat, 6)}]");
        if (LinearKinds.Contains(kind))
        {
            var length = Math.Clamp((double)(project.CapacityUnit == "km" ? project.Capacity!.Value : 1m), 0.3, 3);
            var angle = rng.Between(0, Math.PI);
            var points = Enumerable.Range(0, 4).Select(k =>
            {
                var along = (k / 3.0 - 0.5) * length;
                var bend = k is 1 or 2 ? rng.Between(-0.05, 0.05) : 0;
                return Point(along * Math.Cos(angle) - bend * Math.Sin(angle), along * Math.Sin(angle) + bend * Math.Cos(angle));
            });
            return $$"""{"type":"LineString","coordinates":[{{string.Join(',', points)}}]}""";
        }
        var half = rng.Between(0.04, 0.12);
        var ring = new[] { Point(-half, -half), Point(half, -half), Point(half, half), Point(-half, half), Point(-half, -half) };
        return $$"""{"type":"Polygon","coordinates":[[{{string.Join(',', ring)}}]]}""";
    }

    private sealed record ResultName(string Ru, string Kk, string En, string Unit);

    private static readonly Dictionary<string, ResultName> DirectByUnit = new()
    {
        ["km"] = new("Протяжённость построенных дорог и сетей", "Салынған жолдар мен желілердің ұзындығы", "Length of roads and networks built", "км"),
        ["places"] = new("Введено мест", "Пайдалануға берілген орындар", "Places commissioned", "мест"),
        ["beds"] = new("Введено коек", "Пайдалануға берілген төсек-орындар", "Beds commissioned", "коек"),
        ["visits_per_shift"] = new("Мощность поликлиники", "Емхананың қуаттылығы", "Clinic capacity", "посещ./смену"),
        ["flats"] = new("Введено квартир", "Пайдалануға берілген пәтерлер", "Flats commissioned", "кв."),
        ["gcal_h"] = new("Тепловая мощность", "Жылу қуаты", "Heat capacity", "Гкал/ч"),
        ["m3_day"] = new("Производительность", "Өнімділік", "Throughput", "м³/сут"),
        ["mva"] = new("Трансформаторная мощность", "Трансформатор қуаты", "Transformer capacity", "МВА"),
        ["m2"] = new("Площадь объекта", "Нысанның ауданы", "Floor area", "м²"),
        ["ha"] = new("Благоустроенная территория", "Абаттандырылған аумақ", "Area improved", "га"),
        ["units"] = new("Построено и установлено объектов", "Салынған және орнатылған нысандар", "Items built and installed", "ед."),
    };

    private static readonly ResultName Commissioned = new("Объект введён в эксплуатацию", "Нысан пайдалануға берілді", "Facility commissioned", "объект");

    private static readonly Dictionary<string, (ResultName Name, double Min, double Max)[]> ExtraDirect = new()
    {
        ["roads"] = [(new("Установлено светофорных объектов", "Орнатылған бағдаршам нысандары", "Traffic lights installed", "ед."), 2, 12),
                     (new("Построено тротуаров", "Салынған тротуарлар", "Sidewalks built", "км"), 1, 8)],
        ["construction"] = [(new("Благоустроено прилегающей территории", "Іргелес аумақ абаттандырылды", "Grounds landscaped", "га"), 0.3, 3),
                            (new("Создано парковочных мест", "Құрылған тұрақ орындары", "Parking spaces created", "ед."), 20, 200)],
        ["engineering"] = [(new("Заменено изношенных сетей", "Тозған желілер ауыстырылды", "Worn networks replaced", "км"), 0.5, 6),
                           (new("Подключено домов", "Қосылған үйлер", "Buildings connected", "ед."), 20, 600)],
        ["improvement"] = [(new("Высажено деревьев", "Отырғызылған ағаштар", "Trees planted", "ед."), 50, 2000),
                           (new("Установлено светильников", "Орнатылған шамдар", "Lights installed", "ед."), 20, 400)],
        ["social"] = [(new("Оснащено кабинетов", "Жабдықталған кабинеттер", "Rooms equipped", "ед."), 10, 120),
                      (new("Отремонтировано площади", "Жөнделген аудан", "Floor area repaired", "м²"), 800, 9000)],
    };

    private static readonly Dictionary<string, (ResultName Name, double Min, double Max)[]> Final = new()
    {
        ["roads"] = [(new("Сокращение времени в пути", "Жол жүру уақытының қысқаруы", "Travel time saved", "%"), 10, 30),
                     (new("Снижение жалоб на состояние дорог", "Жолдардың жай-күйіне шағымдардың азаюы", "Fewer complaints about the roads", "%"), 20, 50)],
        ["construction"] = [(new("Жители, обеспеченные объектом", "Нысанмен қамтылған тұрғындар", "Residents served", "чел."), 1000, 20000),
                            (new("Сокращение очереди", "Кезектің қысқаруы", "Shorter waiting list", "%"), 10, 40)],
        ["engineering"] = [(new("Потребители с надёжным снабжением", "Сенімді жабдықталған тұтынушылар", "Consumers with a reliable supply", "чел."), 5000, 80000),
                           (new("Снижение аварийности сетей", "Желілердегі апаттардың азаюы", "Fewer network failures", "%"), 15, 40)],
        ["improvement"] = [(new("Посетителей в год", "Жылына келушілер", "Visitors a year", "тыс. чел."), 50, 500),
                           (new("Жители в пешей доступности", "Жаяу қолжетімді тұрғындар", "Residents within walking distance", "чел."), 2000, 30000)],
        ["social"] = [(new("Жители, получающие услуги", "Қызмет алатын тұрғындар", "Residents served", "чел."), 2000, 40000),
                      (new("Сокращение ожидания услуги", "Қызметті күтудің қысқаруы", "Shorter wait for the service", "%"), 10, 40)],
    };

    /// <summary>One to three direct and one or two final results per project; achieved filled for the finished ones.</summary>
    public static IReadOnlyList<ResultRow> Results(IReadOnlyList<ProjectRow> projects, Random rng)
    {
        var results = new List<ResultRow>();
        foreach (var p in projects)
        {
            var finished = p.Status is "completed" or "archived";
            decimal? Achieved(decimal planned) => finished ? Math.Round(planned * (decimal)rng.Between(0.85, 1.05), 2) : null;
            void Add(string kind, ResultName name, decimal planned) => results.Add(new ResultRow(results.Count + 1, p.Id, kind,
                name.Ru, name.Kk, name.En, name.Unit, planned, Achieved(planned)));
            if (p.CapacityUnit is { } unit)
            {
                Add("direct", DirectByUnit[unit], p.Capacity!.Value);
            }
            else
            {
                Add("direct", Commissioned, 1);
            }
            foreach (var (name, min, max) in ExtraDirect[p.Group].Where(_ => rng.Chance(0.5)))
            {
                Add("direct", name, Math.Round((decimal)rng.Between(min, max), name.Unit is "км" or "га" ? 1 : 0));
            }
            var finals = Final[p.Group];
            foreach (var (name, min, max) in rng.Chance(0.5) ? finals : [rng.Pick(finals)])
            {
                Add("final", name, Math.Round((decimal)rng.Between(min, max), 0));
            }
        }
        return results;
    }

    /// <summary>One or two of the department's KPIs each project serves.</summary>
    public static IReadOnlyList<(int ProjectId, int KpiId)> KpiLinks(IReadOnlyList<ProjectRow> projects, IReadOnlyList<Kpi> kpis, Random rng)
    {
        var byDepartment = kpis.ToLookup(k => k.DepartmentId);
        return projects.SelectMany(p => byDepartment[p.DepartmentId].OrderBy(_ => rng.Next()).Take(rng.Next(1, 3)).OrderBy(k => k.Id)
            .Select(k => (p.Id, k.Id))).ToList();
    }

    /// <summary>
    /// The service types whose complaints near a site tell how residents live with a project of each group, by code
    /// (a code also covers its variants per object, "code_object").
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string[]> ServiceTypeCodes = new Dictionary<string, string[]>
    {
        ["roads"] = ["roads_sidewalks.potholes", "roads_sidewalks.road_repair", "roads_sidewalks.after_digging", "sanitation.dust",
            "traffic_parking.traffic_jam", "traffic_parking.traffic_light", "traffic_parking.signs"],
        ["construction"] = ["construction.noise_night", "construction.dirt_site", "construction.site_blocking", "construction.no_fence",
            "construction.mixers", "construction.crane", "construction.neighbour_damage"],
        ["engineering"] = ["heating.no_heat", "heating.planned_outage", "heating.pipe_burst", "water_supply.no_cold", "water_supply.no_hot",
            "water_supply.planned_water_outage", "roads_sidewalks.after_digging"],
        ["improvement"] = ["landscaping.trees_cut", "landscaping.planting", "landscaping.yard_improvement", "landscaping.playground",
            "landscaping.lawn_damage", "landscaping.benches"],
        ["social"] = ["education.school_repair", "education.shifts", "education.cold_class", "health.queue_doctor", "health.appointment",
            "health.attachment"],
    };

    public static IReadOnlyList<(string Group, int ServiceTypeId)> GroupServiceTypes(IReadOnlyList<ServiceType> types) =>
        ServiceTypeCodes.SelectMany(g => types
                .Where(t => g.Value.Any(code => t.Code == code || t.Code.StartsWith(code + "_", StringComparison.Ordinal)))
                .Select(t => (g.Key, t.Id)))
            .ToList();

    /// <summary>
    /// The akimat's meetings (every other Tuesday over the last four months, held, and the next one, planned) and
    /// their agendas: the risks marked for the meeting, each with its owner, a due date and, once held, the decision.
    /// A closed risk no held meeting could have discussed is unmarked.
    /// </summary>
    public static (IReadOnlyList<MeetingRow>, IReadOnlyList<MeetingItemRow>) Meetings(List<RiskRow> risks, DateOnly today, Random rng)
    {
        var lastHeld = today.AddDays(-1);
        while (lastHeld.DayOfWeek != DayOfWeek.Tuesday)
        {
            lastHeld = lastHeld.AddDays(-1);
        }
        var meetings = Enumerable.Range(0, 8).Select(k => lastHeld.AddDays(-14 * (7 - k)))
            .Select((d, i) => new MeetingRow(i + 1, d, "held")).ToList();
        var next = new MeetingRow(meetings.Count + 1, lastHeld.AddDays(14), "planned");
        meetings.Add(next);
        var items = new List<MeetingItemRow>();
        for (var i = 0; i < risks.Count; i++)
        {
            var risk = risks[i];
            if (!risk.ToMeeting)
            {
                continue;
            }
            var last = risk.ClosedOn ?? today;
            var held = meetings.Where(m => m.Status == "held" && m.HeldOn >= risk.RaisedOn && m.HeldOn <= last).ToList();
            MeetingRow? meeting = risk.IsOpen && (held.Count == 0 || rng.Chance(0.6)) ? next : held.Count > 0 ? rng.Pick(held) : null;
            if (meeting is null)
            {
                risks[i] = risk with { ToMeeting = false };
                continue;
            }
            var decided = meeting.Status == "held";
            items.Add(new MeetingItemRow(meeting.Id, risk.Id, (short)(items.Count(x => x.MeetingId == meeting.Id) + 1), risk.Owner,
                meeting.HeldOn.AddDays(rng.Next(14, 46)), decided ? rng.Pick(Decisions) : null,
                decided ? meeting.HeldOn.ToDateTime(new TimeOnly(13, 0), DateTimeKind.Utc) : null, decided ? Office : null));
        }
        return (meetings, items);
    }

    /// <summary>Two to four site photos of every public project, taken between its start and today (or its end).</summary>
    public static IReadOnlyList<PhotoRow> Photos(IReadOnlyList<ProjectRow> projects, DateOnly today, Random rng)
    {
        var photos = new List<PhotoRow>();
        foreach (var p in projects.Where(p => p.IsPublic && p.ActualStartDate is not null))
        {
            var first = p.ActualStartDate!.Value;
            var last = p.ActualEndDate ?? today.AddDays(-1);
            var count = rng.Next(2, 5);
            var end = p.ActualEndDate ?? p.ForecastEndDate;
            for (var k = 1; k <= count; k++)
            {
                var takenOn = first.AddDays((last.DayNumber - first.DayNumber) * k / count);
                var stage = (takenOn.DayNumber - first.DayNumber) / (double)Math.Max(1, end.DayNumber - first.DayNumber);
                var picture = ProjectPhotos.Draw(p.Code, p.Group, stage, photos.Count);
                var (image, thumbnail) = ProjectPhotos.Encode(picture);
                var caption = k == count && p.ActualEndDate is not null
                    ? "Объект введён в эксплуатацию"
                    : string.Create(CultureInfo.InvariantCulture, $"Ход работ на {takenOn:dd.MM.yyyy}");
                photos.Add(new PhotoRow(photos.Count + 1, p.Id, takenOn, caption, picture.Width, picture.Height, image, thumbnail,
                    takenOn.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc), Office));
            }
        }
        return photos;
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Invariant(decimal value) => value.ToString("0", CultureInfo.InvariantCulture);
}
