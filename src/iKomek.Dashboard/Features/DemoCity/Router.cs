namespace IKomek.Dashboard.Features.DemoCity;

/// <summary>
/// Sends an appeal to a department and an organisation consistent with its service type: the type's
/// department (or the akimat of the appeal's district for district-level types) and one of that
/// department's organisations of the right kind in the district, the same one for the same building.
/// </summary>
internal sealed class Router
{
    private readonly int[][][] _candidates;   // [service type id - 1][district id - 1] -> organisation ids
    private readonly short[][] _departments;  // [service type id - 1][district id - 1]

    public Router(ReferenceData reference)
    {
        var types = reference.ServiceTypes;
        _candidates = new int[types.Count][][];
        _departments = new short[types.Count][];
        foreach (var type in types)
        {
            _candidates[type.Id - 1] = new int[CityStructure.Districts.Count][];
            _departments[type.Id - 1] = new short[CityStructure.Districts.Count];
            foreach (var district in CityStructure.Districts)
            {
                var department = type.ForDistrictAkimat ? reference.DistrictAkimat(district.Id).Id : type.DepartmentId;
                var ofDepartment = reference.Organisations
                    .Where(o => o.DepartmentId == department && (o.DistrictId is null || o.DistrictId == district.Id))
                    .ToArray();
                var ofKind = ofDepartment.Where(o => type.OrganisationKinds.Contains(o.Kind)).ToArray();
                var chosen = ofKind.Length > 0 ? ofKind : ofDepartment;
                if (chosen.Length == 0)
                {
                    throw new InvalidOperationException($"No organisation can take '{type.Code}' in district {district.Code}.");
                }
                _candidates[type.Id - 1][district.Id - 1] = chosen.Select(o => o.Id).ToArray();
                _departments[type.Id - 1][district.Id - 1] = department;
            }
        }
    }

    public (short DepartmentId, int OrganisationId) Route(ServiceType type, Location place)
    {
        var candidates = _candidates[type.Id - 1][place.DistrictId - 1];
        var building = Rng.Hash((ulong)place.Street, (ulong)place.House);
        return (_departments[type.Id - 1][place.DistrictId - 1], candidates[(int)(building % (ulong)candidates.Length)]);
    }
}
