using Dapper;
using Npgsql;

namespace IKomek.Dashboard.Tests.Features.Projects.Card;

/// <summary>Rows a card test writes by hand into a demo city: a project moved to a place of its own, photos, results, appeals.</summary>
internal static class CardRows
{
    /// <summary>A 160x120 PNG (sky, ground, a building), small and real enough for a browser to draw.</summary>
    public static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAKAAAAB4CAIAAAD6wG44AAABDElEQVR42u3RsREAEBAAQSWKxWKxSlSiJnVIdWC8nbkKblOfS4FLFgAWYAEWYAEWYAEGLMACLMACLMACDFiABViABViABViAAQuwAAuwAAuwQgCXUq8EGDBgwIABAwYMGDBgwIABAwYMGDBgwIABAwYMGDBgwIABAwYMGDBgwIABAwYMGDBgwIABAwYMGDBgwIABAwYMGDBgwIABAwYM+E/gNvJz3QJ+8RVgwIABAwYMGDBgwIABAwYMGDBgwIABAwYMGDBgwIABAwYMGDBgwIABAwYMGDBgwIABAwYMGDBgwIABAwYcA1iABRiwAAuwAAuwAAswYAEWYAEWYAEWYMAuABZgARZgARZgHW19w6k2RWtgqQAAAABJRU5ErkJggg==");

    /// <summary>The code of the demo project with this rank by id (each test takes its own, so tests of a class do not meet).</summary>
    public static async Task<(int Id, string Code)> ProjectAsync(NpgsqlDataSource db, int rank)
    {
        await using var conn = await db.OpenConnectionAsync();
        return await conn.QuerySingleAsync<(int, string)>("SELECT id, code FROM projects ORDER BY id OFFSET @rank LIMIT 1", new { rank });
    }

    /// <summary>Moves the project to a place outside the city (no appeals there) with a known start, and sets its group's service types.</summary>
    public static async Task PlaceAsync(NpgsqlDataSource db, int projectId, double lat, double lon, DateTime start, params string[] typeCodes)
    {
        const string sql = """
            UPDATE projects SET lat = @lat, lon = @lon, start_date = @start::date, planned_end_date = greatest(planned_end_date, @start::date + 365)
            WHERE id = @projectId;
            DELETE FROM project_group_service_types WHERE project_group = (SELECT project_group FROM projects WHERE id = @projectId);
            INSERT INTO project_group_service_types (project_group, service_type_id)
            SELECT p.project_group, st.id FROM projects p CROSS JOIN service_types st WHERE p.id = @projectId AND st.code = ANY(@typeCodes);
            """;
        await using var conn = await db.OpenConnectionAsync();
        await conn.ExecuteAsync(sql, new { projectId, lat, lon, start, typeCodes });
    }

    /// <summary>One appeal of the service type at a point and time, with a phone number in its text.</summary>
    public static async Task AppealAsync(NpgsqlDataSource db, string regNumber, string typeCode, double lat, double lon, DateTime utc)
    {
        const string sql = """
            INSERT INTO appeals (reg_number, created_at, channel_id, service_type_id, area_id, district_id, department_id, citizen_id,
                                 language, description, address, lat, lon, status, sla_due_at)
            SELECT @regNumber, @utc, 1, st.id, st.area_id, 1, st.department_id, 990000001,
                   'ru', 'Шум ночью у стройки, перезвоните +7 701 234 5678', 'ул. Тестовая, 5, кв. 12', @lat, @lon, 'closed', @utc + interval '7 days'
            FROM service_types st WHERE st.code = @typeCode
            """;
        await using var conn = await db.OpenConnectionAsync();
        await conn.ExecuteAsync(sql, new { regNumber, typeCode, lat, lon, utc = DateTime.SpecifyKind(utc, DateTimeKind.Utc) });
    }

    /// <summary>A photo of the project; its id.</summary>
    public static async Task<int> PhotoAsync(NpgsqlDataSource db, int projectId, DateTime takenOn, string caption = "", byte[]? image = null, string contentType = "image/png")
    {
        const string sql = """
            INSERT INTO project_photos (project_id, taken_on, caption, content_type, width, height, image, thumbnail, uploaded_at, uploaded_by)
            VALUES (@projectId, @takenOn::date, @caption, @contentType, 160, 120, @image, @thumbnail, city_now(), 'project.office')
            RETURNING id
            """;
        await using var conn = await db.OpenConnectionAsync();
        return await conn.ExecuteScalarAsync<int>(sql, new { projectId, takenOn, caption, contentType, image = image ?? Png, thumbnail = Png });
    }
}
