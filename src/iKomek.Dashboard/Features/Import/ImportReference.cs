using Dapper;
using Npgsql;
using IKomek.Dashboard.Platform.City;

namespace IKomek.Dashboard.Features.Import;

/// <summary>
/// The reference data an import checks each row against, once per import: codes and names to ids and the working
/// calendar (to compute missing SLA deadlines) from <see cref="CityReference"/>, and the address register (to place
/// rows that have only an address) and the organisations read from the database.
/// </summary>
public sealed class ImportReference
{
    public sealed record ServiceType(int Id, int AreaId, int DepartmentId, int SlaWorkingDays, bool IsCritical);

    public sealed record Organisation(int Id, int DepartmentId, int? DistrictId);

    public sealed record Building(int DistrictId, double Lat, double Lon);

    private static readonly StringComparer Codes = StringComparer.OrdinalIgnoreCase;

    public required IReadOnlyDictionary<string, ServiceType> ServiceTypes { get; init; }

    /// <summary>An area's most general service type, for categories mapped to an area rather than a type.</summary>
    public required IReadOnlyDictionary<string, ServiceType> AreaDefaults { get; init; }

    public required IReadOnlyDictionary<string, int> Areas { get; init; }

    /// <summary>District ids by code and by name in each language.</summary>
    public required IReadOnlyDictionary<string, int> Districts { get; init; }

    public required IReadOnlyList<(int Id, double Lat, double Lon)> DistrictCentres { get; init; }

    public required IReadOnlyDictionary<string, int> Departments { get; init; }

    public required IReadOnlyDictionary<string, int> Channels { get; init; }

    public required IReadOnlyDictionary<string, Organisation[]> Organisations { get; init; }

    public required IReadOnlyDictionary<string, Building> Buildings { get; init; }

    public required WorkingCalendar Calendar { get; init; }

    /// <summary>The node's reference copy this was built from: the profile's bounds and district outlines.</summary>
    public CityReference.Snapshot? City { get; init; }

    /// <summary>
    /// The codes, names and calendar from the node's reference copy; the address register and the organisations,
    /// too big to keep on every node and needed only here, read for this import.
    /// </summary>
    public static async Task<ImportReference> LoadAsync(NpgsqlConnection conn, CityReference.Snapshot city, CancellationToken ct)
    {
        async Task<List<T>> Query<T>(string sql) => (await conn.QueryAsync<T>(new CommandDefinition(sql, cancellationToken: ct))).AsList();

        var buildings = await Query<(string Address, int DistrictId, double Lat, double Lon)>("SELECT address, district_id::int, lat, lon FROM addresses");
        var organisations = await Query<(string Name, int Id, int DepartmentId, int? DistrictId)>(
            "SELECT name, id, department_id::int, district_id::int FROM organisations ORDER BY id");

        var typeByCode = city.ServiceTypes.Values.OrderBy(t => t.Id)
            .ToDictionary(t => t.Code, t => new ServiceType(t.Id, t.AreaId, t.DepartmentId, t.SlaWorkingDays, t.IsCritical), Codes);
        var districtByName = new Dictionary<string, int>(Codes);
        foreach (var d in city.Districts.Values.OrderBy(d => d.Id))
        {
            foreach (var name in new[] { d.Code, d.NameRu, d.NameKk, d.NameEn }) districtByName.TryAdd(name, d.Id);
        }
        return new ImportReference
        {
            ServiceTypes = typeByCode,
            // The type with the longest deadline and the lowest id stands for the area's general questions.
            AreaDefaults = city.Areas.Values.ToDictionary(a => a.Code, a => typeByCode.Values.Where(t => t.AreaId == a.Id)
                .OrderByDescending(t => t.SlaWorkingDays).ThenBy(t => t.Id).FirstOrDefault(), Codes)
                .Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => kv.Value!, Codes),
            Areas = city.Areas.Values.ToDictionary(a => a.Code, a => a.Id, Codes),
            Districts = districtByName,
            DistrictCentres = city.CentreList,
            Departments = city.Departments.Values.ToDictionary(d => d.Code, d => d.Id, Codes),
            Channels = city.Channels.Values.ToDictionary(c => c.Code, c => c.Id, Codes),
            Organisations = organisations.GroupBy(o => o.Name, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(o => new Organisation(o.Id, o.DepartmentId, o.DistrictId)).ToArray(), StringComparer.Ordinal),
            Buildings = buildings.ToDictionary(b => b.Address, b => new Building(b.DistrictId, b.Lat, b.Lon), StringComparer.OrdinalIgnoreCase),
            Calendar = city.Calendar,
            City = city,
        };
    }

    /// <summary>The district whose outline holds the point, else whose centre is nearest (the intake's rule for
    /// coordinates without a district).</summary>
    public int NearestDistrict(double lat, double lon) => City?.NearestDistrict(lat, lon) ?? CityGeography.NearestDistrict(DistrictCentres, lat, lon);

    /// <summary>Inside the applied profile's bounds (Astana's without one).</summary>
    public bool IsInCity(double lat, double lon) => City?.IsInCity(lat, lon) ?? CityGeography.IsInCity(lat, lon);
}
