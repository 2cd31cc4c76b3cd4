using System.Globalization;

namespace IKomek.Dashboard.Features.DemoCity.OtherCities;

/// <summary>
/// The two generated cities brought in through their profiles: a second city in another time zone (Bishkek, UTC+6;
/// its own catalogue in Russian, a windows-1251 export with ';' and day-first dates) and a US city's 311 export
/// (Chicago, America/Chicago; English categories, US dates). The data are generated; the district outlines are schematic.
/// </summary>
internal static class ExportCities
{
    private static readonly int[] Winter = [11, 12, 1, 2, 3];
    private static readonly int[] DeepWinter = [12, 1, 2];
    private static readonly int[] Summer = [5, 6, 7, 8, 9];

    public static ExportCity ByName(string name) => name switch
    {
        "second" => Second,
        "us" => Us,
        _ => throw new ArgumentException($"city '{name}' is not one of second, us"),
    };

    public static ExportCity Second { get; } = new()
    {
        Code = "bishkek",
        NameRu = "Бишкек",
        NameKk = "Бішкек",
        NameEn = "Bishkek",
        TimeZone = "Asia/Bishkek",
        Bounds = new Box(42.80, 74.48, 42.92, 74.70),
        Districts =
        [
            new("leninsky", "Ленинский район", "Ленин ауданы", "Leninsky district", "Ленинский р-н", 330_000, new Box(42.80, 74.48, 42.92, 74.57)),
            new("pervomaysky", "Первомайский район", "Первомай ауданы", "Pervomaysky district", "Первомайский р-н", 230_000,
                new Box(42.86, 74.57, 42.92, 74.63)),
            new("oktyabrsky", "Октябрьский район", "Октябрь ауданы", "Oktyabrsky district", "Октябрьский р-н", 300_000,
                new Box(42.80, 74.57, 42.86, 74.63)),
            // Its second part, an industrial strip in the north-east, makes the outline a MultiPolygon.
            new("sverdlovsky", "Свердловский район", "Свердлов ауданы", "Sverdlovsky district", "Свердловский р-н", 280_000,
                new Box(42.80, 74.63, 42.89, 74.70), new Box(42.89, 74.66, 42.92, 74.70)),
        ],
        Streets =
        [
            "ул. Токтогула", "ул. Киевская", "ул. Боконбаева", "ул. Ахунбаева", "ул. Жибек Жолу", "ул. Фрунзе", "ул. Московская",
            "ул. Исанова", "ул. Тыныстанова", "ул. Льва Толстого", "ул. Горького", "ул. Байтик Баатыра", "ул. Ибраимова",
            "ул. Логвиненко", "ул. Турусбекова", "ул. Чуй", "ул. Манаса", "ул. Шабдан Баатыра", "ул. Суеркулова", "ул. Абдрахманова",
            "ул. Панфилова", "ул. Садыгалиева", "ул. Карпинского", "ул. Уметалиева", "ул. Ленина", "ул. Джунусалиева",
        ],
        Address = (street, house) => string.Create(CultureInfo.InvariantCulture, $"{street}, {house}"),
        Categories =
        [
            new("Отсутствие отопления", "heating.no_heat_flat", 5, Winter, ["Нет отопления в квартире", "батареи холодные третий день", "дома холодно, отопление не дали"]),
            new("Слабое отопление", "heating.weak_heat_flat", 4, Winter, ["батареи еле теплые", "плохо греют батареи, дома +16", "слабое отопление в квартире"]),
            new("Завоздушивание системы отопления", "heating.airlock_flat", 1.5, Winter, ["стояк завоздушен, батарея холодная", "воздушная пробка в батарее"]),
            new("Отсутствие горячей воды", "water_supply.no_hot_flat", 3, null, ["нет горячей воды", "горячую воду отключили без предупреждения"]),
            new("Отсутствие холодной воды", "water_supply.no_cold_flat", 3, null, ["нет воды с утра", "холодной воды нет в доме"]),
            new("Низкое давление воды", "water_supply.low_pressure_house", 2, null, ["слабый напор воды на верхних этажах", "вода еле течет"]),
            new("Ржавая вода", "water_supply.dirty_flat", 1.5, null, ["из крана течет ржавая вода", "вода мутная с запахом"]),
            new("Засор канализации", "sewerage.blockage_house", 2.5, null, ["забилась канализация в подъезде", "засор стояка, топит первый этаж"]),
            new("Запах канализации в подвале", "sewerage.smell_basement", 1.2, null, ["в подвале стоит вода и воняет", "запах канализации из подвала"]),
            new("Открытый канализационный люк", "sewerage.manhole_street", 1, null, ["открытый люк на дороге", "нет крышки люка, опасно"]),
            new("Отключение электроэнергии", "electricity.no_power_house", 3, null, ["нет света в доме", "отключили электричество без предупреждения"]),
            new("Перепады напряжения", "electricity.voltage_house", 1.2, null, ["скачет напряжение, сгорел холодильник", "свет мигает весь вечер"]),
            new("Не работает лифт", "elevators.stopped_res", 2.5, null, ["лифт не работает неделю", "лифт стоит, пожилым не подняться"]),
            new("Застревание в лифте", "elevators.stuck_res", 0.8, null, ["застряли в лифте", "лифт застревает между этажами"]),
            new("Протекает кровля", "housing_maintenance.leak_roof_flat", 2, null, ["течет крыша, мокрый потолок", "после дождя заливает с крыши"]),
            new("Не горит свет в подъезде", "housing_maintenance.light_entrance_entrance", 1.5, null, ["в подъезде темно", "не горит лампа на этаже"]),
            new("Вопросы по содержанию дома", "housing_maintenance", 2, null, ["управляющая компания ничего не делает", "в подъезде грязно, не убирают"]),
            new("Невывоз мусора", "waste_collection.not_collected_yard", 4, null, ["мусор не вывозят третий день", "контейнеры переполнены"]),
            new("Стихийная свалка", "ecology.dump_vacant", 1.2, null, ["на пустыре свалка строительного мусора", "вываливают мусор за гаражами"]),
            new("Мусор на улице", "sanitation.litter_street", 2, null, ["на улице грязно, урны переполнены", "мусор вдоль арыка"]),
            new("Ямы на дороге", "roads_sidewalks.potholes_street", 4, null, ["яма на дороге, колеса бьют", "разбитый асфальт, ямы"]),
            new("Разрушение тротуара", "roads_sidewalks.sidewalk_broken_sidewalk", 1.5, null, ["тротуар разбит, плитка вывернута", "на тротуаре провал"]),
            new("Не работает уличное освещение", "street_lighting.lights_off_street", 3, null, ["на улице не горят фонари", "темно вечером, фонари не работают"]),
            new("Неубранный снег", "snow_ice.snow_not_cleared_yard", 2, DeepWinter, ["во дворе не чистят снег", "снег не убран, не пройти"]),
            new("Гололед", "snow_ice.ice_sidewalk", 1.5, DeepWinter, ["скользко, тротуар не посыпан", "гололед у остановки"]),
            new("Бродячие собаки", "stray_animals.dogs_yard", 2, null, ["стая собак во дворе", "бродячие собаки бросаются на детей"]),
            new("Шум в ночное время", "public_order.noise_yard", 1.5, null, ["шумят ночью во дворе", "громкая музыка после 23:00"]),
            new("Благоустройство двора", "landscaping", 2, Summer, ["просим установить скамейки", "во дворе нет детской площадки"]),
            new("Сломанная детская площадка", "landscaping.playground_yard", 1, Summer, ["качели сломаны", "горка на площадке опасная"]),
            new("Парковка на газоне", "traffic_parking.parking_lot_street", 1.5, null, ["ставят машины на газон", "паркуются на тротуаре"]),
            new("Работа общественного транспорта", "public_transport", 2.5, null, ["маршрутку ждали час", "автобусы ходят редко"]),
            new("Подтопление двора", "storm_drainage.flooding_yard", 1, [4, 5, 6], ["после дождя двор затопило", "вода стоит во дворе"]),
            new("Прочее", "other_services", 2, null, ["прошу разобраться", "вопрос по справке"]),
        ],
        Planted =
        [
            new("recurring_building", "building", "Не работает лифт", null, 5),
            new("recurring_building", "building", "Засор канализации", null, 4),
            new("recurring_building", "building", "Протекает кровля", null, 4),
            new("recurring_building", "building", "Низкое давление воды", null, 4),
            new("recurring_street", "street", "Ямы на дороге", null, 6),
            new("recurring_street", "street", "Не работает уличное освещение", null, 5),
            new("recurring_street", "street", "Мусор на улице", null, 4),
            new("recurring_cell", "cell", "Бродячие собаки", null, 5),
            new("recurring_cell", "cell", "Стихийная свалка", null, 4),
            new("seasonal_building", "building", "Отсутствие отопления", Winter, 9),
            new("seasonal_building", "building", "Слабое отопление", Winter, 7),
            new("seasonal_cell", "cell", "Неубранный снег", DeepWinter, 8),
            new("decoy_burst", "building", "Отсутствие холодной воды", null, 40),
            new("decoy_burst", "building", "Отключение электроэнергии", null, 35),
        ],
        Holidays =
        [
            "2025-01-01", "2025-01-07", "2025-02-23", "2025-03-08", "2025-03-21", "2025-04-07", "2025-05-01", "2025-05-05",
            "2025-05-09", "2025-08-31", "2025-11-07", "2025-11-08",
            "2026-01-01", "2026-01-07", "2026-02-23", "2026-03-08", "2026-03-21", "2026-04-07", "2026-05-01", "2026-05-05",
            "2026-05-09", "2026-08-31", "2026-11-07", "2026-11-08",
        ],
        Channels = ["call_109", "website", "ikomek_app"],
        Header = ["Номер обращения", "Дата регистрации", "Категория", "Район", "Адрес", "Широта", "Долгота", "Текст обращения", "Статус", "Дата закрытия"],
        DateFormat = "dd.MM.yyyy HH:mm",
        Encoding = "windows-1251",
        Delimiter = ';',
        DecimalComma = true,
        ClosedStatus = "Закрыта",
        OpenStatuses = ["Зарегистрирована", "В работе"],
        StatusMap = new() { ["Закрыта"] = "closed", ["Зарегистрирована"] = "registered", ["В работе"] = "in_progress" },
        RowId = n => string.Create(CultureInfo.InvariantCulture, $"Б-{n:000000}"),
        DailyAppeals = 60,
    };

