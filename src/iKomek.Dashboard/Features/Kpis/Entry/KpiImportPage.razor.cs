using System.Globalization;
using IKomek.Dashboard.Platform.Access;
using IKomek.Dashboard.Platform.Audit;
using IKomek.Dashboard.Platform.City;
using IKomek.Dashboard.Platform.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace IKomek.Dashboard.Features.Kpis.Entry;

/// <summary>
/// CSV import of KPI values (/kpis/import): the planning office for any department, a department head for the own
/// department's KPIs (other rows refused one by one). The report lists each refused row with its reason, and gives
/// them back as a file to fix and import again.
/// </summary>
public sealed partial class KpiImportPage : ComponentBase
{
    /// <summary>The rows the page lists; the file of refused rows holds them all.</summary>
    private const int MaxShown = 200;

    private KpiEditor? _editor;
    private CityReference.Snapshot? _reference;
    private IBrowserFile? _file;
    private bool _running;
    private string? _error;
    private KpiImportResult? _result;

    [Inject] private KpiValueImporter Importer { get; set; } = default!;
    [Inject] private CityReference Reference { get; set; } = default!;
    [Inject] private CityAccess Access { get; set; } = default!;
    [Inject] private ReaderAddress Address { get; set; } = default!;
    [Inject] private Texts T { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _editor = KpiEditor.Of(await Access.UserAsync(), Address.Value);
        _reference = await Reference.GetAsync();
    }

    private void OnFileChosen(IBrowserFile? file)
    {
        if (file is null) return;
        _result = null;
        _error = file.Size > KpiValueImporter.MaxFileBytes ? T.Format("kpientry.import.tooLarge", KpiValueImporter.MaxFileBytes / 1048576) : null;
        _file = _error is null ? file : null;
    }

    private async Task StartAsync()
    {
        if (_file is not { } file) return;
        // The circuit's current user: a department head's rows of other departments are refused row by row.
        if (KpiEditor.Of(await Access.UserAsync(), Address.Value) is not { } editor)
        {
            _error = T["access.denied"];
            return;
        }
        (_error, _result, _running) = (null, null, true);
        try
        {
            await using var stream = file.OpenReadStream(KpiValueImporter.MaxFileBytes);
            var result = await Importer.ImportAsync(stream, editor);
            if (result.FileError is { } fileError) _error = T["kpientry.import.fileError"] + ": " + fileError.Text(T);
            else _result = result;
        }
        catch (Exception e) when (e is IOException or Npgsql.NpgsqlException or Microsoft.JSInterop.JSException or OperationCanceledException)
        {
            // Rows saved before the upload broke off stay: each row is its own transaction.
            _error = T["kpientry.import.fileError"] + ": " + e.Message;
        }
        finally
        {
            _running = false;
        }
    }

    private string RejectsHref(KpiImportResult result) =>
        "data:text/csv;charset=utf-8;base64," + Convert.ToBase64String(KpiValueImporter.RejectsFile(result.Errors, e => e.Rejection.Text(T)));

    private string DepartmentName(int id) => _reference?.Departments.GetValueOrDefault(id)?.Name(T) ?? id.ToString(CultureInfo.InvariantCulture);
}
