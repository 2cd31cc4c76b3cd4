namespace IKomek.Dashboard.Features.DemoCity;

internal sealed record Kpi(int Id, string Code, string NameRu, string NameKk, string NameEn, short DepartmentId, string Unit, bool HigherIsBetter,
    decimal Weight, string PeriodKind, string Aggregation, string? Measure, string TargetMode, decimal? MinValue, decimal? MaxValue)
{
    public string Source => Measure is null ? "manual" : "computed";
}

internal sealed record KpiValue(int KpiId, DateOnly PeriodStart, decimal Target, decimal? Actual);

/// <summary>
/// About 100 KPIs of the akimat (2-6 per department) with monthly targets and actuals over the period:
/// targets improve year by year, most actuals sit near target, some lag behind, some catch up. The KPIs that measure
/// appeals or project milestones are computed (a measure in sql/functions/kpis): the catalog writes their targets
/// only, and the seeding fills their actuals by running the measures on the written appeals (kpi_recount), so that
/// such a KPI always equals its recount. A few are quarterly or yearly, a few have historical targets.
/// </summary>
internal sealed class KpiCatalog
{
    private sealed record Definition(string Department, string Code, string Ru, string Kk, string En, string Unit, bool HigherIsBetter,
        double From, double To, int[]? Months = null, decimal Weight = 1, string Period = "month", string Aggregation = "mean",
        string? Measure = null, bool Historical = false, double Season = 0, int Peak = 1)
    {
        /// <summary>The month's share of the seasonal swing: counts of accidents, visitors, jobs rise and fall with the year.</summary>
        public double Seasonal(int month) => 1 + Season * Math.Cos(2 * Math.PI * (month - Peak) / 12);
    }

    // The appeal-based KPIs of the departments that receive most appeals, computed from those appeals.
    private static readonly string[] AppealHeavy = ["energy", "water", "communal", "housing_inspection", "transport_roads"];
    // Departments with projects whose milestones they answer for.
    private static readonly string[] ProjectOwners = ["construction", "transport_roads", "education", "health"];

    private static readonly int[] GreeningSeason = [4, 5, 6, 7, 8, 9, 10];
    private static readonly int[] SnowSeason = [11, 12, 1, 2, 3];

