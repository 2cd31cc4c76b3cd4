namespace IKomek.Dashboard.Features.Social.Intake;

/// <summary>A post as a monitoring service sent it, checked: the item of the API, a row of the CSV import.</summary>
public sealed record SocialPostDraft(
    string Network, string ExternalId, string Author, DateTimeOffset PostedAt, string Text, string? Url,
    string? Place, double? Lat, double? Lon, int Reactions, int Reposts);

/// <summary>Why an item was refused: its index in the batch, the field, a stable code and the words for a person.</summary>
public sealed record SocialItemError(int Index, string Field, string Code, string Description);

/// <summary>What a batch did: posts added, posts already known whose reactions and reposts were brought up to date, the
/// links the new posts found, and the refused items.</summary>
public sealed record SocialIntakeResult(int Added, int Updated, int Linked, IReadOnlyList<SocialItemError> Rejected)
{
    public int Stored => Added + Updated;
}
