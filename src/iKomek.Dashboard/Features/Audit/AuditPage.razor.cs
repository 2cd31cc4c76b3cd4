using System.Globalization;
using IKomek.Dashboard.Platform.Access;
using IKomek.Dashboard.Platform.Localization;
using Microsoft.AspNetCore.Components;

namespace IKomek.Dashboard.Features.Audit;

/// <summary>
/// The administrators' search over the audit log: who, what, which subject, when; newest first, a page at a time.
/// The search lives in the address (?who=&amp;what=&amp;kind=&amp;subject=&amp;from=&amp;to=), so it can be linked and reloaded.
/// </summary>
public sealed partial class AuditPage : ComponentBase
{
    private const string DateFormat = "yyyy-MM-dd";

    private IReadOnlyList<string> _actions = [], _kinds = [], _errors = [];
    private List<AuditEntry> _entries = [];
    private AuditCursor? _next;
    private AuditFilter _filter = new();
    private string? _who, _what, _kind, _subject;
    private DateTime? _from, _to;
    private (string?, string?, string?, string?, string?, string?)? _asked;

    [SupplyParameterFromQuery(Name = "who")] public string? Who { get; set; }
    [SupplyParameterFromQuery(Name = "what")] public string? What { get; set; }
    [SupplyParameterFromQuery(Name = "kind")] public string? Kind { get; set; }
    [SupplyParameterFromQuery(Name = "subject")] public string? Subject { get; set; }
    [SupplyParameterFromQuery(Name = "from")] public string? From { get; set; }
    [SupplyParameterFromQuery(Name = "to")] public string? To { get; set; }

    [Inject] private AuditQueries Queries { get; set; } = default!;
    [Inject] private CityAccess Access { get; set; } = default!;
    [Inject] private NavigationManager Nav { get; set; } = default!;
    [Inject] private Texts T { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        // Parameters are set again whenever a cascading value changes (the sign-in state, the layout): only a new
        // address reads again, so a filter being typed is not put back to the address's values.
        var asked = (Who, What, Kind, Subject, From, To);
        if (_asked == asked) return;
        _asked = asked;
        (_entries, _next, _errors) = ([], null, []);
        // The log is read for administrators only: the gate in the markup hides, this refuses.
        if (!await Access.MayAsync(CityAction.SeeAudit)) return;
        _actions = await Queries.ActionsAsync();
        _kinds = await Queries.SubjectKindsAsync();

        var errors = new List<string>();
        _filter = new AuditFilter(Who, What, Kind, Subject, Date(From, errors), Date(To, errors)).Normalized();
        (_who, _what, _kind, _subject) = (_filter.Actor, _filter.Action, _filter.SubjectKind, _filter.SubjectId);
        (_from, _to) = (_filter.From?.ToDateTime(TimeOnly.MinValue), _filter.To?.ToDateTime(TimeOnly.MinValue));
        errors.AddRange(_filter.Errors().Select(key => T[key]));
        _errors = errors;
        if (errors.Count > 0) return;
        var page = await Queries.SearchAsync(_filter);
        (_entries, _next) = (page.Entries.ToList(), page.Next);
    }

    private void SearchAsync() => Nav.NavigateTo(Nav.GetUriWithQueryParameters(new Dictionary<string, object?>
    {
        ["who"] = Blank(_who), ["what"] = Blank(_what), ["kind"] = Blank(_kind), ["subject"] = Blank(_subject),
        ["from"] = _from?.ToString(DateFormat, CultureInfo.InvariantCulture), ["to"] = _to?.ToString(DateFormat, CultureInfo.InvariantCulture),
    }));

    private void ResetAsync() => Nav.NavigateTo(AuditFeature.PagePath);

    private async Task MoreAsync()
    {
        if (_next is null || !await Access.MayAsync(CityAction.SeeAudit)) return;
        var page = await Queries.SearchAsync(_filter, _next);
        _entries.AddRange(page.Entries);
        _next = page.Next;
    }

    private DateOnly? Date(string? text, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateOnly.TryParseExact(text.Trim(), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return day;
        errors.Add(T.Format("audit.error.date", text));
        return null;
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>The action's name in the reader's language; its code when the panel has no name for it.</summary>
    private string ActionName(string action) => Named("audit.action." + action, action);

    private string KindName(string kind) => Named("audit.kind." + kind, kind);

    private string Named(string key, string fallback) => T[key] is var text && text != $"[{key}]" ? text : fallback;

    private static string? SubjectHref(AuditEntry e) => e switch
    {
        { SubjectKind: "appeal", SubjectLabel: { } reg } => $"appeals/{Uri.EscapeDataString(reg)}",
        { SubjectKind: "problem", SubjectId: { } id } when long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out _) => $"problems/{id}",
        _ => null,
    };
}
