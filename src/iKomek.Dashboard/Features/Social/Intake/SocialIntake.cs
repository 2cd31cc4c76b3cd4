using System.Text.Json;
using IKomek.Dashboard.Features.Classification;
using IKomek.Dashboard.Platform.Audit;
using IKomek.Dashboard.Platform.City;

namespace IKomek.Dashboard.Features.Social.Intake;

/// <summary>The settings of the posts' intake (section <see cref="Section"/>).</summary>
public sealed class SocialIntakeOptions
{
    public const string Section = "City:Social:Intake";

    public static readonly SocialIntakeOptions Default = new();

    /// <summary>Most posts in one request or one CSV import's batch.</summary>
    public int MaxBatch { get; set; } = 5_000;

    /// <summary>Most bytes of one request's body.</summary>
    public int MaxBodyBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>Requests one key may make in a sliding minute, over all app nodes.</summary>
    public int PerKeyPerMinute { get; set; } = 120;

    /// <summary>Below this confidence the model's topic is not kept: the post stays unfiled rather than misfiled.</summary>
    public double MinConfidence { get; set; } = 0.35;
}

/// <summary>
/// The one way in for posts (the API, the CSV import, the demo city): each item checked, the valid ones filed under a
/// topic by the topic model (<see cref="IAppealClassifier"/>), placed (<see cref="SocialPlacer"/>), written and linked
/// in one transaction (<see cref="SocialWriter"/>); the refused ones reported, nothing half-stored.
/// </summary>
public sealed class SocialIntake(IAppealClassifier classifier, SocialPlacer placer, SocialWriter writer, CityReference reference,
    SocialIntakeOptions options, TimeProvider time)
{
    public async Task<SocialIntakeResult> SubmitAsync(IReadOnlyList<JsonElement> items, Actor by, CancellationToken ct = default)
    {
        var validator = new SocialItemValidator(time.GetUtcNow());
        var errors = new List<SocialItemError>();
        var valid = new List<SocialPostDraft>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            if (validator.Validate(i, items[i], errors) is { } draft) valid.Add(draft);
        }
        return await SubmitAsync(valid, errors, by, ct);
    }

    public async Task<SocialIntakeResult> SubmitAsync(IReadOnlyList<SocialPostDraft> posts, List<SocialItemError> errors, Actor by, CancellationToken ct = default)
    {
        var city = await reference.GetAsync(ct);
        var places = await placer.PlaceAsync(posts, ct);
        var rows = posts.Select((p, i) =>
        {
            var topic = classifier.Classify(p.Text, null);
            var type = topic.ServiceTypeId is { } id && topic.Confidence >= options.MinConfidence && city.ServiceTypes.TryGetValue(id, out var t) ? t : null;
            return new SocialPostRow(p, LanguageDetector.Detect(p.Text), type?.Id, type?.AreaId,
                type is null ? null : topic.Confidence, type is null ? null : topic.Source, places[i]);
        }).ToList();
        var (added, updated, linked, _) = await writer.WriteAsync(rows, by, ct);
        return new SocialIntakeResult(added, updated, linked, errors);
    }
}
