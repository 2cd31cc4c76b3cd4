namespace IKomek.Dashboard.Features.DemoCity;

/// <summary>
/// The city's structure: districts, departments, organisations, areas, service types, channels and people.
/// It does not scale and depends only on the seed (organisation names and people are drawn from it).
/// </summary>
internal sealed class ReferenceData
{
    public required IReadOnlyList<District> Districts { get; init; }
    public required IReadOnlyList<Department> Departments { get; init; }
    public required IReadOnlyList<Organisation> Organisations { get; init; }
    public required IReadOnlyList<Area> Areas { get; init; }
    public required IReadOnlyList<ServiceType> ServiceTypes { get; init; }
    public required IReadOnlyList<Channel> Channels { get; init; }
    public required IReadOnlyList<Manager> Managers { get; init; }
    public required IReadOnlyList<AppUser> Users { get; init; }
    public required IReadOnlyList<DeputyAkim> Deputies { get; init; }
    public required IReadOnlyList<(short DeputyId, short DepartmentId)> DeputyDepartments { get; init; }
    /// <summary>Average share of each area in the appeals, by area id - 1.</summary>
    public required IReadOnlyList<double> AreaWeights { get; init; }

    public static ReferenceData Create(int seed, DateTime createdAtUtc)
    {
        var catalog = ServiceTypeCatalog.Build();
        var organisations = OrganisationCatalog.Build(Rng.Stream(seed, "organisations"));
        var people = new People(Rng.Stream(seed, "people"));
        var managers = people.Managers(CityStructure.Departments);
        return new ReferenceData
        {
            Districts = CityStructure.Districts,
            Departments = CityStructure.Departments,
            Organisations = organisations,
            Areas = catalog.Areas,
            ServiceTypes = catalog.ServiceTypes,
            Channels = CityStructure.Channels,
            Managers = managers,
            Users = people.Users(CityStructure.Departments, managers, createdAtUtc),
            Deputies = people.Deputies,
            DeputyDepartments = Features.DemoCity.DeputyDepartments.Rows(people.Deputies),
            AreaWeights = catalog.AreaWeights,
        };
    }

    public Department DistrictAkimat(short districtId) =>
        Departments.First(d => d.Kind == CityStructure.DistrictAkimatKind && d.DistrictId == districtId);
}

/// <summary>The fixed tables: the 5 districts, 25 departments + 5 district akimats, 8 channels.</summary>
internal static class CityStructure
{
    public const string CityDepartmentKind = "city_department";
    public const string DistrictAkimatKind = "district_akimat";

    // Populations add up to about 1.41 million (Astana, early 2020s). Centres: the right bank
    // (Almaty east, Baikonyr north-east, Saryarka north-west) and the left bank (Yesil south-west,
    // Nura south-east) around the city centre at 51.128 N, 71.43 E.
    public static readonly IReadOnlyList<District> Districts =
    [
        new(1, "almaty", "Алматы", "Алматы", "Almaty", 382_000, 51.148, 71.492),
        new(2, "baikonyr", "Байконыр", "Байқоңыр", "Baikonyr", 262_000, 51.176, 71.455),
        new(3, "yesil", "Есиль", "Есіл", "Yesil", 308_000, 51.106, 71.402),
        new(4, "saryarka", "Сарыарка", "Сарыарқа", "Saryarka", 312_000, 51.173, 71.392),
        new(5, "nura", "Нура", "Нұра", "Nura", 146_000, 51.086, 71.487),
    ];

    public static readonly IReadOnlyList<Department> Departments = BuildDepartments();

    public static readonly IReadOnlyList<Channel> Channels =
    [
        // 74% through the contact centre, 26% through the digital channels (DOMAIN.md).
        new(1, "call_109", "Контакт-центр 109", "109 байланыс орталығы", "Call centre 109", false, 74.0),
        new(2, "telegram", "Telegram-бот", "Telegram-бот", "Telegram bot", true, 8.0),
        new(3, "ikomek_app", "Приложение iKOMEK109", "iKOMEK109 қосымшасы", "iKOMEK109 app", true, 6.0),
        new(4, "smart_astana", "Приложение Smart Astana", "Smart Astana қосымшасы", "Smart Astana app", true, 4.0),
        new(5, "website", "Сайт акимата", "Әкімдік сайты", "Akimat web site", true, 3.0),
        new(6, "social", "Социальные сети", "Әлеуметтік желілер", "Social networks", true, 2.5),
        new(7, "aitu", "aitu.city", "aitu.city", "aitu.city", true, 1.5),
        new(8, "email", "Электронная почта", "Электрондық пошта", "E-mail", true, 1.0),
    ];

