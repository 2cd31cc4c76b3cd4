using System.Globalization;
using IKomek.Dashboard.Platform.Access;
using IKomek.Dashboard.Platform.Audit;
using IKomek.Dashboard.Platform.City;
using IKomek.Dashboard.Platform.Localization;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace IKomek.Dashboard.Features.Kpis.Entry;

public sealed partial class KpiEntryForm : ComponentBase
{
    private static readonly InputMode DecimalKeys = InputMode.@decimal;

    // What the reader typed, by KPI, until it is saved; a reload of the rows (a change elsewhere) keeps it.
    private readonly Dictionary<int, string> _drafts = [];
    private readonly Dictionary<int, string> _errors = [];
    private string? _message;
    private bool _ok;
    private bool _saving;

    [Parameter, EditorRequired] public IReadOnlyList<KpiEntryRow> Rows { get; set; } = [];

    /// <summary>The rows are of several departments: each names its own.</summary>
    [Parameter] public bool ShowDepartment { get; set; }

    [Parameter] public Func<int, string> DepartmentName { get; set; } = id => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>After a save that changed values: the page reads the rows again.</summary>
    [Parameter] public EventCallback Saved { get; set; }

    [Inject] private KpiValueEntry Entry { get; set; } = default!;
    [Inject] private CityAccess Access { get; set; } = default!;
    [Inject] private ReaderAddress Address { get; set; } = default!;
    [Inject] private Texts T { get; set; } = default!;

    private int Changed => _drafts.Count;

    private string? Draft(KpiEntryRow k) => _drafts.GetValueOrDefault(k.Id);

    private void SetDraft(KpiEntryRow k, string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) _drafts.Remove(k.Id);
        else _drafts[k.Id] = text;
        _errors.Remove(k.Id);
        _message = null;
    }

    /// <summary>Checks every typed value, then saves them all in one go; a value refused refuses the save.</summary>
    private async Task SaveAsync()
    {
        _errors.Clear();
        _message = null;
        // Decided on the server, from the circuit's current user: not from what the page showed.
        if (KpiEditor.Of(await Access.UserAsync(), Address.Value) is not { } editor)
        {
            (_message, _ok) = (T["access.denied"], false);
            return;
        }
        var rows = Rows.Where(r => _drafts.ContainsKey(r.Id)).ToList();
        var inputs = new List<KpiValueInput>();
        foreach (var row in rows)
        {
            var text = _drafts[row.Id];
            if (KpiNumber.Parse(text) is not { } value) _errors[row.Id] = new KpiRejection("notNumber", text.Trim()).Text(T);
            else if (KpiValueEntry.OutOfRange(value, row.Unit, row.MinValue, row.MaxValue) is { } bad) _errors[row.Id] = bad.Text(T);
            else inputs.Add(new KpiValueInput(row.Id, row.Period, value));
        }
        if (_errors.Count == 0)
        {
            _saving = true;
            try
            {
                var result = await Entry.SaveAsync(inputs, editor, "entry");
                _drafts.Clear();
                (_message, _ok) = (T.Format("kpientry.saved", result.Changed), true);
                await Saved.InvokeAsync();
            }
            catch (KpiEntryRejectedException e)
            {
                foreach (var (index, rejection) in e.Rejections) _errors[inputs[index].KpiId] = rejection.Text(T);
            }
            finally
            {
                _saving = false;
            }
        }
        if (_errors.Count > 0) (_message, _ok) = (T.Format("kpientry.notSaved", _errors.Count), false);
    }

    private string? RangeHint(KpiEntryRow k) => KpiValueEntry.Range(k.Unit, k.MinValue, k.MaxValue) switch
    {
        ({ } lo, { } hi) => T.Format("kpientry.range", KpiNumber.Show(lo), KpiNumber.Show(hi)),
        ({ } lo, null) => T.Format("kpientry.atLeast", KpiNumber.Show(lo)),
        (null, { } hi) => T.Format("kpientry.atMost", KpiNumber.Show(hi)),
        _ => null,
    };

    /// <summary>The unit beside the input: "%", "дни", "тенге"...; none for a plain count (the line under the name says it).</summary>
    private string? UnitShort(string unit) => unit switch
    {
        "%" or "percent" => "%",
        "count" => null,
        _ => KpiUnits.Word(unit, T),
    };

    private static string Local(DateTime? utc) => utc is { } u ? AstanaClock.ToLocal(u).ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture) : "";
}
