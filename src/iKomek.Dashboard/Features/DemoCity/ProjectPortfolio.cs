using System.Globalization;

namespace IKomek.Dashboard.Features.DemoCity;

internal sealed record ProjectRow(
    int Id, string Code, string NameRu, string NameKk, string NameEn, string Group, short DepartmentId, short? DistrictId,
    short DeputyId, string ProjectHead, string Scope, DateOnly StartDate, DateOnly PlannedEndDate, DateOnly ForecastEndDate,
    DateOnly? ActualEndDate, decimal BudgetKzt, decimal SpentKzt, decimal ProgressPct, string Status, bool IsPublic, double? Lat, double? Lon,
    DateOnly BaselineStartDate, DateOnly BaselineEndDate, decimal BaselineBudgetKzt, DateOnly? ActualStartDate,
    decimal? AreaHa, short? Storeys, decimal? Capacity, string? CapacityUnit, string? Outline);

internal sealed record MilestoneRow(int Id, int ProjectId, string Name, DateOnly DueDate, DateOnly? DoneDate, short Position);

internal sealed record RiskRow(int Id, int ProjectId, string Title, short Severity, bool IsOpen, DateOnly RaisedOn,
    string Kind, string Owner, DateOnly DueDate, bool ToMeeting, DateOnly? ClosedOn);

/// <summary>
/// The project office's portfolio (DOMAIN.md): 420 ongoing projects and 210 completed or archived ones in
/// five groups, about a fifth of the ongoing ones delayed, 128 infrastructure projects published, each
/// with its deputy akim, head, scope, budget, milestones and risks.
/// </summary>
internal sealed class ProjectPortfolio
{
    private const int PublicProjects = 128;

    public required IReadOnlyList<ProjectRow> Projects { get; init; }
    public required IReadOnlyList<MilestoneRow> Milestones { get; init; }
    public required IReadOnlyList<RiskRow> Risks { get; init; }
    public required IReadOnlyList<PlanChangeRow> PlanChanges { get; init; }
    public required IReadOnlyList<ResultRow> Results { get; init; }
    public required IReadOnlyList<MeetingRow> Meetings { get; init; }
    public required IReadOnlyList<MeetingItemRow> MeetingItems { get; init; }
    public required IReadOnlyList<(int ProjectId, int KpiId)> ProjectKpis { get; init; }
    public required IReadOnlyList<(string Group, int ServiceTypeId)> GroupServiceTypes { get; init; }
    public required IReadOnlyList<PhotoRow> Photos { get; init; }

    private sealed record Template(string Ru, string Kk, string En, string Kind, string Department);

