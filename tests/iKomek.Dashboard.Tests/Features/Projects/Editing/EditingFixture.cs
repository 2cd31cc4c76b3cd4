using Dapper;
using IKomek.Dashboard.Features.Projects.Editing;
using IKomek.Dashboard.Platform.Audit;
using IKomek.Dashboard.Tests.Infrastructure;
using Npgsql;

namespace IKomek.Dashboard.Tests.Features.Projects.Editing;

/// <summary>The project office as the tests act, and a valid new project to spoil one field at a time.</summary>
internal static class EditingFixture
{
    public static readonly Actor Office = new("project.office", "project_office");

    public static ProjectEditor Editor(NpgsqlDataSource db) => new(db, TestClock.Create());

    public static ProjectParts Parts(NpgsqlDataSource db) => new(db, TestClock.Create());

    /// <summary>A project every rule accepts, in the demo city's first department, deputy and district.</summary>
    public static async Task<ProjectDraft> ValidAsync(NpgsqlDataSource db, string code)
    {
        await using var conn = await db.OpenConnectionAsync();
        var (department, deputy, district) = await conn.QuerySingleAsync<(int, int, int)>(
            "SELECT (SELECT min(id) FROM departments)::int, (SELECT min(id) FROM deputies)::int, (SELECT min(id) FROM districts)::int");
        return new ProjectDraft
        {
            Code = code, NameRu = "Школа на 1200 мест", NameKk = "1200 орындық мектеп", NameEn = "School for 1,200 pupils", Group = "social",
            DepartmentId = department, DeputyId = deputy, DistrictId = district, ProjectHead = "Ахметов Ерлан", Scope = "Трёхэтажное здание",
            Lat = 51.13, Lon = 71.43, StartDate = new DateTime(2026, 4, 1), PlannedEndDate = new DateTime(2027, 8, 31),
            BudgetKzt = 12_500_000_000m, SpentKzt = 0, ProgressPct = 0, Status = "planned", Storeys = 3, Capacity = 1200, CapacityUnit = "places",
        };
    }

    public static async Task<T> ScalarAsync<T>(NpgsqlDataSource db, string sql, object? args = null)
    {
        await using var conn = await db.OpenConnectionAsync();
        return (await conn.ExecuteScalarAsync<T>(sql, args))!;
    }
}
