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
    string Description);

/// <summary>What the explorer is filtered by; nulls mean "any".</summary>
public sealed record AppealFilter(
    DateTime? FromUtc = null,
    DateTime? ToUtc = null,
    int? DistrictId = null,
    int? AreaId = null,
    int? ChannelId = null,
    string? Status = null,
    string? Text = null);

/// <summary>A page of appeals and the size of the filtered set, capped at <see cref="AppealsQueries.CountCap"/> + 1.</summary>
public sealed record AppealPage(IReadOnlyList<AppealRow> Rows, long Total);