    public static ExportCity Us { get; } = new()
    {
        Code = "chicago",
        NameRu = "Чикаго",
        NameKk = "Чикаго",
        NameEn = "Chicago",
        TimeZone = "America/Chicago",
        Bounds = new Box(41.78, -87.72, 41.96, -87.58),
        Districts =
        [
            new("lake_view", "Лейк-Вью", "Лейк-Вью", "Lake View", "6", 100_000, new Box(41.92, -87.72, 41.96, -87.58)),
            new("lincoln_park", "Линкольн-Парк", "Линкольн-Парк", "Lincoln Park", "7", 70_000, new Box(41.90, -87.72, 41.92, -87.58)),
            new("near_north_side", "Ниар-Норт-Сайд", "Ниар-Норт-Сайд", "Near North Side", "8", 105_000, new Box(41.87, -87.72, 41.90, -87.58)),
            new("loop", "Луп", "Луп", "Loop", "32", 42_000, new Box(41.84, -87.72, 41.87, -87.58)),
            new("hyde_park", "Гайд-Парк", "Гайд-Парк", "Hyde Park", "41", 29_000, new Box(41.78, -87.72, 41.84, -87.58)),
        ],
        Streets =
        [
            "N CLARK ST", "N HALSTED ST", "N BROADWAY", "W BELMONT AVE", "W FULLERTON AVE", "N STATE ST", "S MICHIGAN AVE",
            "W MADISON ST", "S WABASH AVE", "E 55TH ST", "S COTTAGE GROVE AVE", "W DIVISION ST", "N LINCOLN AVE", "S LAKE PARK AVE",
        ],
        Address = (street, house) => string.Create(CultureInfo.InvariantCulture, $"{house * 4} {street}"),
        Categories =
        [
            new("Pothole in Street", "roads_sidewalks.potholes_street", 5, null, ["Large pothole in the right lane", "pothole damaged my tire", "deep hole near the crosswalk"]),
            new("Street Light Out", "street_lighting.lights_off_street", 4, null, ["street light out on the block", "three lights out, very dark at night"]),
            new("Missed Trash Pickup", "waste_collection.not_collected_yard", 4, null, ["garbage not picked up this week", "trash cart missed again"]),
            new("Graffiti Removal", "sanitation.graffiti_street", 3, null, ["graffiti on the garage wall", "tagging on the underpass"]),
            new("Water Main Break", "water_supply.main_leak_street", 1, null, ["water gushing from the street", "water main break, road flooded"]),
            new("Noise Complaint", "public_order.noise_yard", 2, null, ["loud party every night", "music after midnight next door"]),
            new("Rodent Baiting", "sanitation", 2, Summer, ["rats in the alley", "rodents near the dumpsters"]),
            new("Tree Trim", "landscaping.pruning_street", 1.5, Summer, ["tree branches over the sidewalk", "dead limb hanging over the street"]),
            new("Abandoned Vehicle", "traffic_parking.abandoned_car_street", 1.5, null, ["car parked for weeks with flat tires", "abandoned vehicle no plates"]),
            new("Snow Removal", "snow_ice.snow_not_cleared_street", 2, DeepWinter, ["side street not plowed", "snow not cleared for days"]),
            new("Stray Animal", "stray_animals.dogs_yard", 1, null, ["stray dog in the park", "loose dogs chasing kids"]),
            new("No Heat", "heating.no_heat_flat", 2, Winter, ["landlord not providing heat", "no heat in my apartment"]),
            new("Sewer Cave-In", "sewerage.manhole_street", 0.8, null, ["sewer cave in near the curb", "manhole sinking"]),
            new("Sidewalk Repair", "roads_sidewalks.sidewalk_broken_sidewalk", 1.5, null, ["broken sidewalk, trip hazard", "raised slab on the sidewalk"]),
            new("Building Violation", "housing_maintenance", 1.5, null, ["back porch unsafe", "building has no working lights in the hallway"]),
        ],
        Planted =
        [
            new("recurring_street", "street", "Pothole in Street", null, 6),
            new("recurring_street", "street", "Street Light Out", null, 5),
            new("recurring_cell", "cell", "Graffiti Removal", null, 5),
            new("recurring_cell", "cell", "Missed Trash Pickup", null, 4),
            new("seasonal_building", "building", "No Heat", Winter, 7),
            new("decoy_burst", "building", "Water Main Break", null, 30),
        ],
        Holidays = ["2025-01-01", "2025-05-26", "2025-07-04", "2025-09-01", "2025-11-27", "2025-12-25",
                    "2026-01-01", "2026-05-25", "2026-07-03", "2026-09-07", "2026-11-26", "2026-12-25"],
        Channels = ["call_109", "website", "ikomek_app"],
        Header = ["SR_NUMBER", "CREATED_DATE", "SR_TYPE", "COMMUNITY_AREA", "STREET_ADDRESS", "LATITUDE", "LONGITUDE", "DESCRIPTION", "STATUS", "CLOSED_DATE"],
        DateFormat = "MM/dd/yyyy hh:mm:ss tt",
        Encoding = "utf-8",
        Delimiter = ',',
        DecimalComma = false,
        ClosedStatus = "Completed",
        OpenStatuses = ["Open"],
        StatusMap = new() { ["Completed"] = "closed", ["Open"] = "registered" },
        RowId = n => string.Create(CultureInfo.InvariantCulture, $"SR25-{n:00000000}"),
        DailyAppeals = 30,
    };
}
