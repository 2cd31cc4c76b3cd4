using System.Globalization;
using IKomek.Dashboard.Platform.Access;
using IKomek.Dashboard.Platform.Audit;
using IKomek.Dashboard.Platform.Changes;
using IKomek.Dashboard.Platform.City;
using IKomek.Dashboard.Platform.Localization;
using Microsoft.AspNetCore.Components;

namespace IKomek.Dashboard.Features.Kpis.Entry;

/// <summary>
/// Entry of KPI values (/kpis/entry): a department head the own department's, the planning office and administrators
/// any department's, for a month chosen in the URL (?month=2026-03&amp;department=7). The planning office also closes
/// and reopens the month and sets targets and weights here. Live: a value saved or a month closed elsewhere redraws it.
/// </summary>
public sealed partial class KpiEntryPage : ComponentBase, IDisposable
{
    /// <summary>The roles of CityAction.EnterKpiValues: the others are sent to sign in (the handlers check again).</summary>
    public const string Roles = CityRoles.Admin + "," + CityRoles.PlanningOffice + "," + CityRoles.DepartmentHead;

    /// <summary>How far back the month list goes: three years, the demo city's and the planning office's horizon.</summary>
    private const int MonthsBack = 36;

    private KpiEditor? _editor;
    private CityReference.Snapshot? _reference;
    private KpiPeriod _month;
    private int? _department;
    private IReadOnlyList<KpiPeriod> _months = [];
    private IReadOnlyList<(int Id, string Name)> _departments = [];
    private IReadOnlyList<KpiEntryRow>? _rows;
    private KpiClosedMonth? _closed;
    private int _reads;
    private string? _periodError;
    private LiveSubscription? _live;

    [SupplyParameterFromQuery(Name = "month")] public string? MonthQuery { get; set; }
    [SupplyParameterFromQuery(Name = "department")] public int? DepartmentQuery { get; set; }

    [Inject] private KpiEntryQueries Queries { get; set; } = default!;
    [Inject] private KpiPlanning Planning { get; set; } = default!;
    [Inject] private CityReference Reference { get; set; } = default!;
    [Inject] private CityAccess Access { get; set; } = default!;
    [Inject] private ReaderAddress Address { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;
    [Inject] private ChangeFeed Feed { get; set; } = default!;
    [Inject] private NavigationManager Nav { get; set; } = default!;
    [Inject] private ILogger<KpiEntryPage> Log { get; set; } = default!;
    [Inject] private Texts T { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        _editor = KpiEditor.Of(await Access.UserAsync(), Address.Value);
        _reference ??= await Reference.GetAsync();
        _departments = _reference.Departments.Values.Select(d => (d.Id, d.Name(T))).OrderBy(d => d.Item2, StringComparer.CurrentCulture).ToList();
        var thisMonth = KpiPeriod.Containing(KpiPeriod.Month, new AstanaClock(Time).Today);
        _months = Enumerable.Range(0, MonthsBack).Select(i => new KpiPeriod(KpiPeriod.Month, thisMonth.Start.AddMonths(-i))).ToList();
        _month = KpiPeriod.Parse(MonthQuery) is { Kind: KpiPeriod.Month } asked && asked.Start <= thisMonth.Start ? asked : thisMonth;
        // A department head's own department, whatever the URL asks.
        _department = _editor?.OwnDepartment ?? DepartmentQuery;
        if (_editor is null) return;
        await ReloadAsync();
        _live ??= new LiveSubscription(Feed, change => change.Kind == "kpis", RedrawAsync, InvokeAsync, DispatchExceptionAsync, Log);
    }

    private async Task RedrawAsync()
    {
        await ReloadAsync();
        StateHasChanged();
    }

    private async Task ReloadAsync()
    {
        // A live redraw and a reload after closing the month may overlap: only the read begun last is shown,
        // so the sheet and the month's lock never come from different moments.
        var read = ++_reads;
        var rows = await Queries.GetSheetAsync(_month.Start, _department);
        var closed = (await Queries.GetClosedMonthsAsync()).FirstOrDefault(c => DateOnly.FromDateTime(c.Month) == _month.Start);
        if (read != _reads) return;
        _rows = rows;
        _closed = closed;
    }

    private Task GoAsync(string? month, int? department)
    {
        _periodError = null;
        Nav.NavigateTo(Nav.GetUriWithQueryParameters(new Dictionary<string, object?>
        {
            ["month"] = month, ["department"] = _editor?.OwnDepartment is null ? department : null,
        }));
        return Task.CompletedTask;
    }

    private Task CloseMonthAsync() => ChangeMonthAsync((editor, month) => Planning.CloseMonthAsync(month, editor));

    private Task ReopenMonthAsync() => ChangeMonthAsync((editor, month) => Planning.ReopenMonthAsync(month, editor));

    private async Task ChangeMonthAsync(Func<KpiEditor, DateOnly, Task> change)
    {
        _periodError = null;
        // The circuit's current user, checked again in KpiPlanning (ManagesKpis).
        if (KpiEditor.Of(await Access.UserAsync(), Address.Value) is not { } editor)
        {
            _periodError = T["access.denied"];
            return;
        }
        try
        {
            await change(editor, _month.Start);
        }
        catch (KpiEntryRejectedException e)
        {
            _periodError = e.First.Text(T);
        }
        await ReloadAsync();
    }

    private string DepartmentName(int id) => _reference?.Departments.GetValueOrDefault(id)?.Name(T) ?? id.ToString(CultureInfo.InvariantCulture);

    private static string Local(DateTime utc) => AstanaClock.ToLocal(utc).ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture);

    public void Dispose() => _live?.Dispose();
}
