using System.Globalization;
using System.Text.Json;
using IKomek.Dashboard.Platform.City;

namespace IKomek.Dashboard.Features.Social.Intake;

/// <summary>
/// Checks one item of a batch: <c>network</c>, <c>external_id</c>, <c>author</c>, <c>posted_at</c> (a time with its
/// offset), <c>text</c> required; <c>url</c>, <c>place</c>, <c>lat</c> and <c>lon</c> (both, inside the city),
/// <c>reactions</c> and <c>reposts</c> (whole numbers, not negative) optional. Every problem of the item is reported,
/// not only the first.
/// </summary>
public sealed class SocialItemValidator(DateTimeOffset now)
{
    public static readonly IReadOnlyList<string> Networks = ["instagram", "facebook", "telegram", "vk", "x", "tiktok", "youtube", "threads"];

    /// <summary>A network's name as the network writes it (the keys are lower case for matching).</summary>
    public static string DisplayName(string network) => network switch
    {
        "vk" => "VK", "x" => "X", "tiktok" => "TikTok", "youtube" => "YouTube",
        _ => network.Length == 0 ? network : char.ToUpperInvariant(network[0]) + network[1..],
    };
    public const int MaxText = 4000;
    private static readonly DateTimeOffset Earliest = new(2010, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A post may be stamped a little ahead of the panel's clock (the service's clock drifts), not more.</summary>
    private static readonly TimeSpan FutureSlack = TimeSpan.FromMinutes(10);

    public SocialPostDraft? Validate(int index, JsonElement item, List<SocialItemError> errors)
    {
        var before = errors.Count;
        void Fail(string field, string code, string description) => errors.Add(new SocialItemError(index, field, code, description));
        if (item.ValueKind != JsonValueKind.Object)
        {
            Fail("", "not_object", $"item {index} is not a JSON object");
            return null;
        }

        var network = Text(item, "network", index, errors, required: true, max: 40)?.ToLowerInvariant();
        if (network is not null && !Networks.Contains(network))
            Fail("network", "unknown_network", $"network '{network}' is not one of {string.Join(", ", Networks)}");
        var externalId = Text(item, "external_id", index, errors, required: true, max: 200);
        var author = Text(item, "author", index, errors, required: true, max: 200);
        var body = Text(item, "text", index, errors, required: true, max: MaxText);
        var url = Text(item, "url", index, errors, required: false, max: 2000);
        if (url is not null && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            Fail("url", "invalid_url", "url must be an absolute http(s) address");
        var place = Text(item, "place", index, errors, required: false, max: 300);

        DateTimeOffset postedAt = default;
        var postedText = Text(item, "posted_at", index, errors, required: true, max: 40);
        if (postedText is not null)
        {
            if (!DateTimeOffset.TryParse(postedText, CultureInfo.InvariantCulture, DateTimeStyles.None, out postedAt) || !HasOffset(postedText))
                Fail("posted_at", "invalid_time", "posted_at must be a time with its offset, e.g. 2026-03-31T10:00:00+05:00");
            else if (postedAt > now + FutureSlack)
                Fail("posted_at", "future_time", $"posted_at {postedText} is in the future");
            else if (postedAt < Earliest)
                Fail("posted_at", "too_old", "posted_at is before 2010");
        }

        var lat = Number(item, "lat", index, errors);
        var lon = Number(item, "lon", index, errors);
        if (lat.HasValue != lon.HasValue)
            Fail(lat.HasValue ? "lon" : "lat", "half_point", "lat and lon come together: give both or neither");
        else if (lat is { } la && lon is { } lo && !CityGeography.IsInCity(la, lo))
            Fail("lat", "outside_city", $"the point {la.ToString(CultureInfo.InvariantCulture)}, {lo.ToString(CultureInfo.InvariantCulture)} is outside the city's bounds");

        var reactions = Count(item, "reactions", index, errors);
        var reposts = Count(item, "reposts", index, errors);

        return errors.Count > before
            ? null
            : new SocialPostDraft(network!, externalId!, author!, postedAt, body!, url, place, lat, lon, reactions, reposts);
    }

    private static bool HasOffset(string text) =>
        text.EndsWith('Z') || text.EndsWith('z') || text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':';

    private static string? Text(JsonElement item, string field, int index, List<SocialItemError> errors, bool required, int max)
    {
        if (!item.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required) errors.Add(new SocialItemError(index, field, "required", $"{field} is required"));
            return null;
        }
        if (value.ValueKind != JsonValueKind.String)
        {
            errors.Add(new SocialItemError(index, field, "not_text", $"{field} must be a string"));
            return null;
        }
        var text = value.GetString()!.Trim();
        if (text.Length == 0)
        {
            if (required) errors.Add(new SocialItemError(index, field, "required", $"{field} is empty"));
            return null;
        }
        if (text.Length > max)
        {
            errors.Add(new SocialItemError(index, field, "too_long", $"{field} is {text.Length} characters; at most {max}"));
            return null;
        }
        return text;
    }

    private static double? Number(JsonElement item, string field, int index, List<SocialItemError> errors)
    {
        if (!item.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var d) && double.IsFinite(d)) return d;
        errors.Add(new SocialItemError(index, field, "not_number", $"{field} must be a number"));
        return null;
    }

    private static int Count(JsonElement item, string field, int index, List<SocialItemError> errors)
    {
        if (!item.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null) return 0;
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n) && n >= 0) return n;
        errors.Add(new SocialItemError(index, field, "not_count", $"{field} must be a whole number, 0 or more"));
        return 0;
    }
}
