namespace IKomek.Dashboard.Features.DemoCity;

/// <summary>
/// The 700+ organisations that keep the city running, each under a department, most district-level ones
/// with their district. The kinds are what service types route to (see the catalog's organisation kinds).
/// </summary>
internal static class OrganisationCatalog
{
    private static readonly string[] CooperativeNames =
    [
        "Достык", "Мерей", "Бейбитшилик", "Жулдыз", "Самал", "Нурлы Жол", "Алтын Гасыр", "Береке", "Ынтымак", "Шапагат",
        "Айгерим", "Акбота", "Жастар", "Болашак", "Мирас", "Тулпар", "Кокжиек", "Арман", "Куаныш", "Бахыт",
        "Шыгыс", "Северное сияние", "Солнечный", "Уют", "Наш дом", "Комфорт", "Радуга", "Надежда", "Весна", "Олимп",
        "Триумф", "Нур Сая", "Сезам", "Керуен", "Отау", "Шанырак", "Байтерек", "Есиль", "Акжайык", "Алатау",
        "Каспий", "Жетысу", "Сарыарка", "Караван", "Аккайын", "Бастау", "Дария", "Жана Кала", "Коркем", "Тениз",
        "Ак Орда", "Кулагер", "Нурсат", "Изумрудный", "Европейский", "Северный", "Южный", "Центральный", "Восток", "Горизонт",
        "Премьер", "Империал", "Лазурный", "Samal Deluxe", "Green Park", "Sky City", "Grand Astana", "Highvill", "Expo Town", "Family Park",
    ];

    private static readonly string[] KindergartenNames =
    [
        "Балапан", "Айгөлек", "Балдәурен", "Ақбота", "Күншуақ", "Мөлдір", "Шаттық", "Еркетай", "Бөбек", "Айналайын",
        "Жұлдыз", "Құлыншақ", "Балауса", "Аққу", "Қарлығаш", "Көгершін", "Нұрсәт", "Ботагөз", "Сәуле", "Бәйтерек",
        "Тамшы", "Гүлдер", "Ромашка", "Солнышко", "Колокольчик", "Теремок", "Золотой ключик", "Радуга", "Берёзка", "Алёнушка",
    ];

    public static IReadOnlyList<Organisation> Build(Random rng)
    {
        var list = new List<Organisation>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        void Add(string name, string kind, string department, short? district = null)
        {
            if (names.Add(name))
            {
                list.Add(new Organisation(list.Count + 1, name, kind, CityStructure.DepartmentId(department), district));
            }
        }
        var districts = CityStructure.Districts;
        var populationTable = new WeightedTable(districts.Select(d => (double)d.Population).ToList());
        short RandomDistrict() => districts[populationTable.Pick(rng)].Id;

        AddUtilities(Add);
        foreach (var d in districts)
        {
            AddDistrictServices(Add, d);
        }
        AddCityServices(Add);

        // Condominiums and housing cooperatives: the largest group, one per few buildings.
        var prefixes = new[] { "ОСИ", "ОСИ", "ОСИ", "КСК", "ПК" };
        while (list.Count(o => o.Kind == "housing_coop") < 300)
        {
            var baseName = rng.Pick(CooperativeNames);
            var name = rng.Chance(0.55) ? $"{rng.Pick(prefixes)} «{baseName}-{rng.Next(1, 40)}»" : $"{rng.Pick(prefixes)} «{baseName}»";
            Add(name, "housing_coop", "housing_inspection", RandomDistrict());
        }
        var companies = new[] { "Астана Сервис", "Дом Сервис", "Комфорт Плюс", "Уют Менеджмент", "Жилкомсервис", "Сервис Групп", "Тұрғын Үй Сервис", "Elorda Service", "Smart House", "Home Care" };
        for (var i = 0; list.Count(o => o.Kind == "management_company") < 30; i++)
        {
            Add($"ТОО «УК {rng.Pick(companies)}{(i < companies.Length ? "" : $" {i}")}»", "management_company", "housing_inspection", RandomDistrict());
        }

        // Schools and kindergartens, numbered across the city.
        var schoolKinds = new[] { "Средняя школа", "Школа-лицей", "Школа-гимназия", "Средняя школа", "Специализированная школа" };
        foreach (var number in Enumerable.Range(1, 110).OrderBy(_ => rng.Next()).Take(95).Order())
        {
            Add($"ГУ «{rng.Pick(schoolKinds)} №{number}»", "school", "education", RandomDistrict());
        }
        foreach (var number in Enumerable.Range(1, 70).OrderBy(_ => rng.Next()).Take(55).Order())
        {
            Add($"ГККП «Ясли-сад №{number} «{rng.Pick(KindergartenNames)}»»", "kindergarten", "education", RandomDistrict());
        }
        foreach (var number in Enumerable.Range(1, 18))
        {
            Add($"ГКП на ПХВ «Городская поликлиника №{number}»", "clinic", "health", RandomDistrict());
        }
        foreach (var number in Enumerable.Range(1, 4))
        {
            Add($"ГКП на ПХВ «Детская городская поликлиника №{number}»", "clinic", "health", RandomDistrict());
        }
        return list;
    }

