using System.Text.RegularExpressions;
using IKomek.Dashboard.Platform.City;

namespace IKomek.Dashboard.Features.Projects.Editing;

/// <summary>One refusal of an edit: the field at fault (as the form and the CSV name it), a text key under
/// <c>editing.error.</c> and its arguments.</summary>
public sealed record EditError(string Field, string Code, params object[] Args);

/// <summary>A project as the form and the CSV import fill it in; <see cref="Id"/> is null for a new project.</summary>
public sealed class ProjectDraft
{
    public int? Id { get; set; }
    public string Code { get; set; } = "";
    public string NameRu { get; set; } = "";
    public string NameKk { get; set; } = "";
    public string NameEn { get; set; } = "";
    public string Group { get; set; } = "";
    public int? DepartmentId { get; set; }
    public int? DeputyId { get; set; }
    public int? DistrictId { get; set; }
    public string ProjectHead { get; set; } = "";
    public string Scope { get; set; } = "";
    public double? Lat { get; set; }
    public double? Lon { get; set; }
    public DateTime? StartDate { get; set; }
    public DateTime? PlannedEndDate { get; set; }
    public decimal? BudgetKzt { get; set; }
    public decimal? SpentKzt { get; set; }
    public decimal? ProgressPct { get; set; }
    public string Status { get; set; } = "planned";
    public decimal? AreaHa { get; set; }
    public int? Storeys { get; set; }
    public decimal? Capacity { get; set; }
    public string? CapacityUnit { get; set; }
    public bool IsPublic { get; set; }

    /// <summary>Why the current start, end or budget changes (needed for an existing project's plan change).</summary>
    public string? PlanChangeReason { get; set; }

    public ProjectDraft Copy() => (ProjectDraft)MemberwiseClone();
}

/// <summary>The departments, deputies and districts a project may name (ids and codes), read with the save.</summary>
public sealed record EditingLists(
    IReadOnlyList<ListItem> Departments, IReadOnlyList<ListItem> Deputies, IReadOnlyList<ListItem> Districts);

/// <summary>An entry of a choice list: its id, code and name in three languages.</summary>
public sealed record ListItem(int Id, string Code, string NameRu, string NameKk, string NameEn);

/// <summary>The rules a project must keep, checked before anything is written (the database's checks are the backstop).</summary>
public static partial class ProjectRules
{
    public static readonly string[] Groups = ["roads", "construction", "engineering", "improvement", "social"];
    public static readonly string[] Statuses = ["planned", "active", "delayed", "completed", "archived"];
    public static readonly string[] CapacityUnits = ["places", "beds", "visits_per_shift", "km", "gcal_h", "m3_day", "mva", "m2", "flats", "ha", "units"];
    public const int MaxText = 500;

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{1,39}$")]
    private static partial Regex CodePattern();

    public static List<EditError> Check(ProjectDraft d, EditingLists lists)
    {
        var errors = new List<EditError>();
        void Fail(string field, string code, params object[] args) => errors.Add(new EditError(field, code, args));

        if (string.IsNullOrWhiteSpace(d.Code)) Fail("code", "required");
        else if (!CodePattern().IsMatch(d.Code.Trim())) Fail("code", "codeFormat", d.Code.Trim());
        foreach (var (field, value) in new[] { ("name_ru", d.NameRu), ("name_kk", d.NameKk), ("name_en", d.NameEn), ("project_head", d.ProjectHead) })
        {
            if (string.IsNullOrWhiteSpace(value)) Fail(field, "required");
            else if (value.Length > MaxText) Fail(field, "tooLong", MaxText);
        }
        if (d.Scope.Length > 4 * MaxText) Fail("scope", "tooLong", 4 * MaxText);
        if (!Groups.Contains(d.Group)) Fail("group", "unknownGroup", d.Group);
        if (!Statuses.Contains(d.Status)) Fail("status", "unknownStatus", d.Status);
        if (d.DepartmentId is not { } department) Fail("department", "required");
        else if (lists.Departments.All(x => x.Id != department)) Fail("department", "unknownDepartment", department);
        if (d.DeputyId is not { } deputy) Fail("deputy", "required");
        else if (lists.Deputies.All(x => x.Id != deputy)) Fail("deputy", "unknownDeputy", deputy);
        if (d.DistrictId is { } district && lists.Districts.All(x => x.Id != district)) Fail("district", "unknownDistrict", district);

        if (d.Lat is null != d.Lon is null) Fail(d.Lat is null ? "lat" : "lon", "pointHalf");
        else if (d.Lat is { } lat && d.Lon is { } lon && !CityGeography.IsInCity(lat, lon))
            Fail("lat", "pointOutside", CityGeography.Bounds.South, CityGeography.Bounds.North, CityGeography.Bounds.West, CityGeography.Bounds.East);

        if (d.StartDate is null) Fail("start_date", "required");
        if (d.PlannedEndDate is null) Fail("planned_end_date", "required");
        if (d.StartDate is { } start && d.PlannedEndDate is { } end && end < start) Fail("planned_end_date", "endBeforeStart", end, start);

        if (d.BudgetKzt is not { } budget) Fail("budget_kzt", "required");
        else if (budget < 0) Fail("budget_kzt", "negative", budget);
        else if (budget >= 1e16m) Fail("budget_kzt", "tooBig", budget);
        if (d.SpentKzt is < 0) Fail("spent_kzt", "negative", d.SpentKzt);
        else if (d.SpentKzt >= 1e16m) Fail("spent_kzt", "tooBig", d.SpentKzt);
        if (d.ProgressPct is { } pct and (< 0 or > 100)) Fail("progress_pct", "percent", pct);

        if (d.AreaHa is < 0) Fail("area_ha", "negative", d.AreaHa);
        else if (d.AreaHa >= 1e8m) Fail("area_ha", "tooBig", d.AreaHa);
        if (d.Storeys is < 1 or > 200) Fail("storeys", "storeys", d.Storeys);
        if (d.Capacity is < 0) Fail("capacity", "negative", d.Capacity);
        else if (d.Capacity >= 1e12m) Fail("capacity", "tooBig", d.Capacity);
        if (d.Capacity is null != string.IsNullOrEmpty(d.CapacityUnit)) Fail("capacity_unit", "capacityHalf");
        else if (!string.IsNullOrEmpty(d.CapacityUnit) && !CapacityUnits.Contains(d.CapacityUnit)) Fail("capacity_unit", "unknownUnit", d.CapacityUnit);
        return errors;
    }
}
