namespace IKomek.Dashboard.Features.DemoCity;

// Rows of the reference tables (sql/schema/0001_reference_data.sql), in column order.

internal sealed record District(short Id, string Code, string NameRu, string NameKk, string NameEn, int Population, double CenterLat, double CenterLon);

internal sealed record Department(short Id, string Code, string Kind, string NameRu, string NameKk, string NameEn, short? DistrictId);

internal sealed record Organisation(int Id, string Name, string Kind, short DepartmentId, short? DistrictId);

internal sealed record Area(short Id, string Code, string NameRu, string NameKk, string NameEn, bool IsLifeSupport);

internal sealed record Channel(short Id, string Code, string NameRu, string NameKk, string NameEn, bool IsDigital, double SharePct);

internal sealed record Manager(int Id, string FullName, string PositionRu, short DepartmentId);

internal sealed record AppUser(int Id, string Login, string DisplayName, string Role, short? DepartmentId, DateTime CreatedAt);

/// <summary>A service type row plus what the generator needs to write appeals about it.</summary>
internal sealed class ServiceType
{
    public required int Id { get; init; }
    public required string Code { get; init; }
    public required short AreaId { get; init; }
    /// <summary>
    /// The responsible department. For district-level types (<see cref="ForDistrictAkimat"/>) this is the first
    /// district akimat as a stand-in: each appeal goes to the akimat of its own district.
    /// </summary>
    public required short DepartmentId { get; init; }
    public required string NameRu { get; init; }
    public required string NameKk { get; init; }
    public required string NameEn { get; init; }
    public required string[] Keywords { get; init; }
    public required short SlaWorkingDays { get; init; }
    public required bool IsCritical { get; init; }

    public required string AreaCode { get; init; }
    /// <summary>The catalogue's problem this type is an object of ("heating.no_heat" for heating.no_heat_flat): its phrasings are shared.</summary>
    public string ProblemCode { get; init; } = "";
    public required bool ForDistrictAkimat { get; init; }
    public required string[] OrganisationKinds { get; init; }
    /// <summary>Where the trouble is: in the resident's flat, at their building, or at a place in the city.</summary>
    public required AddressDetail Detail { get; init; }
    public required bool IsInformation { get; init; }
    /// <summary>Share of the area's appeals on average (the area's weights sum to 1).</summary>
    public required double WeightInArea { get; set; }
    /// <summary>Probability of first-contact resolution before the yearly calibration (see <see cref="FirstContactModel"/>).</summary>
    public required double FirstContactBase { get; init; }
    // Phrases for texts: the stem's variants (lower case, for use inside a sentence) and the object.
    public required string[] StemRu { get; init; }
    public required string[] StemKk { get; init; }
    public required string[] StemEn { get; init; }
    public required string ObjectRu { get; init; }
    public required string ObjectKk { get; init; }
    public required string ObjectEn { get; init; }
}

/// <summary>How precise an appeal's address is.</summary>
internal enum AddressDetail
{
    /// <summary>The resident's flat ("ул. Сыганак, 14, кв. 57").</summary>
    Flat,
    /// <summary>The resident's building, its yard or entrance, no flat.</summary>
    Building,
    /// <summary>A place in the city: a road, a stop, a park.</summary>
    Place,
}
