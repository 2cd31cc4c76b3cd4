using IKomek.Dashboard.Platform.Access;
using IKomek.Dashboard.Platform.Audit;
using IKomek.Dashboard.Platform.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace IKomek.Dashboard.Features.CitySystems.Intake;

/// <summary>
/// A system's CSV import (/systems/{code}/import), for whoever imports appeals (<see cref="CityAction.ImportAppeals"/>,
/// checked again on the server when the import starts): the file's columns, the summary and the report of refused rows
/// (the appeals' import's grid and download).
/// </summary>
public sealed partial class SystemsImportPage : ComponentBase
{
    [Parameter] public string Code { get; set; } = "";

    [Inject] private SystemsCsvImport Importer { get; set; } = default!;
    [Inject] private SystemCatalogue Catalogue { get; set; } = default!;
    [Inject] private CityAccess Access { get; set; } = default!;
    [Inject] private ReaderAddress Address { get; set; } = default!;
    [Inject] private Texts T { get; set; } = default!;

    private CitySystem? _system;
    private bool _loaded, _running;
    private IBrowserFile? _file;
    private string? _error;
    private SystemsCsvResult? _result;

    protected override async Task OnParametersSetAsync()
    {
        _system = await Catalogue.FindAsync(Code);
        _loaded = true;
    }

    private static string Columns(CitySystem system) => string.Join(";",
        new[] { "source_id" }.Concat(system.IsFeed ? ["observed_at"] : []).Concat(system.PlacedByDistrict ? ["district"] : ["lat", "lon"])
            .Concat(system.Fields.Where(f => system.IsFeed || !f.IsReading).Select(f => f.Name)));

    private void OnFileChosen(IBrowserFile? file)
    {
        if (file is null) return;
        _result = null;
        _error = file.Size > SystemsCsvImport.MaxFileBytes ? T.Format("systems.import.tooLarge", SystemsCsvImport.MaxFileBytes / 1048576) : null;
        _file = _error is null ? file : null;
    }

    private async Task StartAsync()
    {
        if (_file is not { } file || _system is not { } system) return;
        var user = await Access.UserAsync();
        if (!user.May(CityAction.ImportAppeals))
        {
            _error = T["access.denied"];
            return;
        }
        (_error, _result, _running) = (null, null, true);
        try
        {
            await using var stream = file.OpenReadStream(SystemsCsvImport.MaxFileBytes);
            var result = await Importer.ImportAsync(system, stream, file.Name, Actor.Of(user, Address.Value));
            if (result.FileError is { } why) _error = T["systems.import.fileError"] + ": " + why;
            else _result = result;
        }
        catch (Exception e) when (e is IOException or Npgsql.NpgsqlException or Microsoft.JSInterop.JSException or OperationCanceledException)
        {
            // The batches stored before the upload broke off stay: importing the file again adds only the rest.
            _error = T["systems.import.fileError"] + ": " + e.Message;
        }
        finally
        {
            _running = false;
        }
    }
}
