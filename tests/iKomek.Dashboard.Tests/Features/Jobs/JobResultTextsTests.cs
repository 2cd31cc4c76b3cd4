using System.Globalization;
using System.Text.RegularExpressions;
using IKomek.Dashboard.Features.Jobs;
using IKomek.Dashboard.Platform.Localization;
using IKomek.Dashboard.Platform.Jobs;
namespace IKomek.Dashboard.Tests.Features.Jobs;

/// <summary>
/// Every result a job returns is shown in the reader's language: its text exists in the three languages and takes the
/// numbers the job gives it; Russian pages get no English words or units.
/// </summary>
public sealed partial class JobResultTextsTests
{
    [Fact]
    public void EveryResultAJobReturns_Exists_AndFormatsItsNumbers_InEveryLanguage()
    {
        var src = Path.Combine(RepoRoot(), "src", "iKomek.Dashboard");
        var used = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal))
            .SelectMany(f => ResultKey().Matches(File.ReadAllText(f)).Select(m => m.Groups["key"].Value))
            .Distinct()
            .ToList();
        Assert.True(used.Count >= 5, $"{used.Count} job results found");
        Assert.All(used, key => Assert.Contains(key, Texts.Keys));

        foreach (var key in Texts.Keys.Where(k => k.StartsWith("jobs.result.", StringComparison.Ordinal)))
        {
            var t = Texts.Get(key);
            // The same numbers in every language: the highest placeholder says how many the job gives.
            var count = new[] { t.Ru, t.Kk, t.En }.Select(x => Placeholder().Matches(x).Max(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)) + 1).Distinct().Single();
            var args = Enumerable.Range(1, count).Select(i => (object?)(i * 1000.5)).ToArray();
            foreach (var language in new[] { "ru", "kk", "en" })
            {
                var text = Format(language, key, args);
                if (language != "en") Assert.False(Latin().IsMatch(text), $"{key} ({language}): {text}");
            }
        }
    }

    [Theory]
    [InlineData("ru", "2,5 с")]
    [InlineData("kk", "2,5 с")]
    [InlineData("en", "2,5 s")]
    public void Seconds_AreWrittenInTheReadersLanguage(string language, string expected) =>
        Assert.Equal(expected, Format(language, "jobs.seconds", 2.5));

    [Fact]
    public void AResult_RoundTripsThroughTheRunHistory()
    {
        var run = new JobRun(1, "sla-sweep", "node", false, default, null, "succeeded",
            System.Text.Json.JsonSerializer.Serialize(new JobResult("jobs.result.slaSweep", 3, 4)), null);
        Assert.Equal(new[] { 3.0, 4.0 }, run.Result!.Numbers);
        Assert.Equal("jobs.result.slaSweep", run.Result.Text);
        // A row from before results were data keeps its text.
        Assert.Null(new JobRun(2, "sla-sweep", "node", false, default, null, "succeeded", "warning 3, overdue 4", null).Result);
    }

    private static string Format(string language, string key, params object?[] args)
    {
        var (ui, format) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo(language);
            CultureInfo.CurrentCulture = new CultureInfo("ru-KZ");
            return new Texts().Format(key, args);
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, format);
        }
    }

    [GeneratedRegex("""
"(?<key>jobs\.result\.[A-Za-z]+)"
""")]
    private static partial Regex ResultKey();

    [GeneratedRegex(@"\{(\d+)")]
    private static partial Regex Placeholder();

    [GeneratedRegex("[A-Za-z]{2,}")]
    private static partial Regex Latin();

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "iKomek.Dashboard.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("repository root");
    }
}