    // Placeholders: {sR} {sK} {sKacc} {sE} a street (ru, kk, kk accusative, en), {s2..} another, {dR} {dK} {dE} a district,
    // {mR} {mK} {mE} a residential area, {pR} {pK} {pE} a park, {N} places, {n} a number.
    private static readonly Dictionary<string, Template[]> Templates = new()
    {
        ["roads"] =
        [
            new("Строительство автомобильной дороги по {sR} от {s2R} до {s3R}", "{sK} бойынша {s2K} мен {s3K} аралығында автомобиль жолын салу", "Construction of a road along {sE} from {s2E} to {s3E}", "road", "transport_roads"),
            new("Реконструкция {sR}", "{sKacc} реконструкциялау", "Reconstruction of {sE}", "road", "transport_roads"),
            new("Капитальный ремонт {sR}", "{sKacc} күрделі жөндеу", "Major repair of {sE}", "road_repair", "transport_roads"),
            new("Средний ремонт внутриквартальных дорог района «{dR}»", "«{dK}» ауданының орамішілік жолдарын орташа жөндеу", "Medium repair of inner-block roads in {dE} district", "road_repair", "transport_roads"),
            new("Строительство транспортной развязки на пересечении {sR} и {s2R}", "{sK} мен {s2K} қиылысында көлік айрығын салу", "Construction of an interchange at {sE} and {s2E}", "interchange", "transport_roads"),
            new("Строительство пешеходного моста через реку Есиль в районе {sR}", "{sK} маңында Есіл өзені арқылы жаяу жүргіншілер көпірін салу", "Construction of a footbridge over the Yesil near {sE}", "bridge", "transport_roads"),
            new("Строительство дорог в жилом массиве {mR}", "{mK} тұрғын алабында жолдар салу", "Construction of roads in the {mE} residential area", "road", "transport_roads"),
            new("Строительство велодорожек вдоль {sR}", "{sK} бойымен велосипед жолдарын салу", "Construction of cycle paths along {sE}", "bike", "transport_roads"),
            new("Строительство подземного пешеходного перехода на {sR}", "{sK} бойында жерасты жаяу жүргіншілер өткелін салу", "Construction of a pedestrian underpass on {sE}", "underpass", "transport_roads"),
        ],
        ["construction"] =
        [
            new("Строительство школы на {N} мест в районе «{dR}»", "«{dK}» ауданында {N} орындық мектеп салу", "Construction of a {N}-place school in {dE} district", "school", "construction"),
            new("Строительство школы на {N} мест по {sR}", "{sK} бойынша {N} орындық мектеп салу", "Construction of a {N}-place school on {sE}", "school", "construction"),
            new("Строительство детского сада на {N} мест в ж/м {mR}", "{mK} тұрғын алабында {N} орындық балабақша салу", "Construction of a {N}-place kindergarten in {mE}", "kindergarten", "construction"),
            new("Строительство многоквартирного жилого дома (кредитное жильё) по {sR}", "{sK} бойынша көппәтерлі тұрғын үй салу (несиелік тұрғын үй)", "Construction of an apartment building (credit housing) on {sE}", "housing", "construction"),
            new("Строительство арендного жилья по {sR}, пятно {n}", "{sK} бойынша жалдамалы тұрғын үй салу, {n}-дақ", "Construction of rental housing on {sE}, plot {n}", "housing", "construction"),
            new("Строительство общежития на {N} мест по {sR}", "{sK} бойынша {N} орындық жатақхана салу", "Construction of a {N}-bed dormitory on {sE}", "dormitory", "construction"),
            new("Строительство здания акимата района «{dR}»", "«{dK}» ауданы әкімдігінің ғимаратын салу", "Construction of the akimat building of {dE} district", "office", "construction"),
            new("Строительство спортивного комплекса по {sR}", "{sK} бойынша спорт кешенін салу", "Construction of a sports complex on {sE}", "sport", "construction"),
            new("Строительство пожарного депо в ж/м {mR}", "{mK} тұрғын алабында өрт сөндіру депосын салу", "Construction of a fire station in {mE}", "office", "construction"),
        ],
        ["engineering"] =
        [
            new("Реконструкция магистральной тепловой сети М-{n} по {sR}", "{sK} бойынша М-{n} магистральдық жылу желісін реконструкциялау", "Reconstruction of the M-{n} heating main along {sE}", "heating_main", "energy"),
            new("Строительство сетей водоснабжения и канализации в ж/м {mR}", "{mK} тұрғын алабында сумен жабдықтау және кәріз желілерін салу", "Construction of water and sewer networks in {mE}", "networks", "water"),
            new("Строительство ливневой канализации по {sR}", "{sK} бойынша нөсер кәрізін салу", "Construction of storm drainage along {sE}", "storm", "water"),
            new("Строительство канализационной насосной станции КНС-{n}", "КНС-{n} кәріз сорғы станциясын салу", "Construction of sewage pumping station KNS-{n}", "pumping", "water"),
            new("Реконструкция водовода по {sR}", "{sK} бойынша су құбырын реконструкциялау", "Reconstruction of the water main along {sE}", "water_main", "water"),
            new("Строительство подстанции 110/10 кВ «{mR}»", "«{mK}» 110/10 кВ қосалқы станциясын салу", "Construction of the 110/10 kV substation {mE}", "substation", "energy"),
            new("Газификация жилого массива {mR}", "{mK} тұрғын алабын газдандыру", "Gasification of the {mE} residential area", "gas", "energy"),
            new("Модернизация ТЭЦ-2: замена котлоагрегата №{n}", "ЖЭО-2 жаңғырту: №{n} қазандық агрегатын ауыстыру", "CHP-2 modernisation: replacement of boiler unit {n}", "chp", "energy"),
            new("Строительство сетей электроснабжения в ж/м {mR}", "{mK} тұрғын алабында электрмен жабдықтау желілерін салу", "Construction of power networks in {mE}", "power_networks", "energy"),
        ],
        ["improvement"] =
        [
            new("Благоустройство сквера по {sR}", "{sK} бойынша скверді абаттандыру", "Improvement of the square on {sE}", "square", "greening"),
            new("Благоустройство бульвара вдоль {sR}", "{sK} бойындағы бульварды абаттандыру", "Improvement of the boulevard along {sE}", "boulevard", "greening"),
            new("Реконструкция парка «{pR}»", "«{pK}» саябағын реконструкциялау", "Reconstruction of {pE} Park", "park", "greening"),
            new("Благоустройство дворовых территорий по {sR}", "{sK} бойынша аула аумақтарын абаттандыру", "Improvement of courtyards on {sE}", "yards", "akimat"),
            new("Благоустройство набережной реки Есиль от {sR} до {s2R}", "{sK} мен {s2K} аралығында Есіл өзенінің жағалауын абаттандыру", "Improvement of the Yesil embankment from {sE} to {s2E}", "embankment", "greening"),
            new("Озеленение {sR}", "{sKacc} көгалдандыру", "Greening of {sE}", "greening", "greening"),
            new("Строительство детских и спортивных площадок в ж/м {mR}", "{mK} тұрғын алабында балалар және спорт алаңдарын салу", "Playgrounds and sports grounds in {mE}", "playgrounds", "akimat"),
            new("Архитектурная подсветка {sR}", "{sK} сәулеттік жарықтандыру", "Architectural lighting of {sE}", "lighting", "greening"),
        ],
        ["social"] =
        [
            new("Строительство поликлиники на {N} посещений в смену в ж/м {mR}", "{mK} тұрғын алабында ауысымына {N} келушіге арналған емхана салу", "Construction of a clinic for {N} visits per shift in {mE}", "clinic", "health"),
            new("Капитальный ремонт школы №{n}", "№{n} мектепті күрделі жөндеу", "Major repair of school No. {n}", "school_repair", "education"),
            new("Капитальный ремонт поликлиники №{n}", "№{n} емхананы күрделі жөндеу", "Major repair of clinic No. {n}", "clinic_repair", "health"),
            new("Строительство центра оказания специальных социальных услуг в районе «{dR}»", "«{dK}» ауданында арнаулы әлеуметтік қызметтер көрсету орталығын салу", "Construction of a social services centre in {dE} district", "social_centre", "social"),
            new("Строительство физкультурно-оздоровительного комплекса в районе «{dR}»", "«{dK}» ауданында дене шынықтыру-сауықтыру кешенін салу", "Construction of a fitness centre in {dE} district", "sport", "sport"),
            new("Строительство дома культуры в ж/м {mR}", "{mK} тұрғын алабында мәдениет үйін салу", "Construction of a house of culture in {mE}", "culture", "culture"),
            new("Капитальный ремонт детского сада №{n}", "№{n} балабақшаны күрделі жөндеу", "Major repair of kindergarten No. {n}", "kg_repair", "education"),
            new("Строительство реабилитационного центра для детей с инвалидностью", "Мүгедек балаларға арналған оңалту орталығын салу", "Construction of a rehabilitation centre for children with disabilities", "social_centre", "social"),
        ],
    };

