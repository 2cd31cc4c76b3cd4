using IKomek.Dashboard.Platform.Database;
using IKomek.Dashboard.Platform.Localization;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using IKomek.Dashboard.Platform.Access;
using IKomek.Dashboard.Platform.Audit;
using IKomek.Dashboard.Platform.Privacy;
using IKomek.Dashboard.Platform.City;

namespace IKomek.Dashboard.Features.Classification;

/// <summary>The review queue: appeals the model was unsure of, newest first, each confirmed or corrected in one click.</summary>
public sealed partial class ReviewPage : ComponentBase
{
    private const int PageSize = 30;

    private List<ReviewItem>? _items;
    private IReadOnlyList<RefItem> _types = [];
    private long _total;

    [Inject] private ClassificationQueries Queries { get; set; } = default!;
    [Inject] private CityReference Reference { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private Texts T { get; set; } = default!;
    [Inject] private CityAccess Access { get; set; } = default!;
    [Inject] private ReaderAddress Address { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _types = (await Reference.GetAsync()).ServiceTypes.Values.OrderBy(t => t.Id).ToList();
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        var items = await Queries.GetReviewQueueAsync(PageSize);
        // The queue is open to look at: a reader without the right reads the texts redacted (decided here, on the server).
        _items = await Access.MayAsync(CityAction.SeePersonalData) ? items.ToList()
            : items.Select(i => i with { Description = PersonalData.Redact(i.Description)! }).ToList();
        _total = await Queries.CountReviewQueueAsync();
    }

    private async Task DecidedAsync((ReviewItem Item, int ServiceTypeId) decision)
    {
        var user = await Access.UserAsync();
        if (!user.May(CityAction.ReviewTopics))
        {
            Snackbar.Add(T["access.denied"], Severity.Warning);
            return;
        }
        var saved = await Queries.ReviewAsync(decision.Item.AppealId, decision.ServiceTypeId, Actor.Of(user, Address.Value));
        Snackbar.Add(saved ? T.Format("cls.review.done", decision.Item.RegNumber) : T["cls.review.gone"], saved ? Severity.Success : Severity.Warning,
            options => options.VisibleStateDuration = 3000);
        await LoadAsync();
    }
}
