using IKomek.Dashboard.Features.Classification;

namespace IKomek.Dashboard.Tests.Features.Classification;

public sealed class FeatureHasherTests
{
    private static List<(int Bucket, int Count)> Features(string text, FeatureHasher? hasher = null)
    {
        var features = new List<(int, int)>();
        (hasher ?? new FeatureHasher()).Extract(TextNormalizer.Normalize(text), features, out _);
        return features;
    }

    [Fact]
    public void Extract_SameText_SameBucketsAcrossInstances()
    {
        const string text = "Нет отопления в квартире уже 3 дня. Пәтерде жылу жоқ.";
        Assert.Equal(Features(text), Features(text));
        var reused = new FeatureHasher();
        Features("совсем другой текст", reused);
        Assert.Equal(Features(text), Features(text, reused));
    }

    private static readonly int[] PinnedBuckets = [30595, 118645, 142676];

    [Fact]
    public void Extract_PinnedBuckets_DoNotDependOnTheProcess()
    {
        // string.GetHashCode is randomised per process; the model's buckets must not be, or a stored model breaks.
        var features = Features("лифт");
        // The unigram, and " лифт " gives 4 trigrams, 3 four-grams and 2 five-grams.
        Assert.Equal(1 + 4 + 3 + 2, features.Sum(f => f.Count));
        Assert.Equal(PinnedBuckets, features.Take(3).Select(f => f.Bucket).ToArray());
        Assert.Equal(features, Features("ЛИФТ!"));
    }

    [Fact]
    public void Extract_Counts_WordsAndSortsBuckets()
    {
        var features = new List<(int Bucket, int Count)>();
        var words = new List<int>();
        new FeatureHasher().Extract(TextNormalizer.Normalize("лифт лифт сломан, тел. +7 701 123 45 67"), features, out var count, words);
        Assert.Equal(4, count);   // лифт, лифт, сломан, тел: the phone placeholder is not a word
        Assert.Equal(4, words.Count);
        Assert.Equal(features.Select(f => f.Bucket).Order(), features.Select(f => f.Bucket));
        Assert.Equal(features.Count, features.Select(f => f.Bucket).Distinct().Count());
    }

    [Fact]
    public void Extract_Typo_SharesMostCharacterNGrams()
    {
        var right = Features("отопление").Select(f => f.Bucket).ToHashSet();
        var typo = Features("отоплеине").Select(f => f.Bucket).ToHashSet();
        var other = Features("мусорка").Select(f => f.Bucket).ToHashSet();
        Assert.True(right.Intersect(typo).Count() * 2 >= right.Count / 2, "a typo keeps a good share of the n-grams");
        Assert.Empty(right.Intersect(other));
    }

    [Fact]
    public void Extract_StopsAfterMaxWords()
    {
        var longText = string.Join(' ', Enumerable.Range(0, FeatureHasher.MaxWords * 2).Select(i => (char)('а' + i % 30)));
        var features = new List<(int, int)>();
        new FeatureHasher().Extract(TextNormalizer.Normalize(longText), features, out var words);
        Assert.Equal(FeatureHasher.MaxWords, words);
    }
}
