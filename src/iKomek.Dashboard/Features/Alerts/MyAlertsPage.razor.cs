using IKomek.Dashboard.Platform.Access;
using IKomek.Dashboard.Platform.Audit;
using IKomek.Dashboard.Platform.City;
using IKomek.Dashboard.Platform.Localization;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace IKomek.Dashboard.Features.Alerts;

public sealed partial class MyAlertsPage
{
    [Inject] private AlertSubscriptions Store { get; set; } = default!;
    [Inject] private CityReference Reference { get; set; } = default!;
    [Inject] private CityAccess Access { get; set; } = default!;
    [Inject] private ReaderAddress Address { get; set; } = default!;
    [Inject] private Texts T { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    private List<SubscriptionDraft>? _drafts;
    private bool _suggested;
    private IReadOnlySet<string> _confirmed = new HashSet<string>();
    private IReadOnlyDictionary<int, string> _districts = new Dictionary<int, string>(), _areas = new Dictionary<int, string>();
    private IReadOnlyDictionary<int, string> _errors = new Dictionary<int, string>();

    /// <summary>Channels chosen that the person has no confirmed address for: nothing would arrive there.</summary>
    private IEnumerable<string> MissingChannels => (_drafts ?? []).SelectMany(d => d.Channels).Distinct().Where(c => !_confirmed.Contains(c));

    protected override async Task OnInitializedAsync()
    {
        var reference = await Reference.GetAsync();
        _districts = reference.Districts.Values.OrderBy(d => d.Name(T)).ToDictionary(d => d.Id, d => d.Name(T));
        _areas = reference.Areas.Values.OrderBy(a => a.Name(T)).ToDictionary(a => a.Id, a => a.Name(T));
        if ((await Access.UserAsync()).Login() is not { } login) return;
        var mine = await Store.GetAsync(login);
        (_drafts, _suggested) = (mine.Items.Select(SubscriptionDraft.Of).ToList(), mine.Suggested);
        _confirmed = await Store.ConfirmedChannelsAsync(login);
    }

    private void Add() => _drafts?.Add(new SubscriptionDraft { Kinds = [AlertKinds.CriticalAppeal], Channels = ["email"] });

    private void Remove(int index)
    {
        _drafts?.RemoveAt(index);
        _errors = new Dictionary<int, string>();
    }

    private async Task SaveAsync()
    {
        var user = await Access.UserAsync();
        if (_drafts is null || user.Login() is not { } login) return;
        try
        {
            await Store.SaveAsync(login, Actor.Of(user, Address.Value), _drafts.Select(d => d.ToSubscription()).ToList());
            (_errors, _suggested) = (new Dictionary<int, string>(), false);
            Snackbar.Add(T["notify.me.saved"], Severity.Success);
        }
        catch (SubscriptionsRejectedException e)
        {
            _errors = e.Errors;
        }
    }
}
