using IKomek.Dashboard.Platform.Access;
using IKomek.Dashboard.Platform.Audit;
using IKomek.Dashboard.Platform.Localization;
using IKomek.Dashboard.Platform.Notify;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace IKomek.Dashboard.Features.Alerts.Channels;

public sealed partial class ChannelsPage
{
    [Inject] private ChannelEndpoints Endpoints { get; set; } = default!;
    [Inject] private EmailEndpoints Emails { get; set; } = default!;
    [Inject] private TelegramLinks Links { get; set; } = default!;
    [Inject] private TestMessages Tests { get; set; } = default!;
    [Inject] private CityAccess Access { get; set; } = default!;
    [Inject] private ReaderAddress Address { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private Texts T { get; set; } = default!;

    private IReadOnlyList<MyEndpoint>? _endpoints;
    private TelegramLink? _telegramLink;
    private string? _email;
    private string? _emailError;
    private bool _busy;

    protected override Task OnInitializedAsync() => ReloadAsync();

    private IReadOnlyList<MyEndpoint> Of(string channel) => _endpoints?.Where(e => e.Channel == channel).ToList() ?? [];

    private async Task<Actor> ActorAsync() => Actor.Of(await Access.UserAsync(), Address.Value);

    private async Task ReloadAsync() => _endpoints = await Endpoints.ListAsync((await ActorAsync()).Name);

    private Task SavePushAsync(PushSubscriptionInput subscription) => ActAsync(async actor =>
    {
        await Endpoints.SavePushAsync(actor, subscription);
        Snackbar.Add(T["channels.push.saved"], Severity.Success);
    });

    private Task LinkTelegramAsync() => ActAsync(async actor => _telegramLink = await Links.CreateAsync(actor));

    // "On demand": the person pressed Start in Telegram and need not wait for the minute's job.
    private Task CheckTelegramAsync() => ActAsync(async _ =>
    {
        try
        {
            var run = await Links.PollAsync();
            Snackbar.Add(T.Format("channels.tg.checked", run.Linked), Severity.Info);
            if (run.Linked > 0) _telegramLink = null;
        }
        catch (Exception e) when (TelegramLinks.IsUnreachable(e))
        {
            Snackbar.Add(T["channels.tg.unreachable"], Severity.Warning);
        }
    });

    private Task AddEmailAsync() => SendLinkAsync(_email);

    private Task ResendAsync(MyEndpoint endpoint) => SendLinkAsync(endpoint.Address);

    private Task SendLinkAsync(string? address) => ActAsync(async actor =>
    {
        _emailError = null;
        if (EmailEndpoints.Normalize(address) is not { } normalized)
        {
            _emailError = T["channels.err.email"];
            return;
        }
        if (await Emails.AddAsync(actor, normalized, Navigation.BaseUri))
        {
            Snackbar.Add(T.Format("channels.email.sent", normalized), Severity.Success);
            _email = null;
        }
        else
        {
            Snackbar.Add(T["channels.email.notSent"], Severity.Warning);
        }
    });

    private Task TestAsync(MyEndpoint endpoint) => ActAsync(async actor =>
    {
        var result = await Tests.SendAsync(actor, endpoint.Id, Navigation.BaseUri);
        switch (result.Outcome)
        {
            case DeliveryOutcome.Sent: Snackbar.Add(T["channels.test.sent"], Severity.Success); break;
            case DeliveryOutcome.Gone: Snackbar.Add(T.Format("channels.test.gone", result.Error), Severity.Error); break;
            default: Snackbar.Add(T.Format("channels.test.retry", result.Error), Severity.Warning); break;
        }
    });

    private Task RemoveAsync(MyEndpoint endpoint) => ActAsync(async actor =>
    {
        await Endpoints.RemoveAsync(actor, endpoint.Id);
        Snackbar.Add(T["channels.removed"], Severity.Info);
    });

    /// <summary>One act of the person: refused changes are said in their words, and the list is read again.</summary>
    private async Task ActAsync(Func<Actor, Task> act)
    {
        _busy = true;
        try
        {
            var actor = await ActorAsync();
            if (actor.Name == Actor.Anonymous.Name) return;
            await act(actor);
        }
        catch (EndpointRejectedException e)
        {
            Snackbar.Add(T[e.Message], Severity.Error);
        }
        finally
        {
            _busy = false;
            await ReloadAsync();
        }
    }
}
