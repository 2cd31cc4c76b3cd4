using System.Globalization;
using System.Net;
using System.Text.Json;
using IKomek.Dashboard.Platform.Localization;
using Microsoft.AspNetCore.Components;

namespace IKomek.Dashboard.Features.SystemicProblems;

/// <summary>
/// How a problem relates to others, as text with links to them: merged into, split from, split into, and the notes of
/// the mining's merged, moved and split events (sql/schema/0016 describes their notes).
/// </summary>
/// <param name="departmentName">The department's name in the reader's language, for the notes of assignments.</param>
public sealed class ProblemRelations(Texts texts, Func<int, string?>? departmentName = null)
{
    private Texts T => texts;

    /// <summary>A text whose <c>{0}</c> becomes links to the problems (comma-separated).</summary>
    public static MarkupString Linked(string format, params long[] ids) =>
        new(string.Format(CultureInfo.CurrentCulture, Encode(format), string.Join(", ", ids.Select(Link))));

    /// <summary>The note of a history row: the mining's merges, moves and splits as a sentence, an analyst's text as written.</summary>
    public MarkupString? Note(ProblemEvent e)
    {
        if (e.Note is null) return null;
        if (e.Kind == "assigned" && Assignment(e.Note) is { } assigned) return new MarkupString(Encode(assigned));
        if (e.Actor != "mining") return new MarkupString(Encode(e.Note));
        switch (e.Kind)
        {
            case "merged" when long.TryParse(e.Note, NumberStyles.None, CultureInfo.InvariantCulture, out var into):
                return Linked(T["problems.note.merged"], into);
            case "moved" or "split" or "split_from":
                // A note edited by hand into something else is shown as it is rather than breaking the page.
                try
                {
                    using var json = JsonDocument.Parse(e.Note);
                    var note = json.RootElement;
                    if (e.Kind == "moved")
                    {
                        return new MarkupString(Encode(T.Format("problems.note.moved", T["problems.level." + note.GetProperty("level").GetInt32()],
                            note.GetProperty("appeals").GetInt32())));
                    }
                    var text = string.Format(CultureInfo.CurrentCulture, Encode(T["problems.note." + e.Kind]),
                        note.GetProperty("appeals").GetInt32(), note.GetProperty("kept").GetInt32(), Link(note.GetProperty("problem").GetInt64()));
                    return new MarkupString(text);
                }
                catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
                {
                    return new MarkupString(Encode(e.Note));
                }
            default:
                return new MarkupString(Encode(e.Note));
        }
    }

    /// <summary>
    /// An assignment is stored as "department 7" or "department 7: the analyst's text" (ProblemLifecycle): the reader
    /// sees the department's name instead of its id.
    /// </summary>
    private string? Assignment(string note)
    {
        const string prefix = "department ";
        if (!note.StartsWith(prefix, StringComparison.Ordinal)) return null;
        var colon = note.IndexOf(':', prefix.Length);
        var idText = colon < 0 ? note[prefix.Length..] : note[prefix.Length..colon];
        if (!int.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out var id)) return null;
        var name = departmentName?.Invoke(id) ?? T.Format("problems.note.department", id);
        return colon < 0 ? name : name + note[colon..];
    }

    private static string Link(long id) => string.Create(CultureInfo.InvariantCulture, $"<a href=\"problems/{id}\" data-testid=\"problem-link\">#{id}</a>");

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
