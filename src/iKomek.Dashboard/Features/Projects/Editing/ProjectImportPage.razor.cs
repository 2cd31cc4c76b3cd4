using IKomek.Dashboard.Platform.Access;
using IKomek.Dashboard.Platform.Audit;
using IKomek.Dashboard.Platform.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace IKomek.Dashboard.Features.Projects.Editing;

/// <summary>The project office's CSV import: a file in, its summary and rejected rows out; and the three exports.</summary>
public sealed partial class ProjectImportPage : ComponentBase
{
    public const long MaxFileBytes = 20L * 1024 * 1024;

    private IBrowserFile? _file;
    private bool _running;
    private string? _error;
    private ProjectImportResult? _result;

    [Inject] private ProjectImporter Importer { get; set; } = default!;
    [Inject] private CityAccess Access { get; set; } = default!;
    [Inject] private ReaderAddress Address { get; set; } = default!;
    [Inject] private Texts T { get; set; } = default!;

    private void OnFileChosen(IBrowserFile? file)
    {
        if (file is null) return;
        _error = file.Size > MaxFileBytes ? T.Format("editing.import.tooLarge", MaxFileBytes / 1048576) : null;
        _file = _error is null ? file : null;
    }

    private async Task StartAsync()
    {
        if (_file is not { } file) return;
        if (await EditingActor.OfAsync(Access, Address) is not { } actor)
        {
            _error = T["editing.error.denied"];
            return;
        }
        _running = true;
        _error = null;
        _result = null;
        try
        {
            await using var stream = file.OpenReadStream(MaxFileBytes);
            _result = await Importer.ImportAsync(stream, file.Name, actor);
            if (_result.FileError is { } e)
                _error = T["editing.import.fileError"] + ": " + EditingTexts.Message(T, e.Code, e.Args);
        }
        catch (IOException e)
        {
            _error = T["editing.import.fileError"] + ": " + e.Message;
        }
        finally
        {
            _running = false;
        }
    }
}
