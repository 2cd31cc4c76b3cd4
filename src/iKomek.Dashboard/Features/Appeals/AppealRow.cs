using IKomek.Dashboard.Platform.Privacy;

namespace IKomek.Dashboard.Features.Appeals;

/// <summary>One line of the appeals grid; names come from the in-memory reference data.</summary>
public sealed record AppealRow(
    long Id,
    string RegNumber,
    DateTime CreatedAt,
    int ChannelId,
    int ServiceTypeId,
    int AreaId,
    int DistrictId,
    int DepartmentId,
    string Status,
    bool IsCritical,
    bool FirstContactResolved,
    DateTime SlaDueAt,
    DateTime? ResolvedAt,
    string? Address,
    string Description)
{
    /// <summary>The row as a reader without <c>CityAction.SeePersonalData</c> reads it.</summary>
    public AppealRow Redacted() => this with { Address = PersonalData.RedactAddress(Address), Description = PersonalData.Redact(Description)! };
}

/// <summary>What the explorer is filtered by; nulls mean "any".</summary>
/// <param name="Overdue">True: open appeals past their deadline only.</param>
/// <param name="Status">A status code, or <c>open</c> for every status before resolved.</param>
/// <param name="Duplicates">True: repeat reports only; false: first reports only.</param>
/// <param name="Critical">True: critical appeals only (life support, safety).</param>
/// <param name="SupervisedBy">A deputy akim's id: the areas that deputy supervises only (v_access_deputy_areas).</param>
public sealed record AppealFilter(
    DateTime? FromUtc = null,
    DateTime? ToUtc = null,
    int? DistrictId = null,
    int? AreaId = null,
    int? ChannelId = null,
    string? Status = null,
    string? Text = null,
    int? ServiceTypeId = null,
    int? DepartmentId = null,
    int? OrganisationId = null,
    bool? Overdue = null,
    bool? Duplicates = null,
    bool? Critical = null,
    int? SupervisedBy = null)
{
    /// <summary>The filter as query-string arguments (the CSV export link carries the explorer's filter).</summary>
    public string ToQueryString()
    {
        var parts = new List<string>();
        void Add(string name, object? value) { if (value is not null) parts.Add($"{name}={Uri.EscapeDataString(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!)}"); }
        Add("from", FromUtc?.ToString("O")); Add("to", ToUtc?.ToString("O")); Add("district", DistrictId); Add("area", AreaId); Add("channel", ChannelId);
        Add("status", Status); Add("text", Text); Add("type", ServiceTypeId); Add("department", DepartmentId); Add("organisation", OrganisationId);
        Add("overdue", Overdue); Add("duplicates", Duplicates); Add("critical", Critical); Add("deputy", SupervisedBy);
        return string.Join('&', parts);
    }

    public static AppealFilter FromQuery(IQueryCollection q)
    {
        static int? Int(string? v) => int.TryParse(v, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var i) ? i : null;
        static bool? Bool(string? v) => bool.TryParse(v, out var b) ? b : null;
        static DateTime? Date(string? v) => DateTime.TryParse(v, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal, out var d) ? d : null;
        return new AppealFilter(Date(q["from"]), Date(q["to"]), Int(q["district"]), Int(q["area"]), Int(q["channel"]),
            string.IsNullOrEmpty(q["status"]) ? null : q["status"].ToString(), string.IsNullOrEmpty(q["text"]) ? null : q["text"].ToString(),
            Int(q["type"]), Int(q["department"]), Int(q["organisation"]), Bool(q["overdue"]), Bool(q["duplicates"]), Bool(q["critical"]), Int(q["deputy"]));
    }
}

/// <summary>A page of appeals and the size of the filtered set, capped at <see cref="AppealsQueries.CountCap"/> + 1.</summary>
public sealed record AppealPage(IReadOnlyList<AppealRow> Rows, long Total);

/// <summary>Where keyset paging seeks from: the last row of the page before (or the first row of the page after).</summary>
public sealed record PageCursor(AppealRow Row, bool Before);

/// <summary>One line of the explorer's CSV export: codes rather than names, so the file can be imported back.</summary>
public sealed record AppealExportRow(
    string RegNumber, DateTime CreatedAt, string Channel, string ServiceCode, string Area, string District, string Department,
    string? Organisation, string Status, DateTime SlaDueAt, DateTime? ResolvedAt, DateTime? ClosedAt, string? Address, double? Lat,
    double? Lon, string Language, string Description)
{
    public AppealExportRow Redacted() => this with { Address = PersonalData.RedactAddress(Address), Description = PersonalData.Redact(Description)! };
}
