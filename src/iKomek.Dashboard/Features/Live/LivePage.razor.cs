using IKomek.Dashboard.Components.Shared;
using IKomek.Dashboard.Data;
using IKomek.Dashboard.Hosting;
using IKomek.Dashboard.Live;
using IKomek.Dashboard.Localization;
using Microsoft.AspNetCore.Components;

namespace IKomek.Dashboard.Features.Live;

public sealed partial class LivePage : ComponentBase, IDisposable
{
    // New appeals arrive through the change feed; the clock alone moves overdue counts and the typical curve.
    private static readonly TimeSpan RefreshEvery = TimeSpan.FromSeconds(60);
    // A panel redraws at most a few times a second however many appeals arrive.
    private static readonly TimeSpan CoalesceWithin = TimeSpan.FromMilliseconds(300);
    // Data older than this (or a lost change feed) greys the tiles out.
    private static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(2);

    private LiveSnapshot? _snapshot;
    private CityReference.Snapshot? _reference;
    private object[] _hourlyTraces = [];
    private IReadOnlyList<RankedBars.Item> _channels = [], _areas = [], _types = [], _overdue = [];
    private object[] _districtMap = [];
    private IReadOnlyDictionary<int, (double Lat, double Lon)[]>? _cells;
    private IReadOnlyDictionary<int, (double Lat, double Lon)>? _labelAt;
    private int _level = 1;
    private Timer? _timer;
    private IDisposable? _subscription;
    private CoalescingTrigger? _onChange;
    private readonly CancellationTokenSource _cts = new();

    [Inject] private LiveQueries Queries { get; set; } = default!;
    [Inject] private CityReference Reference { get; set; } = default!;
    [Inject] private Texts T { get; set; } = default!;
    [Inject] private ChangeFeed Feed { get; set; } = default!;
    [Inject] private AstanaClock Clock { get; set; } = default!;

    /// <summary>Wall-screen mode (<c>/?wall=1</c> or <c>/wall</c>): no navigation, larger type, for a 1920x1080 screen across a room.</summary>
    [SupplyParameterFromQuery(Name = "wall")] public int? WallParameter { get; set; }

    private bool Wall => WallParameter == 1 || IsWallRoute;

    private string LevelRule => T.Format("live.levelRule", CityStatus.Thresholds[0], CityStatus.Thresholds[1], CityStatus.Thresholds[2], CityStatus.Thresholds[3]);

    /// <summary>Greyed out when the change feed is down or the last load is too old.</summary>
    private bool Stale => !Feed.IsConnected || _snapshot is null || Clock.Now - _snapshot.AsOf > StaleAfter;

    // Districts placed by their centres (north up): a schematic map of the city, bubbles sized by today's appeals.
    private static readonly object DistrictMapLayout = new
    {
        showlegend = false,
        margin = new { l = 8, r = 8, t = 8, b = 8 },
        xaxis = new { visible = false, range = new[] { 71.26, 71.63 }, fixedrange = true },
        yaxis = new { visible = false, range = new[] { 51.025, 51.262 }, scaleanchor = "x", scaleratio = 1.6, fixedrange = true },
    };

    private static readonly object HourlyLayout = new
    {
        xaxis = new { dtick = 2, ticksuffix = ":00", range = new[] { -0.5, 23.5 } },
        yaxis = new { rangemode = "tozero" },
    };

    protected override async Task OnInitializedAsync()
    {
        await LoadAsync();
        _onChange = new CoalescingTrigger(CoalesceWithin, () => InvokeAsync(RefreshAsync));
        _subscription = Feed.Subscribe(_ => _onChange.Trigger());
        Feed.ConnectionChanged += OnFeedConnectionChanged;
        _timer = new Timer(_ => InvokeAsync(RefreshAsync), null, RefreshEvery, RefreshEvery);
    }

    private async Task RefreshAsync()
    {
        if (_cts.IsCancellationRequested) return;
        try
        {
            await LoadAsync();
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or TimeoutException)
        {
            // The tiles keep their last numbers and grey out once those are too old; the next change or tick retries.
        }
        StateHasChanged();
    }

