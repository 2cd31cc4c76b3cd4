using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using IKomek.Dashboard.Platform.City;
using IKomek.Dashboard.Platform.Exports;
using IKomek.Dashboard.Platform.Localization;

namespace IKomek.Dashboard.Features.Projects.OpenData;

/// <summary>
/// GET /open/projects.csv and /open/projects.json (?group=&amp;district=): the published projects for anyone, without
/// signing in. The field names are a contract (docs/open-data.md): add fields, never rename or drop one.
/// </summary>
public static class OpenDataEndpoints
{
    public const string PagePath = "/open/projects";

    private static readonly Texts T = new();

    public static readonly string[] CsvHeader =
    [
        "code", "name_ru", "name_kk", "name_en", "group", "district", "status", "deputy", "head", "department",
        "start_date", "planned_end_date", "forecast_end_date", "actual_start_date", "actual_end_date", "budget_kzt",
        "progress_pct", "scope", "area_ha", "storeys", "capacity", "capacity_unit", "lat", "lon", "photos",
    ];

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false, DefaultIgnoreCondition = JsonIgnoreCondition.Never };

    public static void MapOpenData(this WebApplication app) =>
        app.MapGet(PagePath + ".{format}", DownloadAsync).AllowAnonymous();

    public static async Task<IResult> DownloadAsync(string format, HttpContext http, OpenDataQueries queries, CityReference reference,
        AstanaClock clock, CancellationToken ct)
    {
        if (format is not ("csv" or "json")) return Results.NotFound();
        var filter = OpenDataFilter.From(http.Request.Query["group"], http.Request.Query["district"]);
        var snapshot = await reference.GetAsync(ct);
        if (filter.Error(snapshot.DistrictsByCode.Keys) is { } error)
            return Results.Text(T.Format(error.Key, error.Value), "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);

        var projects = await queries.GetProjectsAsync(filter, ct);
        var stem = $"astana-projects-{clock.Now:yyyyMMdd}";
        if (format == "json")
        {
            http.Response.Headers.ContentDisposition = $"inline; filename=\"{stem}.json\"";
            return Results.Json(new OpenDataJson(clock.Now, filter.Group, filter.District, projects.Count, projects.Select(OpenProjectJson.From).ToList()),
                Json, "application/json; charset=utf-8");
        }
        await ExportFile.WriteAsync(http, "csv", stem, CsvHeader, Rows(projects), ct);
        return Results.Empty;
    }

    private static async IAsyncEnumerable<string?[]> Rows(IReadOnlyList<OpenProject> projects)
    {
        foreach (var p in projects) yield return Fields(p);
        await Task.CompletedTask;
    }

    /// <summary>One project as the CSV's fields, in the order of <see cref="CsvHeader"/>; text cells are escaped by the writer.</summary>
    public static string?[] Fields(OpenProject p) =>
    [
        p.Code, p.NameRu, p.NameKk, p.NameEn, p.ProjectGroup, p.DistrictCode, p.Status, p.Deputy, p.ProjectHead, p.DepartmentCode,
        Date(p.StartDate), Date(p.PlannedEndDate), Date(p.ForecastEndDate), Date(p.ActualStartDate), Date(p.ActualEndDate),
        Number(p.BudgetKzt), Number(p.ProgressPct), p.Scope, Number(p.AreaHa), p.Storeys?.ToString(CultureInfo.InvariantCulture),
        Number(p.Capacity), p.CapacityUnit, p.Lat?.ToString("0.######", CultureInfo.InvariantCulture),
        p.Lon?.ToString("0.######", CultureInfo.InvariantCulture), string.Join(" ", p.Photos.Select(f => f.Url)),
    ];

    internal static string? Date(DateTime? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? Number(decimal? n) => n?.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The JSON download's envelope (docs/open-data.md).</summary>
public sealed record OpenDataJson(
    [property: JsonPropertyName("generated_at")] DateTimeOffset GeneratedAt,
    [property: JsonPropertyName("group")] string? Group,
    [property: JsonPropertyName("district")] string? District,
    [property: JsonPropertyName("count")] int Count,
    [property: JsonPropertyName("projects")] IReadOnlyList<OpenProjectJson> Projects);

public sealed record OpenProjectJson(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("name_ru")] string NameRu,
    [property: JsonPropertyName("name_kk")] string NameKk,
    [property: JsonPropertyName("name_en")] string NameEn,
    [property: JsonPropertyName("group")] string Group,
    [property: JsonPropertyName("district")] string? District,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("deputy")] string Deputy,
    [property: JsonPropertyName("head")] string Head,
    [property: JsonPropertyName("department")] string Department,
    [property: JsonPropertyName("start_date")] string? StartDate,
    [property: JsonPropertyName("planned_end_date")] string? PlannedEndDate,
    [property: JsonPropertyName("forecast_end_date")] string? ForecastEndDate,
    [property: JsonPropertyName("actual_start_date")] string? ActualStartDate,
    [property: JsonPropertyName("actual_end_date")] string? ActualEndDate,
    [property: JsonPropertyName("budget_kzt")] decimal BudgetKzt,
    [property: JsonPropertyName("progress_pct")] decimal ProgressPct,
    [property: JsonPropertyName("scope")] string Scope,
    [property: JsonPropertyName("area_ha")] decimal? AreaHa,
    [property: JsonPropertyName("storeys")] short? Storeys,
    [property: JsonPropertyName("capacity")] decimal? Capacity,
    [property: JsonPropertyName("capacity_unit")] string? CapacityUnit,
    [property: JsonPropertyName("lat")] double? Lat,
    [property: JsonPropertyName("lon")] double? Lon,
    [property: JsonPropertyName("results")] IReadOnlyList<OpenResultJson> Results,
    [property: JsonPropertyName("photos")] IReadOnlyList<OpenPhotoJson> Photos)
{
    public static OpenProjectJson From(OpenProject p) => new(
        p.Code, p.NameRu, p.NameKk, p.NameEn, p.ProjectGroup, p.DistrictCode, p.Status, p.Deputy, p.ProjectHead, p.DepartmentCode,
        OpenDataEndpoints.Date(p.StartDate), OpenDataEndpoints.Date(p.PlannedEndDate), OpenDataEndpoints.Date(p.ForecastEndDate),
        OpenDataEndpoints.Date(p.ActualStartDate), OpenDataEndpoints.Date(p.ActualEndDate), p.BudgetKzt, p.ProgressPct, p.Scope,
        p.AreaHa, p.Storeys, p.Capacity, p.CapacityUnit, p.Lat, p.Lon,
        p.Results.Select(r => new OpenResultJson(r.Kind, r.NameRu, r.NameKk, r.NameEn, r.Unit, r.Planned, r.Achieved)).ToList(),
        p.Photos.Select(f => new OpenPhotoJson(OpenDataEndpoints.Date(f.TakenOn)!, f.Caption, f.Url, f.ThumbnailUrl)).ToList());
}

public sealed record OpenResultJson(
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("name_ru")] string NameRu,
    [property: JsonPropertyName("name_kk")] string NameKk,
    [property: JsonPropertyName("name_en")] string NameEn,
    [property: JsonPropertyName("unit")] string Unit,
    [property: JsonPropertyName("planned")] decimal Planned,
    [property: JsonPropertyName("achieved")] decimal? Achieved);

public sealed record OpenPhotoJson(
    [property: JsonPropertyName("taken_on")] string TakenOn,
    [property: JsonPropertyName("caption")] string Caption,
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("thumbnail_url")] string ThumbnailUrl);
