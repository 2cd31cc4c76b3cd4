using System.Globalization;
using IKomek.Dashboard.Features.SystemicProblems;
using IKomek.Dashboard.Platform.Localization;
using IKomek.Dashboard.Tests.Infrastructure;

namespace IKomek.Dashboard.Tests.Features.SystemicProblems;

/// <summary>The history's notes of merges, moves and splits read as sentences with links to the other problem.</summary>
public sealed class ProblemRelationsTests
{
    private readonly ProblemRelations _relations = new(new Texts());

    [Fact]
    public void SplitNotes_NameTheCountsAndLinkTheOtherProblem()
    {
        using var english = new English();
        var split = _relations.Note(new ProblemEvent(TestClock.UtcNow, "split", "mining", """{"problem" : 42, "appeals" : 10, "kept" : 15}"""));
        var from = _relations.Note(new ProblemEvent(TestClock.UtcNow, "split_from", "mining", """{"problem" : 7, "appeals" : 10, "kept" : 15}"""));

        Assert.Equal("""10 appeals went to problem <a href="problems/42" data-testid="problem-link">#42</a>, 15 stayed""", split?.Value);
        Assert.Equal("""10 appeals came from problem <a href="problems/7" data-testid="problem-link">#7</a>, 15 stayed there""", from?.Value);
    }

    [Fact]
    public void MergeAndMoveNotes_AreSentences_AndAnAnalystsTextIsEncoded()
    {
        using var english = new English();
        Assert.Equal("""into problem <a href="problems/5" data-testid="problem-link">#5</a>""",
            _relations.Note(new ProblemEvent(TestClock.UtcNow, "merged", "mining", "5"))?.Value);
        Assert.Equal("now: building; appeals taken along: 15",
            _relations.Note(new ProblemEvent(TestClock.UtcNow, "moved", "mining", """{"level" : 1, "appeals" : 15}"""))?.Value);
        Assert.Equal("a &lt;b&gt; riser", _relations.Note(new ProblemEvent(TestClock.UtcNow, "in_work", "analyst", "a <b> riser"))?.Value);
        Assert.Null(_relations.Note(new ProblemEvent(TestClock.UtcNow, "identified", "mining", null)));
    }

    [Theory]
    [InlineData("split", "not json <b>")]
    [InlineData("split", "{\"problem\": 4}")]
    [InlineData("moved", "[1, 2]")]
    public void MalformedMiningNote_IsShownAsWritten(string kind, string note)
    {
        Assert.Equal(System.Net.WebUtility.HtmlEncode(note), _relations.Note(new ProblemEvent(TestClock.UtcNow, kind, "mining", note))?.Value);
    }

    [Fact]
    public void AssignmentNote_NamesTheDepartmentInTheReadersLanguage_NotItsId()
    {
        var relations = new ProblemRelations(new Texts(), id => id == 1 ? "Управление энергетики" : null);

        Assert.Equal("Управление энергетики", relations.Note(new ProblemEvent(DateTime.UtcNow, "assigned", "Айжан", "department 1"))?.Value);
        Assert.Equal("Управление энергетики: стояк &lt;3&gt;",
            relations.Note(new ProblemEvent(DateTime.UtcNow, "assigned", "Айжан", "department 1: стояк <3>"))?.Value);
        // A department that is gone is still named as one, never as the stored "department 9".
        Assert.Equal("служба № 9", relations.Note(new ProblemEvent(DateTime.UtcNow, "assigned", "Айжан", "department 9"))?.Value);
        // Only an assignment's note is read this way.
        Assert.Equal("department 1", relations.Note(new ProblemEvent(DateTime.UtcNow, "confirmed", "Айжан", "department 1"))?.Value);
    }

    [Fact]
    public void Linked_ListsEveryProblem()
    {
        using var english = new English();
        Assert.Equal("""Split into: <a href="problems/3" data-testid="problem-link">#3</a>, <a href="problems/4" data-testid="problem-link">#4</a>""",
            ProblemRelations.Linked(new Texts()["problems.splitInto"], 3, 4).Value);
    }

    /// <summary>The texts in English while it lives.</summary>
    private sealed class English : IDisposable
    {
        private readonly CultureInfo _before = CultureInfo.CurrentUICulture;

        public English() => CultureInfo.CurrentUICulture = new CultureInfo("en");

        public void Dispose() => CultureInfo.CurrentUICulture = _before;
    }
}
