using IKomek.Dashboard.Platform.Privacy;

namespace IKomek.Dashboard.Features.Appeals;

/// <summary>Everything the appeal page shows.</summary>
public sealed record AppealDetail(
    long Id, string RegNumber, DateTime CreatedAt, int ChannelId, int ServiceTypeId, int AreaId, int DistrictId, int DepartmentId,
    string? OrganisationName, string Language, string Description, string? Address, double? Lat, double? Lon, string Status,
    bool IsCritical, bool FirstContactResolved, DateTime SlaDueAt, DateTime? ResolvedAt, DateTime? ClosedAt, int? Satisfaction,
    int ForwardCount, int ReopenedCount, long? DuplicateOf, string? DuplicateOfReg, string? MediaUrl)
{
    public IReadOnlyList<AppealEvent> Events { get; init; } = [];
    public IReadOnlyList<RelatedAppeal> Duplicates { get; init; } = [];

    /// <summary>The appeal as a reader without <c>CityAction.SeePersonalData</c> reads it: text, notes and addresses redacted.</summary>
    public AppealDetail Redacted() => this with
    {
        Description = PersonalData.Redact(Description)!,
        Address = PersonalData.RedactAddress(Address),
        Events = Events.Select(e => e with { Note = PersonalData.Redact(e.Note) }).ToList(),
        Duplicates = Duplicates.Select(d => d with { Address = PersonalData.RedactAddress(d.Address) }).ToList(),
    };

    /// <summary>Share of the SLA used up by <paramref name="nowUtc"/> (1 = the deadline); null once resolved.</summary>
    public double? SlaUsed(DateTime nowUtc) => ResolvedAt is not null ? null
        : (nowUtc - CreatedAt).TotalSeconds / Math.Max(1, (SlaDueAt - CreatedAt).TotalSeconds);
}

/// <summary>One status event, who made it (a login, <c>system:&lt;job&gt;</c>, <c>api:&lt;client&gt;</c>, <c>anonymous</c>;
/// null on events older than the column) and how long the appeal stayed with its holder until the next one.</summary>
public sealed record AppealEvent(DateTime At, string Status, string? OrganisationName, string? DepartmentName, string? Note, string? Actor = null)
{
    public TimeSpan? Held { get; init; }
}

/// <summary>Another report of the same incident.</summary>
public sealed record RelatedAppeal(string RegNumber, DateTime CreatedAt, string Status, string? Address, int ChannelId);
