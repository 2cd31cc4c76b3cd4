using IKomek.Dashboard.Platform.Audit;

namespace IKomek.Dashboard.Features.Intake;

/// <summary>An appeal as it arrives, already validated at the edge (API, import, simulator).</summary>
/// <param name="Critical">Critical whatever its type says (people trapped in an elevator).</param>
/// <param name="SubmittedBy">Who handed it in (an API client, the simulator); anonymous when nobody said.</param>
public sealed record NewAppeal(
    string Description,
    int? ServiceTypeId,
    int ChannelId,
    double? Lat = null,
    double? Lon = null,
    string? Address = null,
    int? AddressId = null,
    int? DistrictId = null,
    string? Language = null,
    string? MediaUrl = null,
    string? CitizenKey = null,
    int? ApiClientId = null,
    string? Token = null,
    string? AttributesJson = null,
    bool Critical = false,
    Actor? SubmittedBy = null);

/// <summary>What intake did with an appeal.</summary>
/// <param name="Replayed">True when the client's token was seen before: this is the first appeal, nothing new was stored.</param>
/// <param name="DuplicateOf">The first appeal about the same incident, when this one repeats it.</param>
public sealed record IntakeResult(long AppealId, string RegNumber, DateTime CreatedAt, DateTime SlaDueAt, bool Replayed, long? DuplicateOf);

/// <summary>An appeal intake refuses, with the field at fault and a message for the caller.</summary>
public sealed class IntakeRejectedException(string field, string message, bool notFound = false) : Exception(message)
{
    public string Field { get; } = field;

    /// <summary>The thing named does not exist (HTTP 404) rather than being malformed (HTTP 400).</summary>
    public bool NotFound { get; } = notFound;
}
