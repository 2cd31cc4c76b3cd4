namespace IKomek.Dashboard.Features.Digests;

/// <summary>The three digests a person may receive, as digest_subscriptions.period spells them.</summary>
public static class DigestKinds
{
    public const string Daily = "daily";
    public const string Weekly = "weekly";
    public const string Monthly = "monthly";
    public static readonly IReadOnlyList<string> All = [Daily, Weekly, Monthly];
}

/// <summary>
/// The Astana days a digest covers, <see cref="From"/> to <see cref="To"/> (exclusive): yesterday for the morning
/// digest, the last whole week (Monday to Sunday) for the weekly, the last whole month for the monthly. A digest sent on
/// the day it is due covers the same period however late in the day it runs, so <see cref="From"/> is the period's key
/// (digest_subscriptions.last_sent_for).
/// </summary>
public sealed record DigestPeriod(string Kind, DateOnly From, DateOnly To)
{
    public static DigestPeriod For(string kind, DateOnly today)
    {
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var firstOfMonth = new DateOnly(today.Year, today.Month, 1);
        return kind switch
        {
            DigestKinds.Daily => new(kind, today.AddDays(-1), today),
            DigestKinds.Weekly => new(kind, monday.AddDays(-7), monday),
            DigestKinds.Monthly => new(kind, firstOfMonth.AddMonths(-1), firstOfMonth),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "daily, weekly or monthly"),
        };
    }

    /// <summary>The period before, of the same length, to compare with.</summary>
    public DigestPeriod Previous => Kind == DigestKinds.Monthly
        ? new(Kind, From.AddMonths(-1), From)
        : new(Kind, From.AddDays(From.DayNumber - To.DayNumber), From);

    /// <summary>The month whose rating the digest shows: the one the period ends in.</summary>
    public DateOnly RatingMonth => new(To.AddDays(-1).Year, To.AddDays(-1).Month, 1);
}

/// <summary>Whose city a digest shows, decided on the server from the person's account: a department head the own
/// department, a deputy the supervised departments and areas of city life, everyone else the whole city.</summary>
public sealed record DigestScope(string Kind, int[]? Departments, int[]? Areas)
{
    public const string City = "city", Department = "department", Deputy = "deputy";
    public static readonly DigestScope WholeCity = new(City, null, null);
}

/// <summary>Appeals of a period: received, resolved (and of those on time), resolved at the first contact, critical.</summary>
public sealed record DigestFigures(long Received, long Resolved, long OnTime, long FirstContact, long Critical)
{
    public double? OnTimeShare => Resolved == 0 ? null : (double)OnTime / Resolved;
    public double? FirstContactShare => Received == 0 ? null : (double)FirstContact / Received;
}

/// <summary>A critical incident reported by residents: its first report, at building level, with the repeat reports.</summary>
public sealed record DigestCritical(string RegNumber, DateTime CreatedAt, int ServiceTypeId, int DistrictId, string? Address, long Reports);

/// <summary>A city system's critical alert opened in the period.</summary>
public sealed record DigestAlert(long Id, string SystemCode, string NameRu, string NameKk, string NameEn, DateTime OpenedAt, int? DistrictId);

/// <summary>A systemic problem with its appeals in the period and the period before.</summary>
public sealed record DigestProblem(long Id, string Title, int AreaId, int? DistrictId, bool IsEmerging, decimal Score, long InPeriod, long InPrevious);

/// <summary>A department's appeals of the period, its overdue now, and its head's rating of the month and the month before.</summary>
public sealed record DigestDepartment(int Id, long Received, long Resolved, long OnTime, long Overdue,
    decimal? Rating, decimal? RatingBefore, int? Rank, int? RankBefore);

/// <summary>Everything one digest shows: counts, places at building level and names of departments, never a resident.</summary>
public sealed record Digest(DigestPeriod Period, DigestScope Scope, DateTimeOffset MadeAt, DigestFigures Current,
    DigestFigures Before, long OverdueNow, IReadOnlyList<DigestCritical> Critical, IReadOnlyList<DigestAlert> Alerts,
    IReadOnlyList<DigestProblem> Emerging, IReadOnlyList<DigestProblem> TopProblems, IReadOnlyList<DigestDepartment> Departments);