    private static readonly Definition[] Definitions =
    [
        new("energy", "heating_incidents", "Количество аварийных отключений теплоснабжения", "Жылумен жабдықтаудың апаттық ажыратылу саны", "Emergency heating outages", "count", false, 14, 9, Weight: 3, Aggregation: "sum", Season: 0.5, Peak: 1),
        new("energy", "network_wear", "Износ тепловых сетей", "Жылу желілерінің тозуы", "Wear of heating networks", "%", false, 62, 55),
        new("water", "supply_coverage", "Обеспеченность централизованным водоснабжением", "Орталықтандырылған сумен қамтамасыз етілу", "Coverage by central water supply", "%", true, 98.5, 99.6),
        new("water", "accidents", "Количество аварий на сетях водопровода", "Су құбыры желілеріндегі апаттар саны", "Water network accidents", "count", false, 25, 15, Weight: 2, Aggregation: "sum"),
        new("water", "sewer_coverage", "Охват централизованным водоотведением", "Орталықтандырылған су бұрумен қамту", "Coverage by central sewerage", "%", true, 94, 97),
        new("housing_inspection", "osi_share", "Доля многоквартирных домов с ОСИ", "ПИБ құрылған көппәтерлі үйлер үлесі", "Share of apartment buildings with condominiums", "%", true, 40, 88),
        new("housing_inspection", "elevators_replaced", "Количество заменённых лифтов", "Ауыстырылған лифтілер саны", "Elevators replaced", "count", true, 20, 35, Aggregation: "sum"),
        new("housing_policy", "families_housed", "Количество семей, обеспеченных жильём", "Тұрғын үймен қамтамасыз етілген отбасылар саны", "Families provided with housing", "count", true, 200, 300),
        new("housing_policy", "emergency_resettled", "Количество расселённых аварийных домов", "Көшірілген апатты үйлер саны", "Unsafe buildings resettled", "count", true, 2, 4),
        new("transport_roads", "bus_on_schedule", "Доля рейсов, выполненных по расписанию", "Кесте бойынша орындалған рейстер үлесі", "Bus trips on schedule", "%", true, 88, 93),
        new("transport_roads", "roads_good", "Доля дорог в хорошем и удовлетворительном состоянии", "Жақсы және қанағаттанарлық жағдайдағы жолдар үлесі", "Roads in good or fair condition", "%", true, 82, 90),
        new("mobility", "road_accidents", "Количество ДТП с пострадавшими", "Зардап шеккендері бар жол-көлік оқиғаларының саны", "Road accidents with casualties", "count", false, 70, 55, Weight: 2, Aggregation: "sum", Historical: true, Season: 0.25, Peak: 12),
        new("mobility", "smart_lights", "Доля светофоров, подключённых к АСУДД", "Жол қозғалысын басқару жүйесіне қосылған бағдаршамдар үлесі", "Traffic lights connected to the traffic control system", "%", true, 45, 75),
        new("environment", "air_exceed_days", "Количество дней с превышением ПДК", "ШЖК асқан күндер саны", "Days above air pollution limits", "days", false, 8, 5, Aggregation: "sum", Historical: true, Season: 0.5, Peak: 1),
        new("environment", "dumps_cleared", "Ликвидировано стихийных свалок", "Жойылған стихиялық қоқыс үйінділері", "Illegal dumps cleared", "count", true, 30, 45),
        new("greening", "trees_planted", "Высажено деревьев", "Отырғызылған ағаштар", "Trees planted", "count", true, 6000, 9000, GreeningSeason, Aggregation: "sum"),
        new("greening", "lit_streets", "Доля освещённых улиц", "Жарықтандырылған көшелер үлесі", "Share of lit streets", "%", true, 90, 96),
        new("communal", "waste_sorted", "Доля сортируемых отходов", "Сұрыпталатын қалдықтар үлесі", "Share of sorted waste", "%", true, 12, 25),
        new("communal", "snow_clear_days", "Среднее время очистки улиц после снегопада", "Қар жауғаннан кейін көшелерді тазартудың орташа уақыты", "Average street clearing time after snowfall", "days", false, 3, 1.5, SnowSeason),
        new("construction", "objects_commissioned", "Введено в эксплуатацию объектов", "Пайдалануға берілген нысандар", "Facilities commissioned", "count", true, 4, 7, Period: "quarter", Aggregation: "sum"),
        new("construction", "housing_commissioned", "Ввод жилья, тыс. м²", "Тұрғын үй пайдалануға беру, мың м²", "Housing commissioned, thousand m²", "count", true, 140, 190, Weight: 2, Period: "quarter", Aggregation: "sum"),
        new("architecture", "permit_days", "Средний срок выдачи разрешений на строительство", "Құрылысқа рұқсат берудің орташа мерзімі", "Average time to issue building permits", "days", false, 15, 8),
        new("architecture", "plots", "Предоставлено земельных участков", "Берілген жер учаскелері", "Land plots allocated", "count", true, 90, 130),
        new("construction_control", "problem_objects", "Количество проблемных объектов долевого строительства", "Үлестік құрылыстың проблемалық нысандары саны", "Troubled shared-equity projects", "count", false, 25, 12),
        new("construction_control", "inspections", "Проведено проверок строительных объектов", "Құрылыс нысандарын тексеру саны", "Construction site inspections", "count", true, 50, 70),
        new("health", "wait_days", "Среднее время ожидания приёма врача", "Дәрігер қабылдауын күтудің орташа уақыты", "Average wait for a doctor's appointment", "days", false, 3, 1.5),
        new("health", "ambulance_on_time", "Доля вызовов скорой помощи, обслуженных вовремя", "Уақытында қызмет көрсетілген жедел жәрдем шақыртуларының үлесі", "Ambulance calls served on time", "%", true, 90, 96),
        new("education", "kg_coverage", "Охват детей 3-6 лет дошкольным образованием", "3-6 жастағы балаларды мектепке дейінгі біліммен қамту", "Preschool coverage of children aged 3-6", "%", true, 94, 99),
        new("education", "new_places", "Введено новых ученических мест", "Жаңа оқушы орындары", "New school places", "count", true, 1000, 1800),
        new("social", "unemployment", "Уровень безработицы", "Жұмыссыздық деңгейі", "Unemployment rate", "%", false, 5.0, 4.5, Weight: 2, Period: "quarter", Aggregation: "last"),
        new("social", "employed", "Трудоустроено граждан", "Жұмысқа орналастырылған азаматтар", "People placed in jobs", "count", true, 1200, 1800, Aggregation: "sum", Historical: true, Season: 0.2, Peak: 9),
        new("culture", "visitors", "Посещаемость учреждений культуры", "Мәдениет ұйымдарына келушілер", "Visitors to cultural venues", "count", true, 70000, 95000, Aggregation: "sum", Historical: true, Season: 0.3, Peak: 7),
        new("sport", "coverage", "Охват населения систематическими занятиями спортом", "Халықты жүйелі спортпен қамту", "Share of residents doing sport regularly", "%", true, 32, 40),
        new("internal_policy", "trust", "Уровень доверия жителей к акимату", "Тұрғындардың әкімдікке сенім деңгейі", "Residents' trust in the akimat", "%", true, 58, 68, Weight: 2, Period: "year", Aggregation: "last"),
        new("youth", "neet", "Доля молодёжи категории NEET", "NEET санатындағы жастар үлесі", "Share of youth not in education, employment or training", "%", false, 8, 6.5),
        new("entrepreneurship", "sme_share", "Доля МСБ в ВРП", "ШОБ-тың ЖӨӨ-дегі үлесі", "SME share of the city's GRP", "%", true, 45, 52),
        new("entrepreneurship", "new_business", "Зарегистрировано новых предприятий", "Тіркелген жаңа кәсіпорындар", "New businesses registered", "count", true, 800, 1000),
        new("economy", "grp_growth", "Рост ВРП", "ЖӨӨ өсімі", "GRP growth", "%", true, 5, 6.5, Weight: 3, Period: "quarter"),
        new("economy", "investment", "Инвестиции в основной капитал", "Негізгі капиталға инвестициялар", "Fixed capital investment", "tenge", true, 110e9, 140e9, Weight: 2, Period: "year", Aggregation: "sum"),
        new("finance", "budget_execution", "Исполнение бюджета города", "Қала бюджетінің атқарылуы", "City budget execution", "%", true, 97, 99.5, Weight: 3, Aggregation: "last"),
        new("finance", "procurement_savings", "Экономия по государственным закупкам", "Мемлекеттік сатып алу бойынша үнемдеу", "Public procurement savings", "tenge", true, 1.5e9, 2.5e9, Period: "year", Aggregation: "sum"),
        new("digital", "online_services", "Доля государственных услуг, оказанных онлайн", "Онлайн көрсетілген мемлекеттік қызметтер үлесі", "Public services delivered online", "%", true, 80, 92),
        new("digital", "con_no_queue", "Доля посетителей ЦОН, обслуженных без очереди", "ХҚКО-да кезексіз қызмет көрсетілген келушілер үлесі", "Service centre visitors served without queuing", "%", true, 75, 88),
        new("veterinary", "animals_caught", "Отловлено бездомных животных", "Ұсталған иесіз жануарлар", "Stray animals caught", "count", true, 700, 1000, Aggregation: "sum", Historical: true, Season: 0.3, Peak: 7),
        new("public_safety", "response", "Доля ЧС, ликвидированных в нормативное время", "Нормативтік уақытта жойылған ТЖ үлесі", "Emergencies handled within the standard time", "%", true, 95, 98),
    ];

