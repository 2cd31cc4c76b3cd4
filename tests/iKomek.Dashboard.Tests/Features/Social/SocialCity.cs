using System.Text.Json;
using Dapper;
using IKomek.Dashboard.Features.Classification;
using IKomek.Dashboard.Features.Social.Intake;
using IKomek.Dashboard.Platform.City;
using IKomek.Dashboard.Tests.Infrastructure;

namespace IKomek.Dashboard.Tests.Features.Social;

/// <summary>A topic model that files a text by the first of its words found in it (the trained model needs minutes).</summary>
internal sealed class WordClassifier(IReadOnlyDictionary<string, int> words) : IAppealClassifier
{
    public IKomek.Dashboard.Features.Classification.Classification Classify(string text, int? givenServiceTypeId) =>
        words.FirstOrDefault(w => text.Contains(w.Key, StringComparison.OrdinalIgnoreCase)) is { Key: not null } hit
            ? new IKomek.Dashboard.Features.Classification.Classification(hit.Value, 0.9, "test-model")
            : new IKomek.Dashboard.Features.Classification.Classification(null, 0.1, "test-model");
}

/// <summary>The posts' intake wired as the app wires it, on a demo city's database, with a word classifier.</summary>
internal static class SocialCity
{
    public static async Task<int> TypeIdAsync(DemoCityDatabase city, string code)
    {
        await using var conn = await city.DataSource.OpenConnectionAsync();
        return await conn.ExecuteScalarAsync<int>("SELECT id FROM service_types WHERE code = @code", new { code });
    }

    public static SocialIntake Intake(DemoCityDatabase city, IReadOnlyDictionary<string, int> words) =>
        new(new WordClassifier(words), new SocialPlacer(city.DataSource, new CityReference(city.DataSource, city.Clock), city.Clock),
            new SocialWriter(city.DataSource, city.Clock), new CityReference(city.DataSource, city.Clock), SocialIntakeOptions.Default, city.Clock);

    /// <summary>An API item; <paramref name="extra"/> adds or overrides fields (null removes one).</summary>
    public static JsonElement Item(string externalId, string text, Dictionary<string, object?>? extra = null)
    {
        var item = new Dictionary<string, object?>
        {
            ["network"] = "instagram", ["external_id"] = externalId, ["author"] = "@resident_" + externalId,
            ["posted_at"] = TestClock.Now.AddDays(-1).ToString("yyyy-MM-ddTHH:mm:sszzz"), ["text"] = text,
            ["url"] = "https://instagram.com/p/" + externalId, ["reactions"] = 120, ["reposts"] = 8,
        };
        foreach (var (k, v) in extra ?? []) item[k] = v;
        return JsonSerializer.SerializeToElement(item.Where(kv => kv.Value is not null).ToDictionary());
    }
}