    private static readonly (string Ru, string Kk, string En)[] ResidentialAreas =
    [
        ("Коктал", "Көктал", "Koktal"), ("Ильинка", "Ильинка", "Ilyinka"), ("Мичурино", "Мичурин", "Michurino"), ("Тельмана", "Тельман", "Telmana"),
        ("Юго-Восток", "Оңтүстік-Шығыс", "Yugo-Vostok"), ("Уркер", "Өркен", "Urker"), ("Интернациональный", "Интернационал", "Internatsionalny"),
        ("Железнодорожный", "Темір жол", "Zheleznodorozhny"), ("Промышленный", "Өнеркәсіп", "Promyshlenny"), ("Караоткель", "Қараөткел", "Karaotkel"),
    ];

    private static readonly (string Ru, string Kk, string En)[] Parks =
    [
        ("Жеруйык", "Жерұйық", "Zheruyik"), ("Арай", "Арай", "Aray"), ("Жетысу", "Жетісу", "Zhetysu"), ("Триатлон", "Триатлон", "Triathlon"),
        ("Ататюрк", "Ататүрік", "Ataturk"), ("Студенческий", "Студенттер", "Student"), ("Ынтымак", "Ынтымақ", "Yntymak"), ("Лесопарк", "Орманды саябақ", "Forest"),
    ];

    private static readonly Dictionary<string, string[]> MilestoneNames = new()
    {
        ["roads"] = ["Разработка ПСД", "Государственная экспертиза ПСД", "Конкурс и договор подряда", "Перенос инженерных сетей", "Земляные работы и основание",
            "Укладка асфальтобетонного покрытия", "Освещение и светофоры", "Разметка и благоустройство", "Ввод в эксплуатацию"],
        ["construction"] = ["Разработка ПСД", "Государственная экспертиза", "Конкурс и договор подряда", "Подготовительные работы", "Устройство фундамента",
            "Возведение каркаса", "Кровельные работы", "Наружные инженерные сети", "Отделочные работы", "Благоустройство территории", "Ввод в эксплуатацию"],
        ["engineering"] = ["Разработка ПСД", "Государственная экспертиза", "Конкурс и договор подряда", "Изъятие земельных участков", "Прокладка трубопроводов",
            "Монтаж оборудования", "Гидравлические испытания", "Восстановление благоустройства", "Ввод в эксплуатацию"],
        ["improvement"] = ["Эскизный проект и общественные слушания", "Разработка ПСД", "Конкурс и договор подряда", "Демонтажные работы", "Озеленение",
            "Малые архитектурные формы", "Освещение", "Открытие объекта"],
        ["social"] = ["Разработка ПСД", "Государственная экспертиза", "Конкурс и договор подряда", "Строительно-монтажные работы", "Инженерные системы",
            "Оснащение оборудованием", "Ввод в эксплуатацию"],
    };

