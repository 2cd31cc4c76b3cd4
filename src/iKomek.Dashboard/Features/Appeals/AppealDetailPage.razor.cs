using IKomek.Dashboard.Data;
using IKomek.Dashboard.Hosting;
using IKomek.Dashboard.Live;
using IKomek.Dashboard.Localization;
using Microsoft.AspNetCore.Components;

namespace IKomek.Dashboard.Features.Appeals;

public sealed partial class AppealDetailPage : ComponentBase, IDisposable
{
    // The deadline is "near" from three quarters of the SLA on (the appeals issue's warning rule).
    private const double WarnAt = 0.75;

    private AppealDetail? _appeal;
    private bool _loaded;
    private CityReference.Snapshot? _reference;
    private object[] _mapTraces = [];
    private object? _mapLayout;
    private IDisposable? _subscription;

    [Parameter] public string RegNumber { get; set; } = "";
    [Inject] private AppealsQueries Queries { get; set; } = default!;
    [Inject] private CityReference Reference { get; set; } = default!;
    [Inject] private AstanaClock Clock { get; set; } = default!;
    [Inject] private ChangeFeed Feed { get; set; } = default!;
    [Inject] private Texts T { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        _reference = await Reference.GetAsync();
        await LoadAsync();
        // Another operator or node changing this appeal shows here at once.
        _subscription ??= Feed.Subscribe(change =>
        {
            if (_appeal is { } a && change.FirstId <= a.Id && a.Id <= change.LastId) _ = InvokeAsync(async () => { await LoadAsync(); StateHasChanged(); });
        });
    }

    private async Task LoadAsync()
    {
        _appeal = await Queries.GetAsync(RegNumber);
        _loaded = true;
        if (_appeal is { Lat: { } lat, Lon: { } lon } a && _reference is { } r)
        {
            var centres = r.DistrictCentres.OrderBy(c => c.Key).ToList();
            _mapTraces =
            [
                new { type = "scatter", mode = "markers+text", name = T["common.district"], x = centres.Select(c => c.Value.Lon), y = centres.Select(c => c.Value.Lat),
                      text = centres.Select(c => Name(r.Districts, c.Key)), textposition = "top center", marker = new { size = 10, color = "#9aa7b4" } },
                new { type = "scatter", mode = "markers", name = a.RegNumber, x = new[] { lon }, y = new[] { lat },
                      marker = new { size = 16, color = a.IsCritical ? "#d64541" : "#0a84c6", symbol = "star" } },
            ];
            _mapLayout = new
            {
                showlegend = false,
                xaxis = new { title = new { text = T["appeal.longitude"] }, range = new[] { 71.25, 71.65 } },
                yaxis = new { title = new { text = T["appeal.latitude"] }, range = new[] { 51.0, 51.3 }, scaleanchor = "x", scaleratio = 1.6 },
            };
        }
    }

    private string? SlaTone(AppealDetail a) => a.SlaUsed(Clock.UtcNow.UtcDateTime) switch
    {
        null => "good",
        >= 1 => "bad",
        >= WarnAt => "warn",
        _ => null,
    };

    private string SlaHint(AppealDetail a) => a.SlaUsed(Clock.UtcNow.UtcDateTime) switch
    {
        null => a.ResolvedAt is { } r ? $"{T["status.resolved"]} {AstanaClock.ToLocal(r):dd.MM.yyyy HH:mm}" : "",
        >= 1 => T["appeal.slaOverdue"],
        >= WarnAt and var used => $"{T["appeal.slaWarning"]}: {T.Format("appeal.slaUsed", used)}",
        var used => T.Format("appeal.slaUsed", used),
    };

    private string Name(IReadOnlyDictionary<int, RefItem>? items, int id) => items?.GetValueOrDefault(id)?.Name(T) ?? "";

    public void Dispose() => _subscription?.Dispose();
}