    private async Task LoadAsync()
    {
        _reference = await Reference.GetAsync(_cts.Token);
        var s = await Queries.GetSnapshotAsync(_cts.Token);
        var r = _reference;
        _channels = s.ByChannel.Select(x => new RankedBars.Item(r.Channels[x.Id].Name(T), x.Count)).ToList();
        _level = CityStatus.Level(s.OpenCriticalIncidents);
        var today = s.ByDistrict.ToDictionary(x => x.Id, x => x.Count);
        var most = Math.Max(1, today.Values.DefaultIfEmpty().Max());
        _cells ??= DistrictMap.Cells(r.DistrictCentres);
        _labelAt ??= _cells.ToDictionary(c => c.Key, c => DistrictMap.Centroid(c.Value));
        var districts = r.DistrictCentres.OrderBy(d => d.Key).ToList();
        // One filled outline per district, darker with more appeals today, and the names with their counts on top.
        _districtMap =
        [
            .. districts.Select(d => (object)new
            {
                type = "scatter", mode = "lines", fill = "toself", hoverinfo = "skip",
                x = _cells[d.Key].Select(p => p.Lon), y = _cells[d.Key].Select(p => p.Lat),
                fillcolor = Shade(today.GetValueOrDefault(d.Key) / (double)most),
                line = new { color = "#ffffff", width = 2 },
            }),
            new
            {
                type = "scatter", mode = "text",
                x = districts.Select(d => _labelAt[d.Key].Lon), y = districts.Select(d => _labelAt[d.Key].Lat),
                text = districts.Select(d => $"{r.Districts[d.Key].Name(T)}<br><b>{today.GetValueOrDefault(d.Key):N0}</b>"),
                textfont = new { size = 14, color = districts.Select(d => today.GetValueOrDefault(d.Key) / (double)most > 0.55 ? "#ffffff" : "#0b2740") },
                hovertemplate = "%{text}<extra></extra>",
            },
        ];
        _areas = s.TopAreas.Select(x => new RankedBars.Item(r.Areas[x.Id].Name(T), x.Count)).ToList();
        _types = s.TopServiceTypes.Select(x => new RankedBars.Item(r.ServiceTypes[x.Id].Name(T), x.Count)).ToList();
        _overdue = s.OverdueByDepartment.Select(x => new RankedBars.Item(r.Departments[x.Id].Name(T), x.Count)).ToList();
        var currentHour = s.AsOf.Hour;
        _hourlyTraces =
        [
            new
            {
                type = "scatter", mode = "lines", name = T["live.hourlyTypical"],
                x = s.Hourly.Select(h => h.Hour), y = s.Hourly.Select(h => h.Typical),
                line = new { color = "#9aa7b4", width = 2, dash = "dot", shape = "spline" },
            },
            new
            {
                type = "bar", name = T["live.hourlyToday"],
                x = s.Hourly.Where(h => h.Hour <= currentHour).Select(h => h.Hour),
                y = s.Hourly.Where(h => h.Hour <= currentHour).Select(h => h.Today),
                marker = new { color = "#0a84c6" },
            },
        ];
        _snapshot = s;
    }

    /// <summary>From a pale to a deep blue as a district's share of the busiest district's count grows.</summary>
    private static string Shade(double share)
    {
        var t = Math.Clamp(share, 0, 1);
        int Mix(int from, int to) => (int)Math.Round(from + (to - from) * t);
        return $"rgb({Mix(222, 10)},{Mix(236, 94)},{Mix(248, 145)})";
    }

    private static string? FcrTone(double? share) => share switch { null => null, >= 0.9 => "good", >= 0.8 => "warn", _ => "bad" };

    private static string Share(double? share) => share?.ToString("P1") ?? "—";

    private void OnFeedConnectionChanged(bool connected) => _onChange?.Trigger();

    public void Dispose()
    {
        Feed.ConnectionChanged -= OnFeedConnectionChanged;
        _subscription?.Dispose();
        _onChange?.Dispose();
        _cts.Cancel();
        _timer?.Dispose();
        _cts.Dispose();
    }
}
