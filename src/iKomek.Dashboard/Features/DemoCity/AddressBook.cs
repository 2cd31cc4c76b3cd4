using System.Globalization;

namespace IKomek.Dashboard.Features.DemoCity;

/// <summary>A building (street + house) and, for flats, the flat number (0 = none).</summary>
internal readonly record struct Location(short DistrictId, int Street, int House, int Flat);

/// <summary>
/// Streets of each district laid out as straight lines of houses around the district centre, so that an
/// address always has the same coordinates and neighbouring houses are near each other (which is what a
/// street-segment or a small-cell problem needs).
/// </summary>
internal sealed class AddressBook
{
    private const double MetresPerDegreeLat = 111_320;
    private const double HouseSpacingMetres = 45;

    // Real street names, each used in one district only so that an address names one place.
    private static readonly string[][] StreetNames =
    [
        ["пр. Абылай хана", "пр. Тауелсиздик", "пр. Рыскулова", "ул. Магжана Жумабаева", "ул. Манаса", "ул. Петрова", "ул. Жангельдина",
            "пр. Шакарима", "ул. Тлендиева", "ул. Габдуллина", "ул. Шарля де Голля", "ул. Ыкылас Дукенулы", "ул. Бабатайулы",
            "ул. Илияса Есенберлина", "ул. Косшыгулулы", "ул. Бейимбета Майлина", "ул. Жетыген", "ул. Кажымукана", "ул. Аманжола Болекпаева",
            "ул. Куйши Дина", "ул. Баршын", "пр. Рахымжана Кошкарбаева", "ул. Тлеу батыра", "ул. Айнаколь"],
        ["пр. Республики", "ул. Сакена Сейфуллина", "ул. Бейсековой", "ул. Жумабека Ташенова", "ул. Брусиловского", "ул. Пушкина", "ул. Гагарина",
            "ул. Циолковского", "ул. Бигельдинова", "ул. Шокана Уалиханова", "ул. Кумисбекова", "ул. Ильяса Жансугурова", "ул. Шевченко", "ул. Гёте",
            "ул. Потанина", "ул. Янушкевича", "ул. Акжол", "ул. Баймагамбетова", "ул. Степная", "ул. Промышленная", "ул. Байкадамова",
            "ул. Тельмана", "ул. Кенесары", "ул. Абая"],
        ["пр. Мангилик Ел", "пр. Кабанбай батыра", "пр. Туран", "ул. Сыганак", "ул. Достык", "ул. Орынбор", "ул. Керей-Жанибек хандар",
            "ул. Акмешит", "ул. Алихана Бокейхана", "ул. Динмухамеда Конаева", "ул. Сауран", "ул. Туркестан", "ул. Чингиза Айтматова",
            "ул. Бухар жырау", "ул. Сарайшык", "ул. Е-10", "ул. Жанибек Тархана", "ул. Ахмета Байтурсынулы", "ул. Шамши Калдаякова",
            "ул. Кайыма Мухамедханова", "пр. Улы Дала", "ул. Жумекена Нажимеденова", "ул. Габита Мусрепова", "ул. Каныша Сатпаева"],
        ["пр. Сарыарка", "пр. Богенбай батыра", "ул. Бейбитшилик", "ул. Мухтара Ауэзова", "ул. Московская", "ул. Желтоксан", "ул. Омарова",
            "пр. Женис", "ул. Кравцова", "ул. Амангельды Иманова", "ул. Ахмета Жубанова", "ул. Иманбаевой", "ул. Ташкентская", "ул. Отырар",
            "ул. Затаевича", "ул. Карасай батыра", "ул. Шокая", "ул. Ирченко", "ул. Пионерская", "ул. Элеваторная", "ул. Жамбыла",
            "ул. Кенена Азербаева", "ул. Сембинова", "ул. Шакена Айманова"],
        ["ул. Хусейн бен Талал", "ул. Акан серы", "ул. Ильяса Омарова", "ул. Толе би", "ул. Тауке хана", "ул. Айтеке би", "ул. Казыбек би",
            "ул. Кордай", "ул. Жанаарка", "ул. Коктал", "ул. Мичурина", "ул. Уркер", "ул. Нура", "ул. Е-489", "ул. Е-22", "ул. Е-30", "ул. Е-117",
            "ул. Е-251", "ул. Е-319", "ул. Алии Молдагуловой", "ул. Маншук Маметовой", "ул. Шапагат", "ул. Жайлау", "ул. Кызылжар"],
    ];

    private readonly Street[] _streets;
    private readonly int[][] _streetsByDistrict;   // district id - 1 -> street indexes
    private readonly string[][] _buildingAddresses; // street -> house -> "ул. X, 12"

