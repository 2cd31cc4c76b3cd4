using IKomek.Dashboard.Platform.Access;
using IKomek.Dashboard.Platform.Audit;
using IKomek.Dashboard.Platform.Localization;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace IKomek.Dashboard.Features.Knowledge;

/// <summary>
/// The editors' review (/kb/review?status=draft): the articles of one status, the ones behind most appeals first; each
/// edited in place, published, archived or returned to the drafts. Every handler checks the role again.
/// </summary>
public sealed partial class KnowledgeReviewPage : ComponentBase
{
    /// <summary>The roles of CityAction.EditKnowledge: the others are sent to sign in.</summary>
    public const string Roles = CityRoles.Admin + "," + CityRoles.KnowledgeEditor;

    private string _status = KbStatus.Draft;
    private IReadOnlyList<KbArticle>? _articles;
    private IReadOnlyDictionary<string, long> _counts = new Dictionary<string, long>();
    private IReadOnlyList<(int Id, string Name)> _organisations = [];
    private long? _editing;
    private string? _error;

    [SupplyParameterFromQuery(Name = "status")] public string? StatusQuery { get; set; }

    [Inject] private KnowledgeQueries Queries { get; set; } = default!;
    [Inject] private KnowledgeWriter Writer { get; set; } = default!;
    [Inject] private CityAccess Access { get; set; } = default!;
    [Inject] private ReaderAddress Address { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private Texts T { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        _status = KbStatus.All.Contains(StatusQuery) ? StatusQuery! : KbStatus.Draft;
        if (_organisations.Count == 0) _organisations = await Queries.OrganisationsAsync();
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _articles = await Queries.ListAsync(_status);
        _counts = await Queries.CountsAsync();
    }

    private static string MoveText(string to) => to switch
    {
        KbStatus.Published => "kb.publish",
        KbStatus.Archived => "kb.archive",
        _ => "kb.toDraft",
    };

    private async Task<Actor?> EditorAsync()
    {
        var user = await Access.UserAsync();
        if (user.May(CityAction.EditKnowledge)) return Actor.Of(user, Address.Value);
        Snackbar.Add(T["access.denied"], Severity.Warning);
        return null;
    }

    private async Task SaveAsync(long id, KbEdit edit)
    {
        if (await EditorAsync() is not { } by) return;
        try
        {
            var saved = await Writer.SaveAsync(by, id, edit);
            Snackbar.Add(T[saved ? "kb.saved" : "kb.gone"], saved ? Severity.Success : Severity.Warning);
            _editing = null;
            _error = null;
            await LoadAsync();
        }
        catch (KnowledgeRejectedException e)
        {
            _error = T[e.TextKey];
        }
    }

    private async Task MoveAsync(long id, string to)
    {
        if (await EditorAsync() is not { } by) return;
        var moved = await Writer.SetStatusAsync(by, id, to);
        Snackbar.Add(T[moved ? "kb.moved" : "kb.gone"], moved ? Severity.Success : Severity.Warning);
        await LoadAsync();
    }
}
