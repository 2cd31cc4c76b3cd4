using IKomek.Dashboard.Platform.Access;
using IKomek.Dashboard.Platform.Audit;
using IKomek.Dashboard.Platform.Localization;
using Microsoft.AspNetCore.Components;

namespace IKomek.Dashboard.Features.Digests;

public partial class DigestsPage
{
    [Inject] private DigestSubscriptions Subscriptions { get; set; } = default!;
    [Inject] private DigestSender Sender { get; set; } = default!;
    [Inject] private CityAccess Access { get; set; } = default!;
    [Inject] private ReaderAddress Address { get; set; } = default!;
    [Inject] private Texts T { get; set; } = default!;
    [Inject] private ILogger<DigestsPage> Log { get; set; } = default!;

    private DigestSettings? _settings;
    private readonly HashSet<string> _on = [];
    private long _endpoint;
    private string _language = "ru";
    private string? _message;
    private bool _failed, _busy;

    protected override async Task OnInitializedAsync()
    {
        var user = await Access.UserAsync();
        await LoadAsync(user.Login()!);
    }

    private async Task LoadAsync(string login)
    {
        _settings = await Subscriptions.GetAsync(login);
        _on.Clear();
        _on.UnionWith(_settings.Subscriptions.Where(s => s.Enabled).Select(s => s.Kind));
        _language = _settings.Language;
        // The address the subscriptions go to, else the person's first.
        _endpoint = _settings.Subscriptions.Select(s => s.EndpointId).FirstOrDefault(id => _settings.Addresses.Any(a => a.Id == id),
            _settings.Addresses.FirstOrDefault()?.Id ?? 0);
    }

    private void Toggle(string kind, bool on)
    {
        if (on) _on.Add(kind);
        else _on.Remove(kind);
    }

    private string? LastSent(string kind) =>
        _settings?.Subscriptions.FirstOrDefault(s => s.Kind == kind)?.LastSentFor is { } day ? $"{day:dd.MM.yyyy}" : null;

    private async Task<Actor> ActorAsync() => Actor.Of(await Access.UserAsync(), Address.Value);

    private Task SaveAsync() => RunAsync(async actor =>
    {
        await Subscriptions.SaveAsync(actor, new DigestChoice(_endpoint, _language, _on.ToHashSet()));
        await LoadAsync(actor.Name);
        return T["digests.page.saved"];
    });

    private Task SendNowAsync(string kind) => RunAsync(async actor => T.Format("digests.page.sent", await Sender.SendNowAsync(actor, kind, _endpoint)));

    private async Task RunAsync(Func<Actor, Task<string>> act)
    {
        _busy = true;
        try
        {
            (_message, _failed) = (await act(await ActorAsync()), false);
        }
        catch (DigestRejectedException e)
        {
            (_message, _failed) = (T[e.TextKey], true);
        }
        catch (Exception e) when (e is not OperationCanceledException and not DigestRejectedException)
        {
            // The mail server refusing or unreachable: said on the page, the rest of it still works.
            Log.LogWarning(e, "A digest requested now was not sent");
            (_message, _failed) = (T.Format("digests.page.sendFailed", e.Message), true);
        }
        finally
        {
            _busy = false;
        }
    }
}