    public static short DepartmentId(string code) =>
        Departments.FirstOrDefault(d => d.Code == code)?.Id
        ?? throw new InvalidOperationException($"Unknown department code '{code}'.");

    private static List<Department> BuildDepartments()
    {
        (string Code, string Ru, string Kk, string En)[] city =
        [
            ("energy", "Управление энергетики и жилищно-коммунального хозяйства", "Энергетика және тұрғын үй-коммуналдық шаруашылығы басқармасы", "Department of Energy, Housing and Utilities"),
            ("water", "Управление водоснабжения и водоотведения", "Сумен жабдықтау және су бұру басқармасы", "Department of Water Supply and Sewerage"),
            ("housing_inspection", "Управление жилищной инспекции", "Тұрғын үй инспекциясы басқармасы", "Housing Inspection Department"),
            ("housing_policy", "Управление жилищной политики", "Тұрғын үй саясаты басқармасы", "Department of Housing Policy"),
            ("transport_roads", "Управление пассажирского транспорта и автомобильных дорог", "Жолаушылар көлігі және автомобиль жолдары басқармасы", "Department of Passenger Transport and Roads"),
            ("mobility", "Управление городской мобильности", "Қалалық мобильділік басқармасы", "Department of Urban Mobility"),
            ("environment", "Управление охраны окружающей среды", "Қоршаған ортаны қорғау басқармасы", "Department of Environmental Protection"),
            ("greening", "Управление благоустройства и озеленения", "Абаттандыру және көгалдандыру басқармасы", "Department of Improvement and Greening"),
            ("communal", "Управление коммунального хозяйства", "Коммуналдық шаруашылық басқармасы", "Department of Municipal Services"),
            ("construction", "Управление строительства", "Құрылыс басқармасы", "Department of Construction"),
            ("architecture", "Управление архитектуры, градостроительства и земельных отношений", "Сәулет, қала құрылысы және жер қатынастары басқармасы", "Department of Architecture, Urban Planning and Land Relations"),
            ("construction_control", "Управление государственного архитектурно-строительного контроля", "Мемлекеттік сәулет-құрылыс бақылауы басқармасы", "Department of State Architectural and Construction Control"),
            ("health", "Управление общественного здравоохранения", "Қоғамдық денсаулық сақтау басқармасы", "Department of Public Health"),
            ("education", "Управление образования", "Білім басқармасы", "Department of Education"),
            ("social", "Управление занятости и социальных программ", "Жұмыспен қамту және әлеуметтік бағдарламалар басқармасы", "Department of Employment and Social Programmes"),
            ("culture", "Управление культуры, архивов и документации", "Мәдениет, архивтер және құжаттама басқармасы", "Department of Culture, Archives and Documentation"),
            ("sport", "Управление физической культуры и спорта", "Дене шынықтыру және спорт басқармасы", "Department of Physical Culture and Sport"),
            ("internal_policy", "Управление внутренней политики", "Ішкі саясат басқармасы", "Department of Internal Policy"),
            ("youth", "Управление по делам молодёжи", "Жастар істері басқармасы", "Department of Youth Affairs"),
            ("entrepreneurship", "Управление предпринимательства и промышленности", "Кәсіпкерлік және өнеркәсіп басқармасы", "Department of Entrepreneurship and Industry"),
            ("economy", "Управление экономики и бюджетного планирования", "Экономика және бюджеттік жоспарлау басқармасы", "Department of Economy and Budget Planning"),
            ("finance", "Управление финансов", "Қаржы басқармасы", "Department of Finance"),
            ("digital", "Управление цифровизации и государственных услуг", "Цифрландыру және мемлекеттік қызметтер басқармасы", "Department of Digitalisation and Public Services"),
            ("veterinary", "Управление ветеринарии", "Ветеринария басқармасы", "Department of Veterinary Affairs"),
            ("public_safety", "Управление общественной безопасности и гражданской защиты", "Қоғамдық қауіпсіздік және азаматтық қорғау басқармасы", "Department of Public Safety and Civil Protection"),
        ];
        var departments = city
            .Select((d, i) => new Department((short)(i + 1), d.Code, CityDepartmentKind, d.Ru, d.Kk, d.En, null))
            .ToList();
        foreach (var district in Districts)
        {
            departments.Add(new Department(
                (short)(departments.Count + 1),
                "akimat_" + district.Code,
                DistrictAkimatKind,
                $"Аппарат акима района «{district.NameRu}»",
                $"«{district.NameKk}» ауданы әкімінің аппараты",
                $"Akimat of {district.NameEn} district",
                district.Id));
        }
        return departments;
    }
}
