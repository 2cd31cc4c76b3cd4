using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace IKomek.Dashboard.Components.Charts;

/// <summary>
/// The one chart component: draws plotly.js traces and redraws them in place with <c>Plotly.react</c>
/// whenever <see cref="Traces"/> is given a new value. Traces and layout are plain objects in plotly's JSON shape.
/// </summary>
public sealed partial class PlotlyChart : ComponentBase, IAsyncDisposable
{
    private ElementReference _element;
    private IJSObjectReference? _module;
    private object? _drawnTraces;
    private object? _drawnLayout;

    [Inject] private IJSRuntime JS { get; set; } = default!;

    /// <summary>Plotly traces. Pass a new array to redraw; the same instance is not drawn twice.</summary>
    [Parameter, EditorRequired] public object[] Traces { get; set; } = [];

    /// <summary>Plotly layout overrides, merged over <see cref="ChartLayout.Base"/>.</summary>
    [Parameter] public object? Layout { get; set; }

    [Parameter] public int Height { get; set; } = 300;

    /// <summary>Accessible name of the chart.</summary>
    [Parameter] public string Title { get; set; } = "";

    [Parameter] public string? TestId { get; set; }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (ReferenceEquals(_drawnTraces, Traces) && ReferenceEquals(_drawnLayout, Layout)) return;
        // Marked as drawn before the first await: a render that lands while the module loads must not draw twice.
        _drawnTraces = Traces;
        _drawnLayout = Layout;
        try
        {
            _module ??= await JS.InvokeAsync<IJSObjectReference>("import", "./js/plotlyChart.js");
            await _module.InvokeVoidAsync("render", _element, Traces, ChartLayout.Merge(Layout, Height));
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone (tab closed): nothing left to draw on.
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_module is null) return;
        try
        {
            await _module.InvokeVoidAsync("purge", _element);
            await _module.DisposeAsync();
        }
        catch (JSDisconnectedException)
        {
        }
    }
}
