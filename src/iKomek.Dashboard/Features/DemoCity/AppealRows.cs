namespace IKomek.Dashboard.Features.DemoCity;

/// <summary>One row of <c>appeals</c>, in column order.</summary>
internal sealed class AppealRow
{
    public long Id { get; set; }
    public required string RegNumber { get; set; }
    public DateTime CreatedAt { get; set; }
    public short ChannelId { get; set; }
    public int ServiceTypeId { get; set; }
    public short AreaId { get; set; }
    public short DistrictId { get; set; }
    public int? OrganisationId { get; set; }
    public short DepartmentId { get; set; }
    public long CitizenId { get; set; }
    public required string Language { get; set; }
    public required string Description { get; set; }
    /// <summary>The phrasing the description's topic came from (<see cref="TextGenerator.Phrasing"/>); not stored.</summary>
    public string Phrasing { get; set; } = "";
    public string? Address { get; set; }
    public double? Lat { get; set; }
    public double? Lon { get; set; }
    public required string Status { get; set; }
    public bool IsCritical { get; set; }
    public bool FirstContactResolved { get; set; }
    public DateTime SlaDueAt { get; set; }
    public DateTime? ResolvedAt { get; set; }
    public DateTime? ClosedAt { get; set; }
    public short? Satisfaction { get; set; }
    public short ForwardCount { get; set; }
    public short ReopenedCount { get; set; }
    public long? DuplicateOf { get; set; }
}

/// <summary>One row of <c>appeal_events</c>.</summary>
internal readonly record struct AppealEventRow(long Id, long AppealId, DateTime At, string Status, int? OrganisationId, short? DepartmentId, string? Note);

/// <summary>A day of the city: its appeals in order of creation and their histories.</summary>
internal sealed record AppealDay(DateOnly Date, List<AppealRow> Appeals, List<AppealEventRow> Events);

/// <summary>Statuses of an appeal (the schema's check constraint).</summary>
internal static class AppealStatus
{
    public const string Registered = "registered";
    public const string Assigned = "assigned";
    public const string Forwarded = "forwarded";
    public const string InProgress = "in_progress";
    public const string WaitingCitizen = "waiting_citizen";
    public const string Resolved = "resolved";
    public const string Closed = "closed";
    public const string Reopened = "reopened";
}
