using IKomek.Dashboard.Components.Layout;
using IKomek.Dashboard.Components.Shared;
using Microsoft.AspNetCore.Components;
using IKomek.Dashboard.Platform.City;
using IKomek.Dashboard.Platform.Access;

namespace IKomek.Dashboard.Features.Live;

// The tiles' reading aids, apart from the page's loading and chart code: how big a sample must be before a share
// earns a colour, where every number drills to, and the wall screen's sizes.
public sealed partial class LivePage
{
    /// <summary>
    /// Below this many appeals a share is shown grey, not green or red: at 4 a.m. three appeals make 33 % or 100 %,
    /// and that is not news. Thirty keeps a share's 95 % interval under about ±18 points.
    /// </summary>
    internal const int MinSample = 30;

    [Inject] private NavigationManager Nav { get; set; } = default!;

    private bool IsWallRoute => WallMode.IsOn(Nav.Uri);

    // The wall's rows are sized to fit 1080 pixels with nothing cut off; desks scroll and get taller charts.
    private int ChartHeight => Wall ? 250 : 300;

    private int MapHeight => Wall ? 212 : 260;

    private string SampleHint(long sample) =>
        sample < MinSample ? T.Format("live.sampleSmall", sample) : $"{T["live.target90"]} · {T.Format("live.sampleOf", sample)}";

    private static string? SampledTone(double? share, long sample) => share is null ? null : sample < MinSample ? "muted" : FcrTone(share);

    private IReadOnlyList<RankedBars.Item> ChannelItems => Linked(_snapshot?.ByChannel, _reference?.Channels, id => LiveDrill.Today("channel", id));

    // The busiest areas and the departments with most overdue appeals; a deputy's own first, marked, all of them.
    private const int TopAreas = 8, TopDepartments = 10;

    private IReadOnlyList<RankedBars.Item> AreaItems =>
        Linked(_snapshot?.ByArea.SupervisedFirst(_deputy?.Areas, c => c.Id, TopAreas), _reference?.Areas, id => LiveDrill.Today("area", id), _deputy?.Areas);

    private IReadOnlyList<RankedBars.Item> TypeItems => Linked(_snapshot?.TopServiceTypes, _reference?.ServiceTypes, id => LiveDrill.Today("type", id));

    /// <summary>Departments by their distinguishing words: every name starts "Управление…" and would read the same.</summary>
    private IReadOnlyList<RankedBars.Item> DepartmentItems
    {
        get
        {
            var items = Linked(_snapshot?.OverdueByDepartment.SupervisedFirst(_deputy?.Departments, c => c.Id, TopDepartments), _reference?.Departments,
                id => LiveDrill.Overdue(id), _deputy?.Departments);
            var shortNames = CommonPrefix.Strip(items.Select(i => i.Label).ToList());
            return items.Select((item, i) => item with { Label = shortNames[i] }).ToList();
        }
    }

    private IReadOnlyList<RankedBars.Item> Linked<TItem>(IReadOnlyList<CountByKey>? counts, IReadOnlyDictionary<int, TItem>? names, Func<int, string> href,
        IReadOnlySet<int>? yours = null) where TItem : RefItem
    {
        if (counts is null || names is null) return [];
        return counts.Select(c =>
        {
            var name = names.GetValueOrDefault(c.Id)?.Name(T) ?? "";
            return new RankedBars.Item(name, c.Count, href(c.Id), name, yours?.Contains(c.Id) == true ? T["common.yours"] : null);
        }).ToList();
    }

    /// <summary>The hourly chart on the wall: light, larger type on the dark ground.</summary>
    private Plotly.Blazor.Layout HourlyLayoutFor => Wall ? WallHourlyLayout : HourlyLayout;

    private Plotly.Blazor.Layout WallHourlyLayout { get; } = ForWall(WithHourAxes(Components.Charts.ChartLayout.Base()));

    private static Plotly.Blazor.Layout ForWall(Plotly.Blazor.Layout layout)
    {
        layout.Font = new Plotly.Blazor.LayoutLib.Font { Family = layout.Font.Family, Size = 16, Color = CityThemes.WallChartText };
        layout.Legend[0].Font = new Plotly.Blazor.LayoutLib.LegendLib.Font { Size = 16 };
        layout.XAxis[0].GridColor = CityThemes.WallChartGrid;
        layout.YAxis[0].GridColor = CityThemes.WallChartGrid;
        return layout;
    }
}
