using IKomek.Dashboard.Platform.Access;
using IKomek.Dashboard.Platform.Audit;
using IKomek.Dashboard.Platform.Localization;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace IKomek.Dashboard.Features.Projects.Editing;

/// <summary>
/// The project office's form of a project (new, or the fields of an existing one), and under it the project's
/// milestones, risks, results, plan changes and photos. Every save is checked on the server (role and rules) and
/// written in one transaction; errors show beside their fields in the reader's language.
/// </summary>
public sealed partial class ProjectEditPage : ComponentBase
{
    private EditingLists? _lists;
    private ProjectDraft _draft = new() { Group = "roads" };
    private ProjectDraft? _saved;
    private bool _missing;
    private bool _loading = true;

    /// <summary>The project whose form is shown (Code null: the new project's).</summary>
    private FormOf? _formOf;

    private sealed record FormOf(string? Code);
    private bool _saving;
    private Dictionary<string, string> _errors = [];
    private PlanChangesList? _planChanges;

    [Parameter] public string? Code { get; set; }

    [Inject] private ProjectEditor Editor { get; set; } = default!;
    [Inject] private CityAccess Access { get; set; } = default!;
    [Inject] private ReaderAddress Address { get; set; } = default!;
    [Inject] private Texts T { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private NavigationManager Nav { get; set; } = default!;

    private string Title => Code is null ? T["editing.newTitle"] : T.Format("editing.editTitle", Code);

    protected override async Task OnParametersSetAsync()
    {
        // Parameters are set again whenever a cascading value changes (the sign-in state, the layout): only another
        // project (or the new form) is loaded, so what is being typed is never replaced by the stored project.
        if (_formOf is { } shown && shown.Code == Code) return;
        _formOf = new(Code);
        // While the project loads, no form: a value typed into the one before would be lost when it is replaced.
        _loading = true;
        _lists ??= await Editor.ListsAsync();
        _errors = [];
        try
        {
            await LoadAsync();
        }
        finally
        {
            _loading = false;
        }
    }

    private async Task LoadAsync()
    {
        if (Code is null)
        {
            _draft = new ProjectDraft { Group = "roads", Status = "planned" };
            _saved = null;
            return;
        }
        _saved = await Editor.LoadAsync(Code);
        _missing = _saved is null;
        _draft = _saved?.Copy() ?? new ProjectDraft();
    }

    private string Label(string field) => T["editing.field." + field];

    private bool Has(string field) => _errors.ContainsKey(field);

    private string? ErrorOf(string field) => _errors.GetValueOrDefault(field);

    private async Task SaveAsync()
    {
        if (await EditingActor.OfAsync(Access, Address) is not { } actor)
        {
            _errors = new() { ["code"] = T["access.denied"] };
            return;
        }
        _saving = true;
        try
        {
            var result = await Editor.SaveAsync(_draft, actor);
            // One message per field: the first is the one to fix first.
            _errors = result.Errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => EditingTexts.Message(T, g.First().Code, g.First().Args));
            if (!result.Saved) return;
            if (_draft.Id is null)
            {
                Snackbar.Add(T.Format("editing.created", _draft.Code.Trim()), Severity.Success);
                Nav.NavigateTo($"projects/{Uri.EscapeDataString(_draft.Code.Trim())}/edit");
                return;
            }
            Snackbar.Add(T["editing.saved"], Severity.Success);
            if (_draft.Code.Trim() != Code)
            {
                Nav.NavigateTo($"projects/{Uri.EscapeDataString(_draft.Code.Trim())}/edit");
                return;
            }
            _saved = await Editor.LoadAsync(_draft.Code.Trim());
            _draft = _saved!.Copy();
            if (_planChanges is not null) await _planChanges.ReloadAsync();
        }
        finally
        {
            _saving = false;
        }
    }
}
