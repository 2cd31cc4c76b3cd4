using IKomek.Dashboard.Platform.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using IKomek.Dashboard.Platform.Access;
using IKomek.Dashboard.Platform.Audit;

namespace IKomek.Dashboard.Features.Import;

/// <summary>
/// The upload page: a CSV file streamed from the browser straight into the importer (never whole in memory), its
/// progress while it runs, then the summary, the rejected rows and the recent runs.
/// </summary>
public sealed partial class ImportPage : ComponentBase
{
    public const long MaxFileBytes = 200L * 1024 * 1024;

    private IBrowserFile? _file;
    private string _fileName = "";
    private string _preset = "ours";
    private string? _mappingJson;
    private bool _running;
    private string? _error;
    private ImportProgress? _progress;
    private ImportResult? _result;
    private IReadOnlyList<ImportRun> _runs = [];

    [Inject] private AppealImporter Importer { get; set; } = default!;
    [Inject] private ImportQueries Queries { get; set; } = default!;
    [Inject] private Texts T { get; set; } = default!;
    [Inject] private CityAccess Access { get; set; } = default!;
    [Inject] private ImportRuns Runs { get; set; } = default!;

    protected override async Task OnInitializedAsync() => _runs = await Queries.GetRecentRunsAsync();

    private void OnFileChosen(IBrowserFile? file)
    {
        if (file is null) return;
        _file = file;
        _error = file.Size > MaxFileBytes ? T.Format("import.tooLarge", MaxFileBytes / 1048576) : null;
        if (_error is not null) _file = null;
    }

    private async Task StartAsync()
    {
        if (_file is not { } file) return;
        if (!await Access.MayAsync(CityAction.ImportAppeals))
        {
            _error = T["access.denied"];
            return;
        }
        ImportMapping mapping;
        try
        {
            mapping = string.IsNullOrWhiteSpace(_mappingJson) ? ImportMapping.ForPreset(_preset) : MappingFile.Parse(_mappingJson).Apply(_preset);
            mapping.Validate();
        }
        catch (ArgumentException e)
        {
            _error = T.Format("import.mappingError", e.Message);
            return;
        }
        _error = null;
        _result = null;
        _running = true;
        _fileName = file.Name;
        _progress = new ImportProgress(0, 0, 0, 0, 0);
        try
        {
            await using var stream = file.OpenReadStream(MaxFileBytes);
            var progress = new ThrottledProgress(p => InvokeAsync(() => { _progress = p; StateHasChanged(); }));
            // The run is the signed-in administrator's, by login and role (the audit log's actor).
            var actor = Actor.Of(await Access.UserAsync());
            _result = await Task.Run(() => Runs.RunAsync(stopping => Importer.ImportAsync(stream, file.Name, mapping, actor, progress, ct: stopping)));
            if (_result.FileError is { } fileError)
                _error = T["import.fileError"] + ": " + T.Format("import.file." + fileError.Code, fileError.Args);
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or IOException or InvalidOperationException or Microsoft.JSInterop.JSException or OperationCanceledException)
        {
            // The upload broke off or the database failed: the batches already committed stay, the run says how far it got.
            _error = T["import.fileError"] + ": " + e.Message;
        }
        finally
        {
            _running = false;
            _runs = await Queries.GetRecentRunsAsync();
        }
    }

    /// <summary>Redraws at most four times a second: a progress report per batch of rows would flood the circuit.</summary>
    private sealed class ThrottledProgress(Func<ImportProgress, Task> show) : IProgress<ImportProgress>
    {
        private long _lastTicks;

        public void Report(ImportProgress value)
        {
            var now = Environment.TickCount64;
            if (value.Fraction < 1 && now - Interlocked.Read(ref _lastTicks) < 250) return;
            Interlocked.Exchange(ref _lastTicks, now);
            _ = show(value);
        }
    }
}
