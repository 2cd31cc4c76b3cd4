using IKomek.Dashboard.Data;
using IKomek.Dashboard.Localization;
using Microsoft.AspNetCore.Components;

namespace IKomek.Dashboard.Features.Projects;

public sealed partial class ProjectsPage : ComponentBase
{
    private static readonly string[] Groups = ["roads", "construction", "engineering", "improvement", "social"];
    private static readonly (string Status, string Color)[] Statuses =
        [("completed", "#2e9d5b"), ("active", "#0a84c6"), ("delayed", "#e6a100"), ("planned", "#9aa7b4"), ("archived", "#5c6f82")];

    private IReadOnlyList<ProjectRow>? _rows;
    private CityReference.Snapshot? _reference;
    private object[] _traces = [];
    private object? _layout;

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
        _traces = Statuses.Select(s => (object)new
        {
            type = "bar", orientation = "h", name = T["pstatus." + s.Status], y = groupNames,
            x = Groups.Select(g => _rows.Count(p => p.ProjectGroup == g && p.Status == s.Status)),
            marker = new { color = s.Color },
        }).ToArray();
        _layout = new { barmode = "stack" };
    }

    private string Department(int id) => _reference?.Departments.GetValueOrDefault(id)?.Name(T) ?? "";
}