    private static void AddUtilities(Action<string, string, string, short?> add)
    {
        add("АО «Астана-Теплотранзит»", "heat_network", "energy", null);
        add("ТОО «Теплосервис-Астана»", "heat_network", "energy", null);
        add("АО «Астана-Энергия»", "heat_generation", "energy", null);
        add("ТЭЦ-1 АО «Астана-Энергия»", "heat_generation", "energy", null);
        add("ТЭЦ-2 АО «Астана-Энергия»", "heat_generation", "energy", null);
        add("АО «Астана-РЭК»", "power_grid", "energy", null);
        add("ТОО «Астанаэнергосбыт»", "energy_sales", "energy", null);
        add("АО «QazaqGaz Aimaq», филиал по г. Астане", "gas", "energy", null);
        add("ТОО «Астана Газ Сервис»", "gas", "energy", null);
        add("ТОО «Астана ЕРЦ»", "billing", "energy", null);
        add("ТОО «Центр коммунальных платежей»", "billing", "energy", null);
        add("ГКП «Астана Су Арнасы»", "water_network", "water", null);
        add("Канализационные очистные сооружения ГКП «Астана Су Арнасы»", "sewer_network", "water", null);
        add("ТОО «Ливневые сети Астаны»", "storm_network", "water", null);
        add("ТОО «Астана Дренаж»", "storm_network", "water", null);
        add("ТОО «Су Тазалық»", "storm_network", "water", null);
    }

    private static void AddDistrictServices(Action<string, string, string, short?> add, District d)
    {
        var n = d.Id;
        var name = d.NameRu;
        add($"Тепловой район №{n} АО «Астана-Теплотранзит»", "heat_network", "energy", n);
        add($"РЭС-{n} АО «Астана-РЭК»", "power_grid", "energy", n);
        add($"Аварийная газовая служба района «{name}»", "gas", "energy", n);
        add($"Участок водопроводных сетей района «{name}» ГКП «Астана Су Арнасы»", "water_network", "water", n);
        add($"Участок канализационных сетей района «{name}» ГКП «Астана Су Арнасы»", "sewer_network", "water", n);
        add($"ГКП «Дорожно-эксплуатационное управление района «{name}»»", "road_maintenance", "transport_roads", n);
        add($"ТОО «Зеленстрой-{name}»", "greening", "greening", n);
        add($"ТОО «Тазалык {name}»", "sanitation", "communal", n);
        add($"ТОО «Санитарная служба района «{name}»»", "sanitation", "communal", n);
        add($"ТОО «Чистый город {name}»", "sanitation", "communal", n);
        add($"ТОО «Зимняя служба {name}»", "snow_removal", "communal", n);
        add($"Территориальный центр социального обслуживания района «{name}»", "social_centre", "social", n);
        add($"Молодёжный центр района «{name}»", "youth_centre", "youth", n);
        add($"ЦОН района «{name}» (филиал НАО «Правительство для граждан»)", "public_service_centre", "digital", n);
        add($"Ветеринарная станция района «{name}»", "vet_service", "veterinary", n);
        var akimat = "akimat_" + d.Code;
        add($"ГУ «Аппарат акима района «{name}»»", "akimat_service", akimat, n);
        add($"ГКП «Жилищно-коммунальная служба района «{name}»»", "akimat_service", akimat, n);
        add($"ГКП «Благоустройство района «{name}»»", "akimat_service", akimat, n);
        add($"ГУ «Отдел внутренней политики района «{name}»»", "akimat_service", akimat, n);
        add($"ТОО «Дворовые службы района «{name}»»", "akimat_service", akimat, n);
    }

