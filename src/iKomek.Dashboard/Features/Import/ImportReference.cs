using Dapper;
using IKomek.Dashboard.Features.Intake;
using Npgsql;
using IKomek.Dashboard.Platform.City;

namespace IKomek.Dashboard.Features.Import;

/// <summary>
/// The reference data an import checks each row against, loaded once per import: codes and names to ids, the address
/// register (to place rows that have only an address) and the working calendar (to compute missing SLA deadlines).
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

    public static async Task<ImportReference> LoadAsync(NpgsqlConnection conn, CancellationToken ct)
    {
        async Task<List<T>> Query<T>(string sql) => (await conn.QueryAsync<T>(new CommandDefinition(sql, cancellationToken: ct))).AsList();

        var types = await Query<(string Code, int Id, int AreaId, int DepartmentId, int Sla, bool Critical)>(
            "SELECT code, id, area_id::int, department_id::int, sla_working_days::int, is_critical FROM service_types ORDER BY id");
        var areas = await Query<(string Code, int Id)>("SELECT code, id::int FROM areas");
        var districts = await Query<(int Id, string Code, string Ru, string Kk, string En, double Lat, double Lon)>(
            "SELECT id::int, code, name_ru, name_kk, name_en, center_lat, center_lon FROM districts ORDER BY id");
        var holidays = await Query<DateTime>("SELECT day::timestamp FROM holidays");
        var buildings = await Query<(string Address, int DistrictId, double Lat, double Lon)>("SELECT address, district_id::int, lat, lon FROM addresses");
        var organisations = await Query<(string Name, int Id, int DepartmentId, int? DistrictId)>(
            "SELECT name, id, department_id::int, district_id::int FROM organisations ORDER BY id");

        var typeByCode = types.ToDictionary(t => t.Code, t => new ServiceType(t.Id, t.AreaId, t.DepartmentId, t.Sla, t.Critical), Codes);
        var districtByName = new Dictionary<string, int>(Codes);
        foreach (var d in districts)
        {
            foreach (var name in new[] { d.Code, d.Ru, d.Kk, d.En }) districtByName.TryAdd(name, d.Id);
        }
        return new ImportReference
        {
            ServiceTypes = typeByCode,
            // The type with the longest deadline and the lowest id stands for the area's general questions.
            AreaDefaults = areas.ToDictionary(a => a.Code, a => typeByCode.Values.Where(t => t.AreaId == a.Id)
                .OrderByDescending(t => t.SlaWorkingDays).ThenBy(t => t.Id).FirstOrDefault(), Codes)
                .Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => kv.Value!, Codes),
            Areas = areas.ToDictionary(a => a.Code, a => a.Id, Codes),
            Districts = districtByName,
            DistrictCentres = districts.Select(d => (d.Id, d.Lat, d.Lon)).ToList(),
            Departments = (await Query<(string Code, int Id)>("SELECT code, id::int FROM departments")).ToDictionary(d => d.Code, d => d.Id, Codes),
            Channels = (await Query<(string Code, int Id)>("SELECT code, id::int FROM channels")).ToDictionary(c => c.Code, c => c.Id, Codes),
            Organisations = organisations.GroupBy(o => o.Name, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(o => new Organisation(o.Id, o.DepartmentId, o.DistrictId)).ToArray(), StringComparer.Ordinal),
            Buildings = buildings.ToDictionary(b => b.Address, b => new Building(b.DistrictId, b.Lat, b.Lon), StringComparer.OrdinalIgnoreCase),
            Calendar = new WorkingCalendar(holidays.Select(DateOnly.FromDateTime).ToHashSet()),
        };
    }

    /// <summary>The district whose centre is nearest (the intake's rule for coordinates without a district).</summary>
    public int NearestDistrict(double lat, double lon) => CityGeography.NearestDistrict(DistrictCentres, lat, lon);
}