    public AddressBook(Random rng)
    {
        var streets = new List<Street>();
        foreach (var district in CityStructure.Districts)
        {
            // Nura is younger and has more private housing; elsewhere most buildings are blocks of flats.
            var highRiseShare = district.Code == "nura" ? 0.5 : 0.82;
            foreach (var name in StreetNames[district.Id - 1])
            {
                var isAvenue = name.StartsWith("пр.", StringComparison.Ordinal);
                var houses = isAvenue ? rng.Next(70, 181) : rng.Next(24, 141);
                var distance = 2600 * Math.Sqrt(rng.NextDouble());
                var bearing = rng.NextDouble() * 2 * Math.PI;
                var direction = rng.NextDouble() * 2 * Math.PI;
                var metresPerDegreeLon = MetresPerDegreeLat * Math.Cos(district.CenterLat * Math.PI / 180);
                // Start the street so that its middle sits at the chosen point.
                var half = houses / 2.0 * HouseSpacingMetres / 2;
                var midLat = district.CenterLat + distance * Math.Cos(bearing) / MetresPerDegreeLat;
                var midLon = district.CenterLon + distance * Math.Sin(bearing) / metresPerDegreeLon;
                var stepLat = HouseSpacingMetres * Math.Cos(direction) / MetresPerDegreeLat;
                var stepLon = HouseSpacingMetres * Math.Sin(direction) / metresPerDegreeLon;
                streets.Add(new Street(
                    streets.Count, district.Id, name, name[(name.IndexOf(' ') + 1)..], isAvenue, houses,
                    midLat - half / HouseSpacingMetres * stepLat, midLon - half / HouseSpacingMetres * stepLon,
                    stepLat, stepLon,
                    // The other side of the street is 30 m away, perpendicular to it.
                    -30 * Math.Sin(direction) / MetresPerDegreeLat, 30 * Math.Cos(direction) / metresPerDegreeLon,
                    rng.NextDouble() < highRiseShare));
            }
        }
        _streets = streets.ToArray();
        _streetsByDistrict = CityStructure.Districts
            .Select(d => streets.Where(s => s.DistrictId == d.Id).Select(s => s.Index).ToArray())
            .ToArray();
        _buildingAddresses = _streets
            .Select(s => Enumerable.Range(0, s.Houses + 1)
                .Select(h => h == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $"{s.Name}, {h}"))
                .ToArray())
            .ToArray();
    }

    public IReadOnlyList<Street> Streets => _streets;

    public IReadOnlyList<int> StreetsOf(short districtId) => _streetsByDistrict[districtId - 1];

    /// <summary>A resident's home, a pure function of the resident's key.</summary>
    public Location Home(short districtId, ulong residentHash)
    {
        var streets = _streetsByDistrict[districtId - 1];
        var street = _streets[streets[(int)(residentHash % (ulong)streets.Length)]];
        var house = 1 + (int)((residentHash >> 16) % (ulong)street.Houses);
        return new Location(districtId, street.Index, house, FlatIn(street, house, residentHash >> 36));
    }

    /// <summary>A random place in the district (a building's address, no flat): roads, parks, stops.</summary>
    public Location RandomPlace(short districtId, Random rng)
    {
        var streets = _streetsByDistrict[districtId - 1];
        var street = _streets[streets[rng.Next(streets.Length)]];
        return new Location(districtId, street.Index, 1 + rng.Next(street.Houses), 0);
    }

    /// <summary>A flat in the building, or 0 for a private house.</summary>
    public int FlatIn(Street street, int house, ulong hash)
    {
        if (!street.HighRise)
        {
            return 0;
        }
        var flats = 24 + (int)(Rng.Hash((ulong)street.Index, (ulong)house) % 200);
        return 1 + (int)(hash % (ulong)flats);
    }

    public string BuildingAddress(Location place) => _buildingAddresses[place.Street][place.House];

    public string Address(Location place) =>
        place.Flat == 0
            ? _buildingAddresses[place.Street][place.House]
            : string.Create(CultureInfo.InvariantCulture, $"{_buildingAddresses[place.Street][place.House]}, кв. {place.Flat}");

    public (double Lat, double Lon) Coordinates(Location place) => Coordinates(place.Street, place.House);

    public (double Lat, double Lon) Coordinates(int streetIndex, int house)
    {
        var s = _streets[streetIndex];
        var position = (house - 1) / 2;
        var side = house % 2 == 0 ? 1 : 0;
        return (Math.Round(s.StartLat + position * s.StepLat + side * s.SideLat, 6),
                Math.Round(s.StartLon + position * s.StepLon + side * s.SideLon, 6));
    }

    /// <summary>Metres between two points (equirectangular: plenty for a city).</summary>
    public static double DistanceMetres(double lat1, double lon1, double lat2, double lon2)
    {
        var x = (lon2 - lon1) * Math.Cos((lat1 + lat2) / 2 * Math.PI / 180) * MetresPerDegreeLat;
        var y = (lat2 - lat1) * MetresPerDegreeLat;
        return Math.Sqrt(x * x + y * y);
    }
}

/// <summary>A street: its houses sit every <c>HouseSpacingMetres</c> along a line, odd and even on either side.</summary>
internal sealed record Street(
    int Index, short DistrictId, string Name, string BareName, bool IsAvenue, int Houses,
    double StartLat, double StartLon, double StepLat, double StepLon, double SideLat, double SideLon, bool HighRise);
