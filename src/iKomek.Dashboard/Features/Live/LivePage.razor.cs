using IKomek.Dashboard.Components.Charts;
using IKomek.Dashboard.Components.Shared;
using IKomek.Dashboard.Platform.Database;

using IKomek.Dashboard.Platform.Localization;
using Microsoft.AspNetCore.Components;
using Plotly.Blazor;
using Plotly.Blazor.LayoutLib;
using IKomek.Dashboard.Platform.Changes;
using IKomek.Dashboard.Platform.City;
using IKomek.Dashboard.Platform.Access;
using Microsoft.AspNetCore.Components.Authorization;

namespace IKomek.Dashboard.Features.Live;

public sealed partial class LivePage : ComponentBase, IDisposable
{
    // New appeals arrive through the change feed; the clock alone moves overdue counts and the typical curve.
    private static readonly TimeSpan RefreshEvery = TimeSpan.FromSeconds(60);
    // Data older than this (or a lost change feed) greys the tiles out.
    private static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(2);

    private LiveSnapshot? _snapshot;
    private CityReference.Snapshot? _reference;
    private IList<ITrace> _hourlyTraces = [];
    private IList<ITrace> _districtMap = [];
    private IReadOnlyDictionary<int, (double Lat, double Lon)[]>? _cells;
    private IReadOnlyDictionary<int, (double Lat, double Lon)>? _labelAt;
    private int _level = 1;
    private Timer? _timer;
    private LiveSubscription? _live;
    // A deputy akim's areas and departments, listed first and marked; null for everyone else.
    private DeputyScope? _deputy;

    [CascadingParameter] private Task<AuthenticationState>? Authentication { get; set; }
    [Inject] private DeputyScopes Deputies { get; set; } = default!;
    [Inject] private LiveQueries Queries { get; set; } = default!;
    [Inject] private CityReference Reference { get; set; } = default!;
    [Inject] private Texts T { get; set; } = default!;
    [Inject] private ChangeFeed Feed { get; set; } = default!;
    [Inject] private AstanaClock Clock { get; set; } = default!;
    [Inject] private ILogger<LivePage> Log { get; set; } = default!;

    /// <summary>Wall-screen mode (<c>/?wall=1</c> or <c>/wall</c>): no navigation, larger type, for a 1920x1080 screen across a room.</summary>
    [SupplyParameterFromQuery(Name = "wall")] public int? WallParameter { get; set; }

    private bool Wall => WallParameter == 1 || IsWallRoute;

    private string LevelRule => T.Format("live.levelRule", CityStatus.Thresholds[0], CityStatus.Thresholds[1], CityStatus.Thresholds[2], CityStatus.Thresholds[3]);

    /// <summary>Greyed out when the change feed is down or the last load is too old.</summary>
    private bool Stale => !Feed.IsConnected || _snapshot is null || Clock.Now - _snapshot.AsOf > StaleAfter;

    // Districts placed by their centres (north up): a schematic map of the city, each district shaded by today's appeals.
    private Layout DistrictMapLayout { get; } = WithMapAxes(ChartLayout.Base());

    private Layout HourlyLayout { get; } = WithHourAxes(ChartLayout.Base());

    private static Layout WithMapAxes(Layout layout)
    {
        layout.ShowLegend = false;
        layout.Margin = new Margin { L = 8, R = 8, T = 8, B = 8 };
        layout.XAxis = [ChartLayout.HiddenX(71.26, 71.63)];
        layout.YAxis = [ChartLayout.HiddenY(51.025, 51.262, 1.6m)];
        return layout;
    }

    private static void FitMapAxes(Layout layout, IReadOnlyList<(double Lat, double Lon)> points)
    {
        var (south, north) = (points.Min(p => p.Lat), points.Max(p => p.Lat));
        var (west, east) = (points.Min(p => p.Lon), points.Max(p => p.Lon));
        var pad = 0.1 * Math.Max(north - south, east - west);
        layout.XAxis = [ChartLayout.HiddenX(west - pad, east + pad)];
        layout.YAxis = [ChartLayout.HiddenY(south - pad, north + pad, (decimal)(1 / Math.Cos((south + north) / 2 * Math.PI / 180)))];
    }

