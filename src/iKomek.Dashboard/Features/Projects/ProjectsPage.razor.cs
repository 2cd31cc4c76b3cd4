using IKomek.Dashboard.Components.Charts;
using IKomek.Dashboard.Platform.Database;
using IKomek.Dashboard.Platform.Localization;
using Microsoft.AspNetCore.Components;
using Plotly.Blazor;
using IKomek.Dashboard.Platform.City;

namespace IKomek.Dashboard.Features.Projects;

public sealed partial class ProjectsPage : ComponentBase
{
    private static readonly string[] Groups = ["roads", "construction", "engineering", "improvement", "social"];
    private static readonly (string Status, string Color)[] Statuses =
        [("completed", ChartLayout.Palette.Green), ("active", ChartLayout.Palette.Sky), ("delayed", ChartLayout.Palette.Amber), ("planned", ChartLayout.Palette.Grey), ("archived", ChartLayout.Palette.Slate)];

    private IReadOnlyList<ProjectRow>? _rows;
    private CityReference.Snapshot? _reference;
    private IList<ITrace> _traces = [];
    private Plotly.Blazor.Layout? _layout;

    [Inject] private ProjectsQueries Queries { get; set; } = default!;
    [Inject] private CityReference Reference { get; set; } = default!;
    [Inject] private Texts T { get; set; } = default!;

    /// <summary>Filter and sort by the name in the reader's language.</summary>
    private System.Linq.Expressions.Expression<Func<ProjectRow, string>> NameProperty => T.Language switch
    {
        "kk" => p => p.NameKk,
        "en" => p => p.NameEn,
        _ => p => p.NameRu,
    };

    protected override async Task OnInitializedAsync()
    {
        _reference = await Reference.GetAsync();
        _rows = await Queries.GetProjectsAsync();
        var groupNames = Groups.Select(g => T["group." + g]).ToArray();
        _traces =
        [
            .. Statuses.Select(s => Traces.HorizontalBars(T["pstatus." + s.Status], groupNames,
                Groups.Select(g => _rows.Count(p => p.ProjectGroup == g && p.Status == s.Status)), s.Color)),
        ];
        _layout = ChartLayout.Base();
        _layout.BarMode = Plotly.Blazor.LayoutLib.BarModeEnum.Stack;
    }

    private string Department(int id) => _reference?.Departments.GetValueOrDefault(id)?.Name(T) ?? "";
}