    private static void AddCityServices(Action<string, string, string, short?> add)
    {
        void Many(string kind, string department, params string[] names)
        {
            foreach (var name in names)
            {
                add(name, kind, department, null);
            }
        }
        Many("elevator_service", "housing_inspection", "ТОО «Лифтсервис Астана»", "ТОО «Астана Лифт»", "ТОО «Отис Казахстан»", "ТОО «KONE Казахстан»",
            "ТОО «Лифт-Строй Сервис»", "ТОО «Щербинка Лифт Астана»", "ТОО «ЛифтМонтаж»", "ТОО «Sky Lift»", "ТОО «Евролифт»", "ТОО «Лифт Инжиниринг»",
            "ТОО «Schindler Лифт»", "ТОО «Мега Лифт»", "ТОО «Астана Лифт Сервис»", "ТОО «Лифт Гарант»", "ТОО «Промлифт»", "ТОО «Elevator Service KZ»");
        Many("housing_fund", "housing_policy", "ГКП «Городской жилищный фонд»", "ГУ «Центр жилищных программ»", "ТОО «Астана Жилстрой»", "ГКП «Астана Тұрғын Үй»");
        Many("lrt", "transport_roads", "ТОО «Astana LRT»");
        Many("transit_card", "transport_roads", "ТОО «Астана Онай»", "ТОО «Городской транспортный оператор»");
        Many("bus_park", "transport_roads", "ГКП «Автобусный парк №1»", "ГКП «Автобусный парк №2»", "ТОО «Автобусный парк №4»", "ТОО «Астана Транс Сервис»",
            "ТОО «Нур-Астана Транс»", "ТОО «Столичный автобусный парк»", "ТОО «Альфа-Транс»", "ТОО «Tulpar Bus»", "ТОО «Жолаушы-Астана»", "ТОО «Астана Экобус»",
            "ТОО «Кар Транс Сервис»", "ТОО «Электробус Астана»");
        Many("road_maintenance", "transport_roads", "ТОО «Астана Жол Сервис»", "ТОО «Астанадорстрой»", "ТОО «Жол Жөндеуші»", "ТОО «Мостострой Астана»");
        Many("traffic_management", "mobility", "ТОО «Центр управления дорожным движением»", "ТОО «Светофорсервис Астана»");
        Many("parking", "mobility", "ГКП «Астана Паркинг»", "ТОО «Astana Smart Parking»", "ГКП «Специализированная штрафстоянка»");
        Many("eco_monitoring", "environment", "ГКП «Elorda Eco System»", "Филиал РГП «Казгидромет» по г. Астане", "ГУ «Экологическая лаборатория города»", "ТОО «Эко Мониторинг Астана»");
        Many("greening", "greening", "ГКП «Астана Зеленстрой»", "ГКП «Астана Орманы»", "ТОО «Жасыл Ел Астана»");
        Many("parks", "greening", "ГКП «Дирекция парков и скверов»", "ГКП «Дирекция Центрального парка»", "ГКП «Президентский парк»", "ГКП «Ботанический сад»",
            "ГКП «Парк «Жеруйык»»", "ГКП «Парк «Арай»»");
        Many("street_lighting", "greening", "ГКП «Қала Жарығы»", "ТОО «Астана Свет»", "ТОО «Светотехника Астана»");
        Many("waste_carrier", "communal", "ТОО «Тазалык-2012»", "ТОО «Эко Сервис Астана»", "ТОО «Greenline Astana»", "ТОО «Астана Тазарту»", "ТОО «Spectr Eco»", "ТОО «Эко Транс Астана»");
        Many("snow_removal", "communal", "ГКП «Астана Тазалық»", "ТОО «Снегоуборка Сервис»");
        Many("builder", "construction", "ТОО «Единый заказчик по строительству»", "ГКП «Астана Құрылыс»", "ТОО «Астана Стройинвест»", "ТОО «Стройсервис Elorda»",
            "ТОО «Құрылыс Инжиниринг»", "ТОО «Astana Build»", "ТОО «СМУ-7 Астана»", "ТОО «Казахстан Құрылыс»", "ТОО «Стройгарант Астана»", "ТОО «Монолит Астана»");
        Many("urban_planning", "architecture", "ГКП «НИПИ Астанагенплан»", "ГКП «Центр городского кадастра»", "ГКП «Астана Архитектура»");
        Many("developer", "construction_control", "ТОО «BI Group»", "ТОО «Базис-А»", "ТОО «Ramstroy»", "ТОО «Highvill Kazakhstan»", "ТОО «City Development»",
            "ТОО «Mega Stroy»", "ТОО «Строй Инвест Астана»", "ТОО «Bazis Construction»", "ТОО «Асыл Құрылыс»", "ТОО «Сарыарка Строй»", "ТОО «Элитстрой»",
            "ТОО «Kazakhstan Construction Group»", "ТОО «Astana Gold Stroy»", "ТОО «Нур Строй»", "ТОО «Жилстройинвест»");
        Many("hospital", "health", "ГКП на ПХВ «Многопрофильная городская больница №1»", "ГКП на ПХВ «Многопрофильная городская больница №2»",
            "ГКП на ПХВ «Многопрофильная городская больница №3»", "ГКП на ПХВ «Многопрофильная детская городская больница №2»", "ГКП на ПХВ «Городской родильный дом №2»",
            "ГКП на ПХВ «Городская стоматологическая поликлиника»", "ГКП на ПХВ «Городской центр фтизиопульмонологии»");
        Many("ambulance", "health", "ГКП на ПХВ «Городская станция скорой медицинской помощи»");
        Many("pharmacy", "health", "ТОО «Городская аптечная сеть»", "ТОО «Фармация Астана»");
        Many("college", "education", "ГККП «Высший колледж Астана»", "ГККП «Политехнический колледж»", "ГККП «Высший медицинский колледж»",
            "ГККП «Строительно-технический колледж»", "ГККП «Колледж транспорта и коммуникаций»", "ГККП «Колледж сервиса и питания»");
        Many("social_centre", "social", "ГУ «Центр занятости населения г. Астаны»", "ГУ «Городской центр социального обслуживания»",
            "ГККП «Центр оказания специальных социальных услуг №1»", "ГККП «Центр оказания специальных социальных услуг №2»",
            "ГККП «Центр оказания специальных социальных услуг №3»", "ГККП «Центр реабилитации лиц с инвалидностью»");
        Many("culture_venue", "culture", "ГККП «Театр «Астана Балет»»", "ГККП «Казахский музыкально-драматический театр им. К. Куанышбаева»",
            "ГККП «Русский драматический театр им. М. Горького»", "ГККП «Централизованная библиотечная система»", "ГККП «Дворец творчества школьников»",
            "ГККП «Конгресс-холл»", "ГККП «Дворец мира и согласия»", "ГУ «Городской архив»", "ГККП «Филармония Астаны»");
        Many("sport_venue", "sport", "ГККП «Дворец спорта «Казахстан»»", "ГККП «Ледовый дворец «Алау»»", "ГККП «Велотрек «Сарыарка»»",
            "ГККП «Спорткомплекс «Жекпе-жек»»", "ГККП «Астана Арена»", "ГККП «Центр олимпийской подготовки»", "ГККП «Бассейн «Нур»»",
            "ГККП «ДЮСШ №1»", "ГККП «ДЮСШ №2»", "ГККП «ДЮСШ №3»");
        Many("ngo_centre", "internal_policy", "ГУ «Центр по связям с общественностью»", "ГККП «Дом дружбы»", "ГУ «Центр исследования религиозных вопросов»",
            "ГУ «Центр развития языков»");
        Many("youth_centre", "youth", "ГУ «Молодёжный ресурсный центр»", "ГККП «Дворец молодёжи»");
        Many("market", "entrepreneurship", "ТОО «Рынок «Шапагат»»", "ТОО «Рынок «Алтын Орда»»", "ТОО «Центральный рынок»", "ТОО «Рынок «Артем»»",
            "ТОО «Рынок «Евразия»»", "ТОО «Рынок «Шахристан»»", "ТОО «Рынок «Сыганак»»", "ТОО «Рынок «Тулпар»»");
        Many("business_support", "entrepreneurship", "АО «СПК «Astana»»", "ТОО «Центр поддержки предпринимательства»", "Палата предпринимателей г. Астаны");
        Many("research_centre", "economy", "ГУ «Центр экономических исследований»", "ГУ «Офис стратегического и бюджетного планирования»");
        Many("property_fund", "finance", "ГУ «Отдел коммунального имущества»", "ГКП «Центр государственных закупок»");
        Many("smart_city", "digital", "ТОО «Astana Innovations»", "ТОО «Smart Astana»", "ГУ «Ситуационный центр акимата»", "ГККП «Контакт-центр iKOMEK 109»");
        Many("vet_service", "veterinary", "ГКП «Астана Ветсервис»", "ГКП «Центр по отлову и содержанию бездомных животных»");
        Many("rescue", "public_safety", "ГУ «Городская служба спасения»", "ГККП «Астана Құтқару»", "ГУ «Центр оперативного управления»", "ГУ «Служба гражданской защиты»");
    }
}