    private static Layout WithHourAxes(Layout layout)
    {
        var (x, y) = (layout.XAxis[0], layout.YAxis[0]);
        x.DTick = 2;
        x.TickSuffix = ":00";
        x.Range = [-0.5, 23.5];
        y.RangeMode = Plotly.Blazor.LayoutLib.YAxisLib.RangeModeEnum.ToZero;
        return layout;
    }

    protected override async Task OnInitializedAsync()
    {
        // Every appeal change concerns the panel; the clock and the feed reconnecting go the same coalesced way.
        _live = new LiveSubscription(Feed, _ => true, ReloadAsync, InvokeAsync, OnRefreshFailedAsync, Log);
        _deputy = await Deputies.OfAsync(await Authentication.UserAsync(), _live.Stopping);
        await LoadAsync(_live.Stopping);
        Feed.ConnectionChanged += OnFeedConnectionChanged;
        _timer = new Timer(_ => _live.Trigger(), null, RefreshEvery, RefreshEvery);
    }

    /// <summary>The refresh button: at once, handled like a live refresh.</summary>
    private Task RefreshAsync() => _live?.RefreshNowAsync() ?? Task.CompletedTask;

    private async Task ReloadAsync()
    {
        await LoadAsync(_live!.Stopping);
        StateHasChanged();
    }

    private async Task OnRefreshFailedAsync(Exception e)
    {
        // The database out of reach: the tiles keep their last numbers and grey out once those are too old (the
        // next change or tick retries). Anything else is a fault the layout's error boundary shows.
        if (e is Npgsql.NpgsqlException or TimeoutException) StateHasChanged();
        else await DispatchExceptionAsync(e);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        _reference = await Reference.GetAsync(ct);
        var s = await Queries.GetSnapshotAsync(ct);
        var r = _reference;
        _level = CityStatus.Level(s.OpenCriticalIncidents);
        var today = s.ByDistrict.ToDictionary(x => x.Id, x => x.Count);
        var most = Math.Max(1, today.Values.DefaultIfEmpty().Max());
        if (_cells is null)
        {
            _cells = DistrictMap.Cells(r);
            // Another city's own outlines: the map fits them (Astana's axes are fixed to its outline above).
            if (r.Outlines is { Count: > 0 }) FitMapAxes(DistrictMapLayout, [.. _cells.Values.SelectMany(c => c)]);
        }
        _labelAt ??= _cells.ToDictionary(c => c.Key, c => DistrictMap.Centroid(c.Value));
        var districts = r.DistrictCentres.OrderBy(d => d.Key).ToList();
        // One filled outline per district, darker with more appeals today, and the names with their counts on top.
        var share = districts.ToDictionary(d => d.Key, d => today.GetValueOrDefault(d.Key) / (double)most);
        _districtMap =
        [
            .. districts.Select(d => Traces.Outline(_cells[d.Key], ChartLayout.Palette.Shade(share[d.Key]))),
            Traces.Labels(
                districts.Select(d => _labelAt[d.Key]),
                districts.Select(d => $"{r.Districts[d.Key].Name(T)}<br><b>{today.GetValueOrDefault(d.Key):N0}</b>"),
                districts.Select(d => ChartLayout.Palette.OnShade(share[d.Key]))),
        ];
        var currentHour = s.AsOf.Hour;
        var sofar = s.Hourly.Where(h => h.Hour <= currentHour).ToList();
        _hourlyTraces =
        [
            Traces.ReferenceLine(T["live.hourlyTypical"], s.Hourly.Select(h => h.Hour), s.Hourly.Select(h => h.Typical), dash: "dot", smooth: true),
            Traces.Bars(T["live.hourlyToday"], sofar.Select(h => h.Hour), sofar.Select(h => h.Today)),
        ];
        _snapshot = s;
    }

    private static string? FcrTone(double? share) => share switch { null => null, >= 0.9 => "good", >= 0.8 => "warn", _ => "bad" };

    private static string Share(double? share) => share?.ToString("P1") ?? "—";

    private void OnFeedConnectionChanged(bool connected) => _live?.Trigger();

    public void Dispose()
    {
        Feed.ConnectionChanged -= OnFeedConnectionChanged;
        _timer?.Dispose();
        _live?.Dispose();
    }
}
