using IKomek.Dashboard.Platform.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using Plotly.Blazor;
using PlotlyView = Plotly.Blazor.PlotlyChart;

namespace IKomek.Dashboard.Components.Charts;

/// <summary>
/// The one chart component: Plotly.Blazor's chart with the panel's look, its accessible name and test id. Hand it a
/// new <see cref="Traces"/> list (or <see cref="Layout"/>) to redraw: the chart is updated in place with
/// <c>Plotly.react</c>, never drawn again from scratch.
/// </summary>
public sealed partial class PlotlyChart : ComponentBase
{
    private readonly string _id = "plot-" + Guid.NewGuid().ToString("N")[..12];
    private PlotlyView? _chart;
    private IList<ITrace> _data = [];
    private Plotly.Blazor.Layout _layout = ChartLayout.Base();
    private Config _config = new();
    private object? _drawnTraces, _drawnLayout;
    // Shown as data-renders: how many times the chart was drawn in place (tests and debugging read it).
    private int _renders;

    [Inject] private Texts T { get; set; } = default!;

    /// <summary>The traces (see <see cref="Charts.Traces"/>). Pass a new list to redraw; the same instance is not drawn twice.</summary>
    [Parameter, EditorRequired] public IList<ITrace> Traces { get; set; } = [];

    /// <summary>The layout, from <see cref="ChartLayout.Base"/>; the chart sets its height.</summary>
    [Parameter] public Plotly.Blazor.Layout? Layout { get; set; }

    [Parameter] public int Height { get; set; } = 300;

    /// <summary>Accessible name of the chart.</summary>
    [Parameter] public string Title { get; set; } = "";

    [Parameter] public string? TestId { get; set; }

    /// <summary>
    /// The full plotly.js (4.9 MB instead of 1.1 MB) for trace types outside the basic bundle (choropleth, geo,
    /// heatmap, ...). Every chart on a page must agree: the page loads one plotly.js.
    /// </summary>
    [Parameter] public bool FullBundle { get; set; }

    protected override void OnParametersSet()
    {
        _data = Traces;
        _layout = Layout ?? ChartLayout.Base();
        _layout.Height = Height;
        _config = ChartLayout.Config(T.Language);
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (ReferenceEquals(_drawnTraces, Traces) && ReferenceEquals(_drawnLayout, Layout)) return;
        // Marked as drawn before the first await: a render that lands meanwhile must not draw twice.
        var first = _drawnTraces is null;
        _drawnTraces = Traces;
        _drawnLayout = Layout;
        // The first drawing is Plotly.Blazor's own (newPlot after its first render); later ones update in place.
        if (!first && _chart is not null)
        {
            try
            {
                await _chart.React();
            }
            catch (JSDisconnectedException)
            {
                // The circuit is gone (tab closed): nothing left to draw on.
                return;
            }
        }
        _renders++;
        StateHasChanged();
    }
}