    public required IReadOnlyList<Kpi> Kpis { get; init; }
    public required IReadOnlyList<KpiValue> Values { get; init; }

    public static KpiCatalog Build(DemoCitySettings settings, ReferenceData reference, Random rng)
    {
        var definitions = Definitions.ToList();
        foreach (var akimat in reference.Departments.Where(d => d.Kind == CityStructure.DistrictAkimatKind))
        {
            definitions.Add(new(akimat.Code, "yards_improved", "Благоустроено дворов", "Абаттандырылған аулалар", "Courtyards improved", "count", true, 15, 30));
        }
        // Every department answers for its appeals handled on time (the managers' rating uses it too), counted from
        // the appeals themselves.
        foreach (var department in reference.Departments)
        {
            definitions.Add(new(department.Code, "appeals_on_time", "Доля обращений, рассмотренных в срок", "Мерзімінде қаралған өтініштер үлесі",
                "Share of appeals handled on time", "%", true, 97, 99.5, Weight: 2, Measure: "appeals_on_time"));
            // The rating's own appeal measures as KPIs of their own, from the rating's facts (rating_appeal_daily).
            definitions.Add(new(department.Code, "fcr", "Решено при первом контакте (FCR), доля ответов", "Бірінші байланыста шешілді (FCR), жауаптар үлесі",
                "First-contact resolution (FCR), share of answers", "%", true, 80, 85, Measure: "fcr"));
            definitions.Add(new(department.Code, "misrouted_share", "Доля ошибочно направленных обращений (переадресовано дальше)", "Қате жолданған өтініштер үлесі (әрі қарай жолданды)",
                "Misrouting share (appeals forwarded on to another department)", "%", false, 6, 4, Measure: "misrouted_share"));
            definitions.Add(new(department.Code, "forwarding_hours", "Среднее время до переадресации", "Қайта жолдауға дейінгі орташа уақыт",
                "Average time held before forwarding", "hours", false, 24, 12, Measure: "forwarding_hours"));
        }
        foreach (var department in AppealHeavy)
        {
            definitions.Add(new(department, "first_call_resolution", "Доля обращений, решённых при первом обращении", "Бірінші өтініште шешілген өтініштер үлесі",
                "Appeals resolved at the first contact", "%", true, 88, 90, Measure: "first_call_resolution"));
            definitions.Add(new(department, "overdue_open", "Просроченные обращения на конец месяца", "Ай соңындағы мерзімі өткен өтініштер",
                "Overdue open appeals at month end", "count", false, 10, 10, Aggregation: "last", Measure: "overdue_open", Historical: true));
            definitions.Add(new(department, "repeat_appeals", "Доля повторных обращений (тот же адрес и вид услуги за 30 дней)", "Қайталама өтініштер үлесі (30 күнде сол мекенжай мен қызмет түрі)",
                "Repeat appeals (same address and service type within 30 days)", "%", false, 6, 4, Measure: "repeat_appeals", Historical: true));
        }
        foreach (var department in ProjectOwners)
        {
            definitions.Add(new(department, "milestones_on_time", "Доля этапов проектов, выполненных в срок", "Мерзімінде орындалған жоба кезеңдерінің үлесі",
                "Project milestones done on time", "%", true, 85, 90, Period: "quarter", Measure: "milestones_on_time"));
        }

        var kpis = new List<Kpi>();
        var values = new List<KpiValue>();
        var firstMonth = new DateOnly(settings.StartDate.Year, settings.StartDate.Month, 1);
        var lastMonth = new DateOnly(settings.EndDate.Year, settings.EndDate.Month, 1);
        var months = (lastMonth.Year - firstMonth.Year) * 12 + lastMonth.Month - firstMonth.Month + 1;
        foreach (var definition in definitions.OrderBy(d => reference.Departments.First(x => x.Code == d.Department).Id).ThenBy(d => d.Code, StringComparer.Ordinal))
        {
            var kpi = new Kpi(kpis.Count + 1, $"{definition.Department}.{definition.Code}", definition.Ru, definition.Kk, definition.En,
                reference.Departments.First(d => d.Code == definition.Department).Id, definition.Unit, definition.HigherIsBetter,
                definition.Weight, definition.Period, definition.Aggregation, definition.Measure, definition.Historical ? "historical" : "fixed",
                0, definition.Unit == "%" ? 100 : null);
            kpis.Add(kpi);
            // Most KPIs are on track, some lag throughout, some start behind and catch up.
            var profile = rng.NextDouble();
            var lag = rng.Between(0.05, 0.15);
            for (var m = 0; m < months; m++)
            {
                var month = firstMonth.AddMonths(m);
                if (definition.Months is not null && !definition.Months.Contains(month.Month))
                {
                    continue;
                }
                // A computed KPI's row carries its target; its actual is measured once the appeals are written.
                // A computed quarterly KPI has one row per quarter, at its first month.
                if (definition.Measure is not null)
                {
                    if (definition.Period == "month" || (month.Month - 1) % 3 == 0)
                    {
                        var planned = definition.From + (definition.To - definition.From) * (months == 1 ? 1 : m / (double)(months - 1));
                        values.Add(new KpiValue(kpi.Id, month, Round(planned, definition.Unit), null));
                    }
                    continue;
                }
                var progress = months == 1 ? 1 : m / (double)(months - 1);
                var target = (definition.From + (definition.To - definition.From) * progress) * definition.Seasonal(month.Month);
                var shortfall = profile switch
                {
                    < 0.65 => rng.Between(-0.02, 0.015),
                    < 0.85 => lag + rng.Between(-0.02, 0.02),
                    _ => lag * (1 - progress) + rng.Between(-0.015, 0.015),
                };
                var actual = definition.HigherIsBetter ? target * (1 - shortfall) : target * (1 + shortfall);
                if (definition.Unit == "%")
                {
                    actual = Math.Min(100, actual);
                }
                // The current month is not reported yet.
                decimal? reported = month == lastMonth ? null : Round(actual, definition.Unit);
                values.Add(new KpiValue(kpi.Id, month, Round(target, definition.Unit), reported));
            }
        }
        return new KpiCatalog { Kpis = kpis, Values = values };
    }

    private static decimal Round(double value, string unit) =>
        unit == "tenge" ? Math.Round((decimal)value, 0) : Math.Round((decimal)value, unit == "count" ? 0 : 2);
}