    private static readonly string[] RiskTitles =
    [
        "Удорожание строительных материалов", "Задержка финансирования", "Неисполнение обязательств подрядчиком", "Изъятие земельных участков затягивается",
        "Перенос инженерных сетей не согласован", "Неблагоприятные погодные условия", "Замечания государственной экспертизы к ПСД", "Нехватка рабочей силы",
        "Возражения жителей", "Выявлены дополнительные объёмы работ", "Задержка поставки оборудования", "Судебный спор с подрядчиком",
    ];

    private static readonly string[] Phases = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"];

    private static readonly (string Group, string Prefix, int Count)[] Groups =
        [("roads", "RD", 130), ("construction", "CN", 170), ("engineering", "EN", 120), ("improvement", "IM", 120), ("social", "SC", 90)];

    public static ProjectPortfolio Build(DemoCitySettings settings, ReferenceData reference, AddressBook addresses, KpiCatalog kpis, Random rng)
    {
        // The project office's extra records draw from a stream of their own so the projects themselves stay as they were.
        var office = Rng.Stream(settings.Seed, "project-office");
        var planChanges = new List<PlanChangeRow>();
        var heads = new People(Rng.Stream(settings.Seed, "project-heads"));
        var headNames = Enumerable.Range(0, 90).Select(_ => heads.FullName()).ToArray();
        var population = new WeightedTable(CityStructure.Districts.Select(d => (double)d.Population).ToList());
        var total = Groups.Sum(g => g.Count);
        // 210 completed or archived, 420 ongoing of which 90 delayed (about a fifth) and 30 not started.
        var statuses = Enumerable.Repeat("completed", 160).Concat(Enumerable.Repeat("archived", 50)).Concat(Enumerable.Repeat("delayed", 90))
            .Concat(Enumerable.Repeat("planned", 30)).Concat(Enumerable.Repeat("active", total - 330))
            .OrderBy(_ => rng.Next()).ToArray();

        var projects = new List<ProjectRow>();
        var milestones = new List<MilestoneRow>();
        var risks = new List<RiskRow>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (group, prefix, count) in Groups)
        {
            for (var i = 1; i <= count; i++)
            {
                var template = rng.Pick(Templates[group]);
                var district = template.Ru.Contains("{dR}", StringComparison.Ordinal) || template.Department == "akimat" || rng.Chance(0.9)
                    ? CityStructure.Districts[population.Pick(rng)]
                    : null;
                var (ru, kk, en, number) = Fill(template, district ?? CityStructure.Districts[population.Pick(rng)], addresses, rng);
                // A second project of the same name is its next phase: "(II очередь)", "(III очередь)", ...
                var (baseRu, baseKk, baseEn) = (ru, kk, en);
                for (var phase = 2; !names.Add(ru); phase++)
                {
                    var roman = phase <= Phases.Length ? Phases[phase - 1] : phase.ToString(CultureInfo.InvariantCulture);
                    (ru, kk, en) = ($"{baseRu} ({roman} очередь)", $"{baseKk} ({roman} кезек)", $"{baseEn} (phase {roman})");
                }
                var department = template.Department == "akimat"
                    ? reference.DistrictAkimat(district!.Id).Id
                    : CityStructure.DepartmentId(template.Department);
                var deputy = group switch
                {
                    "roads" or "construction" => reference.Deputies[0],
                    "social" => reference.Deputies[2],
                    _ => reference.Deputies[1],
                };
                var id = projects.Count + 1;
                var status = statuses[id - 1];
                var facts = Scope(template.Kind, number, rng);
                var baseline = Dates(settings.EndDate, status, rng);
                // About a third of the delayed projects had their current plan moved (the baseline stays).
                var (dates, budget) = status == "delayed" && office.Chance(0.35)
                    ? ProjectOffice.Replan(planChanges, id, baseline, facts.Budget, settings.EndDate, office)
                    : (baseline, facts.Budget);
                var (lat, lon) = district is null ? (51.128, 71.43) : (district.CenterLat, district.CenterLon);
                var head = rng.Pick(headNames);
                var project = new ProjectRow(
                    id, string.Create(CultureInfo.InvariantCulture, $"{prefix}-{i:D3}"), ru, kk, en, group, department, district?.Id,
                    deputy.Id, head, facts.Text, dates.Start, dates.PlannedEnd, dates.ForecastEnd, dates.ActualEnd,
                    budget, Math.Round(budget * (decimal)(dates.Progress / 100 * rng.Between(0.9, 1.05)), 0),
                    Math.Round((decimal)dates.Progress, 1), status, false,
                    Math.Round(lat + rng.Between(-0.025, 0.025), 6), Math.Round(lon + rng.Between(-0.04, 0.04), 6),
                    baseline.Start, baseline.PlannedEnd, facts.Budget, status == "planned" ? null : dates.Start,
                    facts.AreaHa, facts.Storeys, facts.Capacity, facts.Unit, null);
                projects.Add(project with { Outline = ProjectOffice.Outline(project, template.Kind, office) });
                AddMilestones(milestones, id, group, status, dates, settings.EndDate, rng);
                AddRisks(risks, id, status, dates.Start, head, settings.EndDate, rng, office);
            }
        }
        // 128 infrastructure projects are published (DOMAIN.md): the four non-social groups.
        var published = projects.Where(p => p.Group != "social" && p.Status != "planned")
            .OrderBy(_ => rng.Next()).Take(PublicProjects).Select(p => p.Id).ToHashSet();
        var (meetings, items) = ProjectOffice.Meetings(risks, settings.EndDate, office);
        var final = projects.Select(p => published.Contains(p.Id) ? p with { IsPublic = true } : p).ToList();
        return new ProjectPortfolio
        {
            Projects = final,
            Milestones = milestones,
            Risks = risks,
            PlanChanges = planChanges,
            Results = ProjectOffice.Results(final, office),
            Meetings = meetings,
            MeetingItems = items,
            ProjectKpis = ProjectOffice.KpiLinks(final, kpis.Kpis, office),
            GroupServiceTypes = ProjectOffice.GroupServiceTypes(reference.ServiceTypes),
            Photos = ProjectOffice.Photos(final, settings.EndDate, office),
        };
    }

    private static (string Ru, string Kk, string En, int Number) Fill(Template template, District district, AddressBook addresses, Random rng)
    {
        var streets = addresses.StreetsOf(district.Id).OrderBy(_ => rng.Next()).Take(3).Select(i => addresses.Streets[i]).ToArray();
        var area = rng.Pick(ResidentialAreas);
        var park = rng.Pick(Parks);
        var number = template.Kind switch
        {
            "school" => rng.Pick(new[] { 600, 900, 1200, 1500, 2000 }),
            "kindergarten" => rng.Pick(new[] { 160, 240, 320 }),
            "dormitory" => rng.Pick(new[] { 300, 500, 800 }),
            "clinic" => rng.Pick(new[] { 250, 500 }),
            _ => 0,
        };
        var small = rng.Next(1, 90);
        string Apply(string text, int language)
        {
            for (var s = 0; s < 3; s++)
            {
                var key = s == 0 ? "s" : $"s{s + 1}";
                var street = streets[s];
                text = text
                    .Replace("{" + key + "R}", street.Name, StringComparison.Ordinal)
                    .Replace("{" + key + "Kacc}", street.BareName + (street.IsAvenue ? " даңғылын" : " көшесін"), StringComparison.Ordinal)
                    .Replace("{" + key + "K}", street.BareName + (street.IsAvenue ? " даңғылы" : " көшесі"), StringComparison.Ordinal)
                    .Replace("{" + key + "E}", TextGenerator.ToLatin(street.BareName) + (street.IsAvenue ? " Avenue" : " Street"), StringComparison.Ordinal);
            }
            var (areaName, parkName, districtName) = language switch
            {
                0 => (area.Ru, park.Ru, district.NameRu),
                1 => (area.Kk, park.Kk, district.NameKk),
                _ => (area.En, park.En, district.NameEn),
            };
            return text
                .Replace("{mR}", areaName, StringComparison.Ordinal).Replace("{mK}", areaName, StringComparison.Ordinal).Replace("{mE}", areaName, StringComparison.Ordinal)
                .Replace("{pR}", parkName, StringComparison.Ordinal).Replace("{pK}", parkName, StringComparison.Ordinal).Replace("{pE}", parkName, StringComparison.Ordinal)
                .Replace("{dR}", districtName, StringComparison.Ordinal).Replace("{dK}", districtName, StringComparison.Ordinal).Replace("{dE}", districtName, StringComparison.Ordinal)
                .Replace("{N}", number.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("{n}", small.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }
        return (Apply(template.Ru, 0), Apply(template.Kk, 1), Apply(template.En, 2), number);
    }

    internal sealed record ScopeFacts(string Text, decimal Budget, decimal? AreaHa, short? Storeys, decimal? Capacity, string? Unit);

    /// <summary>A scope text and a budget in tenge that fit the kind of object, with the scope's figures as numbers.</summary>
    private static ScopeFacts Scope(string kind, int number, Random rng)
    {
        const double Billion = 1e9;
        const double Million = 1e6;
        var km = Math.Round(rng.Between(0.8, 6.5), 1);
        var floors = rng.Next(2, 5);
        double? area = null;
        int? storeys = null;
        (double Value, string Unit)? capacity = null;
        T Area<T>(T value, double ha)
        {
            area = Math.Round(ha, 2);
            return value;
        }
        double Km(double value)
        {
            capacity = (value, "km");
            return value;
        }
        int Count(int value, string unit)
        {
            capacity = (value, unit);
            return value;
        }
        int Floors(int value)
        {
            storeys = value;
            return value;
        }
        int Metres(int value)
        {
            capacity = (value / 1000.0, "km");
            return value;
        }
        int Mva(int each) => Count(each * 2, "mva") / 2;
        int SteamTonnes(int tonnesPerHour)
        {
            // A boiler's steam output in t/h gives about 0.6 Gcal/h of heat per tonne.
            capacity = (tonnesPerHour * 0.6, "gcal_h");
            return tonnesPerHour;
        }
        double Hectares(double ha)
        {
            capacity = (ha, "ha");
            return Area(ha, ha);
        }
        (FormattableString Scope, double Budget) result = kind switch
        {
            "road" => ($"Протяжённость {Km(km)} км, {rng.Pick(new[] { 2, 4, 6 })} полосы движения, тротуары, освещение, ливневая канализация", km * rng.Between(2.5, 5) * Billion),
            "road_repair" => ($"Протяжённость {Km(km)} км, замена покрытия, бордюров и тротуаров", km * rng.Between(0.3, 0.8) * Billion),
            "interchange" => ($"Двухуровневая развязка, {Count(rng.Next(4, 9), "units")} съездов, эстакада {rng.Next(300, 900)} м", rng.Between(12, 35) * Billion),
            "bridge" => ($"Длина моста {Metres(rng.Next(180, 450))} м, ширина {rng.Next(6, 12)} м", rng.Between(3, 9) * Billion),
            "bike" => ($"Протяжённость велодорожек {Km(km)} км", km * rng.Between(0.1, 0.2) * Billion),
            "underpass" => ($"Подземный переход длиной {Metres(rng.Next(40, 90))} м с лифтами для маломобильных граждан", rng.Between(0.6, 1.5) * Billion),
            "school" => ($"Школа на {Count(number, "places")} мест, {Floors(floors)} этажа, спортивный и актовый залы, столовая, бассейн", Area(number * rng.Between(6, 9) * Million, number / 600.0 + 1)),
            "kindergarten" => ($"Детский сад на {Count(number, "places")} мест, {Floors(floors)} этажа, {number / 20} групп", Area(number * rng.Between(7, 11) * Million, number / 250.0 + 0.3)),
            "housing" => HousingScope(rng, Count, Floors),
            "dormitory" => ($"Общежитие на {Count(number, "places")} мест, {Floors(rng.Next(5, 12))} этажей", number * rng.Between(9, 13) * Million),
            "office" => ($"Административное здание, {Floors(rng.Next(2, 8))} этажей, площадь {Count(rng.Next(2000, 12000), "m2")} м²", rng.Between(2, 6) * Billion),
            "sport" => ($"Спорткомплекс: игровой зал, бассейн 25 м, тренажёрный зал; площадь {Count(rng.Next(3000, 15000), "m2")} м²", Area(rng.Between(3, 8) * Billion, 1.5)),
            "heating_main" => ($"Протяжённость {Km(km)} км, диаметр {rng.Pick(new[] { 500, 600, 700, 800, 1000, 1200 })} мм", km * rng.Between(1.5, 3) * Billion),
            "networks" => ($"Сети водопровода {Km(km)} км и канализации {Math.Round(km * rng.Between(0.6, 1.2), 1)} км", rng.Between(1, 6) * Billion),
            "storm" => ($"Протяжённость {Km(km)} км, диаметр коллектора {rng.Pick(new[] { 800, 1000, 1500 })} мм", km * rng.Between(0.8, 1.5) * Billion),
            "pumping" => ($"Производительность {Count(rng.Next(5, 60) * 1000, "m3_day")} м³/сутки", rng.Between(1, 4) * Billion),
            "water_main" => ($"Протяжённость {Km(km)} км, диаметр {rng.Pick(new[] { 600, 800, 1000, 1200 })} мм", km * rng.Between(1, 2) * Billion),
            "substation" => ($"Мощность 2×{Mva(rng.Pick(new[] { 25, 40, 63 }))} МВА", rng.Between(3, 8) * Billion),
            "gas" => ($"Газопроводы {Km(km)} км, подключение {rng.Next(200, 2500)} частных домов", rng.Between(1, 5) * Billion),
            "chp" => ($"Котлоагрегат паропроизводительностью {SteamTonnes(rng.Pick(new[] { 420, 500, 670 }))} т/ч", rng.Between(8, 25) * Billion),
            "power_networks" => ($"Кабельные линии 10 кВ {Km(km)} км, {rng.Next(3, 20)} трансформаторных подстанций", rng.Between(1, 4) * Billion),
            "square" => ($"Площадь {Hectares(Math.Round(rng.Between(0.5, 4), 1))} га, {rng.Next(50, 600)} деревьев, малые архитектурные формы, освещение", rng.Between(0.2, 1.5) * Billion),
            "boulevard" => ($"Протяжённость {Km(km)} км, {rng.Next(200, 2000)} деревьев", rng.Between(0.5, 3) * Billion),
            "park" => ($"Площадь {Hectares(Math.Round(rng.Between(5, 60), 1))} га, детские и спортивные площадки, {rng.Next(500, 5000)} деревьев", rng.Between(1, 6) * Billion),
            "yards" => ($"{Count(rng.Next(5, 40), "units")} дворов: детские площадки, освещение, парковки", rng.Between(0.2, 1.2) * Billion),
            "embankment" => ($"Протяжённость {Km(km)} км, прогулочные и велодорожки, освещение", rng.Between(2, 8) * Billion),
            "greening" => ($"Высадка {Count(rng.Next(200, 3000), "units")} деревьев и {rng.Next(500, 8000)} кустарников, система полива", rng.Between(0.1, 0.6) * Billion),
            "playgrounds" => ($"{Count(rng.Next(5, 30), "units")} детских и {rng.Next(2, 15)} спортивных площадок", rng.Between(0.1, 0.5) * Billion),
            "lighting" => ($"{Count(rng.Next(100, 1500), "units")} светильников, протяжённость {km} км", rng.Between(0.1, 0.8) * Billion),
            "clinic" => ($"Поликлиника на {Count(number, "visits_per_shift")} посещений в смену, {Floors(floors)} этажа", Area(rng.Between(3, 10) * Billion, 1.2)),
            "school_repair" or "kg_repair" => ($"Замена кровли, окон и инженерных сетей; площадь {Count(rng.Next(1500, 12000), "m2")} м²", rng.Between(0.1, 1.2) * Billion),
            "clinic_repair" => ($"Ремонт кровли, фасада и инженерных систем", rng.Between(0.3, 1.5) * Billion),
            "social_centre" => ($"Центр на {Count(rng.Pick(new[] { 100, 150, 250 }), "places")} мест с дневным пребыванием", rng.Between(1.5, 4) * Billion),
            "culture" => ($"Зрительный зал на {Count(rng.Pick(new[] { 300, 500, 800 }), "places")} мест, кружковые помещения", rng.Between(2, 5) * Billion),
            _ => throw new InvalidOperationException($"Unknown project kind '{kind}'."),
        };
        return new ScopeFacts(FixDecimals(result.Scope.ToString(CultureInfo.InvariantCulture)), Math.Round((decimal)result.Budget / 1000, 0) * 1000,
            area is { } a ? (decimal)a : null, storeys is { } s ? (short)s : null,
            capacity is { } c ? Math.Round((decimal)c.Value, 2) : null, capacity?.Unit);
    }

    private static (FormattableString, double) HousingScope(Random rng, Func<int, string, int> count, Func<int, int> floors)
    {
        var flats = rng.Next(80, 361);
        return ($"Жилой дом, {floors(rng.Next(9, 17))} этажей, {count(flats, "flats")} квартир", flats * rng.Between(18, 26) * 1e6);
    }

    // Russian writes decimals with a comma: "3,2 км".
    private static string FixDecimals(string text) =>
        System.Text.RegularExpressions.Regex.Replace(text, @"(\d)\.(\d)", "$1,$2");

    internal sealed record ProjectDates(DateOnly Start, DateOnly PlannedEnd, DateOnly ForecastEnd, DateOnly? ActualEnd, double Progress);

    private static ProjectDates Dates(DateOnly today, string status, Random rng)
    {
        DateOnly Months(DateOnly from, double months) => from.AddDays((int)Math.Round(months * 30.4));
        var duration = rng.Between(6, 30);
        switch (status)
        {
            case "completed" or "archived":
            {
                var actualEnd = status == "completed" ? Months(today, -rng.Between(1, 30)) : Months(today, -rng.Between(13, 54));
                var lateness = rng.Chance(0.3) ? rng.Between(1, 5) : rng.Between(-1, 0.5);
                var plannedEnd = Months(actualEnd, -lateness);
                return new ProjectDates(Months(plannedEnd, -duration), plannedEnd, actualEnd, actualEnd, 100);
            }
            case "planned":
            {
                var start = Months(today, rng.Between(1, 8));
                var end = Months(start, duration);
                return new ProjectDates(start, end, end, null, 0);
            }
            default:
            {
                var start = Months(today, -rng.Between(1, 30));
                var plannedEnd = Months(start, duration);
                if (status == "active" && plannedEnd <= today)
                {
                    plannedEnd = Months(today, rng.Between(1, 12));
                }
                var slip = rng.Between(2, 12);
                var forecastEnd = status == "delayed" ? Months(plannedEnd, slip) : plannedEnd;
                // An unfinished project cannot be forecast to end in the past: a late one is forecast to end months from now.
                if (forecastEnd <= today)
                {
                    forecastEnd = Months(today, 1 + slip / 2);
                }
                var elapsed = Math.Clamp((today.DayNumber - start.DayNumber) / (double)(forecastEnd.DayNumber - start.DayNumber), 0.02, 0.97);
                var progress = Math.Clamp(elapsed * 100 * (status == "delayed" ? rng.Between(0.55, 0.85) : rng.Between(0.9, 1.1)), 1, 99);
                return new ProjectDates(start, plannedEnd, forecastEnd, null, progress);
            }
        }
    }

    /// <summary>
    /// Milestones spread over the current plan; as many done as the progress says (the last, commissioning, only when
    /// the project is finished), each done on or after its start and before today.
    /// </summary>
    private static void AddMilestones(List<MilestoneRow> milestones, int projectId, string group, string status, ProjectDates dates, DateOnly today, Random rng)
    {
        var all = MilestoneNames[group];
        var count = Math.Min(all.Length, rng.Next(3, 9));
        // Keep the first and the last, and an ordered sample of the ones in between.
        var middle = Enumerable.Range(1, all.Length - 2).OrderBy(_ => rng.Next()).Take(count - 2).Order();
        var chosen = new[] { 0 }.Concat(middle).Append(all.Length - 1).ToArray();
        var finished = status is "completed" or "archived";
        var doneCount = finished ? chosen.Length
            : status == "planned" ? 0
            : Math.Clamp((int)Math.Round(dates.Progress / 100 * chosen.Length), 0, chosen.Length - 1);
        var span = dates.PlannedEnd.DayNumber - dates.Start.DayNumber;
        var slip = dates.ForecastEnd.DayNumber - dates.PlannedEnd.DayNumber;
        var lastDay = dates.ActualEnd ?? today.AddDays(-1);
        for (var k = 0; k < chosen.Length; k++)
        {
            var share = (k + 1) / (double)chosen.Length;
            var due = dates.Start.AddDays((int)(span * share));
            // Late projects finish their milestones later the further along they are.
            var done = due.AddDays((int)(slip * share) + rng.Next(-10, 15));
            if (!finished)
            {
                // Still to come after this one: leave them a day each before today.
                done = Min(done, lastDay.AddDays(-(doneCount - 1 - k)));
            }
            done = Min(Max(done, dates.Start), lastDay);
            DateOnly? doneDate = k < doneCount ? done : null;
            milestones.Add(new MilestoneRow(milestones.Count + 1, projectId, all[chosen[k]], due, doneDate, (short)(k + 1)));
        }
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static void AddRisks(List<RiskRow> risks, int projectId, string status, DateOnly start, string head, DateOnly today, Random rng, Random office)
    {
        var count = status switch
        {
            "delayed" => rng.Next(1, 5),
            "active" => rng.Next(0, 4),
            "planned" => rng.Next(0, 3),
            _ => rng.Next(0, 2),
        };
        foreach (var title in RiskTitles.OrderBy(_ => rng.Next()).Take(count))
        {
            var raised = start < today ? start.AddDays(rng.Next(today.DayNumber - start.DayNumber + 1)) : today.AddDays(-rng.Next(60));
            var open = status switch
            {
                "delayed" => rng.Chance(0.85),
                "active" or "planned" => rng.Chance(0.7),
                _ => false,
            };
            var severity = (short)(status == "delayed" ? rng.Next(2, 4) : rng.Next(1, 4));
            // A risk that happened on a late project is an issue; the worst open ones go to the akimat's meeting.
            var kind = status == "delayed" && open && office.Chance(0.35) ? "issue" : "risk";
            var due = raised.AddDays(office.Next(30, 150));
            var toMeeting = severity == 3 && office.Chance(open ? 0.45 : 0.25);
            DateOnly? closed = open ? null : Min(today, raised.AddDays(office.Next(7, 120)));
            risks.Add(new RiskRow(risks.Count + 1, projectId, title, severity, open, raised, kind, head, due, toMeeting, closed));
        }
    }
}
