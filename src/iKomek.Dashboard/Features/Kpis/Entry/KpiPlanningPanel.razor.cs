using IKomek.Dashboard.Platform.Access;
using IKomek.Dashboard.Platform.Audit;
using IKomek.Dashboard.Platform.Localization;
using Microsoft.AspNetCore.Components;

namespace IKomek.Dashboard.Features.Kpis.Entry;

public sealed partial class KpiPlanningPanel : ComponentBase
{
    private int? _kpiId;
    private string? _periodText, _targetText, _weightText;
    private decimal? _currentTarget;
    private bool _currentRead;
    private string? _message;
    private bool _ok;

    [Parameter, EditorRequired] public IReadOnlyList<KpiEntryRow> Rows { get; set; } = [];

    /// <summary>The page's month: a KPI picked here starts with its period that holds this month.</summary>
    [Parameter, EditorRequired] public KpiPeriod Month { get; set; }

    [Inject] private KpiPlanning Planning { get; set; } = default!;
    [Inject] private KpiEntryQueries Queries { get; set; } = default!;
    [Inject] private CityAccess Access { get; set; } = default!;
    [Inject] private ReaderAddress Address { get; set; } = default!;
    [Inject] private Texts T { get; set; } = default!;

    private KpiEntryRow? Kpi => Rows.FirstOrDefault(r => r.Id == _kpiId);

    private string CurrentTarget => !_currentRead ? T["kpientry.targetPeriodHint"]
        : _currentTarget is { } t ? T.Format("kpientry.targetNow", KpiNumber.Show(t)) : T["kpientry.targetNone"];

    private async Task PickAsync(int? kpiId)
    {
        _kpiId = kpiId;
        _message = null;
        _targetText = null;
        _weightText = Kpi is { } k ? KpiNumber.Show(k.Weight) : null;
        _periodText = Kpi?.Period.Code;
        await ReadTargetAsync();
    }

    private async Task ReadTargetAsync()
    {
        _currentRead = false;
        if (Kpi is { } k && KpiPeriod.Parse(_periodText) is { } period)
        {
            _currentTarget = await Queries.GetTargetAsync(k.Id, period);
            _currentRead = true;
        }
    }

    private Task SetTargetAsync() => RunAsync(async (editor, kpi) =>
    {
        if (KpiPeriod.Parse(_periodText) is not { } period) throw Refused("badPeriod", _periodText ?? "");
        if (KpiNumber.Parse(_targetText) is not { } target) throw Refused("target.notNumber", _targetText ?? "");
        await Planning.SetTargetAsync(kpi.Id, period, target, editor);
        await ReadTargetAsync();
        return T.Format("kpientry.targetSet", period.Label(T), KpiNumber.Show(target));
    });

    private Task SetWeightAsync() => RunAsync(async (editor, kpi) =>
    {
        if (KpiNumber.Parse(_weightText) is not { } weight) throw Refused("weight.notNumber", _weightText ?? "");
        await Planning.SetWeightAsync(kpi.Id, weight, editor);
        return T.Format("kpientry.weightSet", KpiNumber.Show(weight));
    });

    private async Task RunAsync(Func<KpiEditor, KpiEntryRow, Task<string>> act)
    {
        _message = null;
        if (Kpi is not { } kpi) return;
        if (KpiEditor.Of(await Access.UserAsync(), Address.Value) is not { ManagesKpis: true } editor)
        {
            (_message, _ok) = (T["access.denied"], false);
            return;
        }
        try
        {
            (_message, _ok) = (await act(editor, kpi), true);
        }
        catch (KpiEntryRejectedException e)
        {
            (_message, _ok) = (e.First.Text(T), false);
        }
    }

    private static KpiEntryRejectedException Refused(string code, string text) => new(new KpiRejection(code, text.Trim()));
}
