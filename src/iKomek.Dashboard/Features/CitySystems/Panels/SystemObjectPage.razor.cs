using System.Security.Claims;
using System.Text.Json;
using IKomek.Dashboard.Components.Charts;
using IKomek.Dashboard.Platform.Access;
using IKomek.Dashboard.Platform.Audit;
using IKomek.Dashboard.Platform.City;
using IKomek.Dashboard.Platform.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Plotly.Blazor;

namespace IKomek.Dashboard.Features.CitySystems.Panels;

/// <summary>One object of a system: its attributes and, for a feed, its latest readings and a chart of its first
/// numeric field. A personal system's record opens only for a reader with the right, and each opening is audited.</summary>
public sealed partial class SystemObjectPage : ComponentBase
{
    private SystemStatus? _system;
    private ObjectRow? _object;
    private bool _notFound, _hidden, _personal;
    private IReadOnlyList<SystemField> _visible = [], _readingFields = [];
    private SystemField? _chartField;
    private IReadOnlyList<Reading> _readings = [];
    private IList<ITrace> _traces = [];
    private Layout _layout = ChartLayout.Base();
    private DateTimeOffset _asOf;
    private IReadOnlyDictionary<int, string> _districtNames = new Dictionary<int, string>();

    [Parameter] public string Code { get; set; } = "";
    [Parameter] public string SourceId { get; set; } = "";

    [CascadingParameter] private Task<AuthenticationState>? Authentication { get; set; }
    [Inject] private PanelsQueries Queries { get; set; } = default!;
    [Inject] private PersonalView Personal { get; set; } = default!;
    [Inject] private ReaderAddress Address { get; set; } = default!;
    [Inject] private CityReference Reference { get; set; } = default!;
    [Inject] private Texts T { get; set; } = default!;
    [Inject] private AstanaClock Clock { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        var user = await Authentication.UserAsync();
        var reference = await Reference.GetAsync();
        _districtNames = reference.Districts.ToDictionary(d => d.Key, d => d.Value.Name(T));
        _system = await Queries.GetSystemAsync(Code);
        if (_system is not { } s)
        {
            _notFound = true;
            return;
        }
        // Checked before the record is read: a reader without the right learns nothing, not even whether it exists.
        if (!PersonalView.ShowsRecords(s, user))
        {
            _hidden = true;
            return;
        }
        var found = await Queries.GetObjectAsync(Code, SourceId);
        _notFound = found is null;
        if (found is not { } o) return;
        var fields = await Queries.GetFieldsAsync(Code);
        _personal = s.Personal || fields.Any(f => f.Personal);
        _visible = PersonalView.Visible(fields, user);
        _readingFields = [.. _visible.Where(f => f.Scope == "reading")];
        if (s.IsFeed)
        {
            _readings = await Queries.GetReadingsAsync(o.Id);
            _chartField = _readingFields.FirstOrDefault(f => f.IsNumeric);
            if (_chartField is { } f)
            {
                var points = _readings.Select(r => (At: AstanaClock.ToLocal(r.ObservedAt).DateTime, V: ValueOf(r, f.Name)))
                    .Where(p => p.V is { ValueKind: JsonValueKind.Number }).OrderBy(p => p.At).ToList();
                _traces = [Traces.Line(f.Label(T), points.Select(p => p.At), points.Select(p => p.V!.Value.GetDouble()))];
                _layout = ChartLayout.Base();
                _layout.XAxis = [ChartLayout.DateAxis("%d.%m %H:%M")];
            }
        }
        _asOf = Clock.Now;
        // A personal record is recorded as seen before it can be shown.
        await Personal.RecordAsync(s, fields, user, Address.Value, o.SourceId, new { system = s.Code });
        _object = o;
    }

    private static JsonElement? ValueOf(Reading r, string field)
    {
        using var doc = JsonDocument.Parse(r.Vals);
        return doc.RootElement.TryGetProperty(field, out var v) ? v.Clone() : null;
    }
}
