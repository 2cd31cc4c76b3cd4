using System.Globalization;
using System.Text.RegularExpressions;
using IKomek.Dashboard.Platform.Localization;
namespace IKomek.Dashboard.Tests.Platform.Localization;

public sealed partial class TextsTests
{
    [Fact]
    public void EveryText_HasAllThreeLanguages()
    {
        foreach (var key in Texts.Keys)
        {
            var t = Texts.Get(key);
            Assert.False(string.IsNullOrWhiteSpace(t.Ru), key + " ru");
            Assert.False(string.IsNullOrWhiteSpace(t.Kk), key + " kk");
            Assert.False(string.IsNullOrWhiteSpace(t.En), key + " en");
        }
    }

    [Fact]
    public void EveryKeyUsedInTheCode_Exists()
    {
        var src = Path.Combine(RepoRoot(), "src", "iKomek.Dashboard");
        var used = Directory.EnumerateFiles(src, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal))
            .SelectMany(f => KeyUse().Matches(File.ReadAllText(f)).Select(m => m.Groups["key"].Value))
            .Distinct()
            .ToList();

        Assert.NotEmpty(used);
        // A key ending in '.' is a prefix completed at run time (T["live.level." + level]): some key must start with it.
        var missing = used.Where(k => k.EndsWith('.') ? !Texts.Keys.Any(t => t.StartsWith(k, StringComparison.Ordinal)) : !Texts.Keys.Contains(k)).ToList();
        Assert.True(missing.Count == 0, "Missing texts: " + string.Join(", ", missing));
    }

    [Theory]
    [InlineData("ru", "Обращения")]
    [InlineData("kk", "Өтініштер")]
    [InlineData("en", "Appeals")]
    [InlineData("de", "Обращения")]
    public void Indexer_PicksTheCurrentUiLanguage_RussianByDefault(string culture, string expected)
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo(culture);
            Assert.Equal(expected, new Texts()["nav.appeals"]);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    [Fact]
    public void MissingKey_ShowsItselfInBrackets() => Assert.Equal("[no.such.key]", new Texts()["no.such.key"]);

    [GeneratedRegex("""T(?:\.Format)?[\[(]"(?<key>[a-z]+\.[A-Za-z0-9.]+)"[\])]?""")]
    private static partial Regex KeyUse();

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "iKomek.Dashboard.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("repository root");
    }
}
