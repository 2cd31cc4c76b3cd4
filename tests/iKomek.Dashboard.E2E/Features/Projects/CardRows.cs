using Dapper;
using Npgsql;

namespace IKomek.Dashboard.E2E.Features.Projects;

/// <summary>Rows the card's browser and HTTP tests add to the running app's city: photos and milestones of one project.</summary>
internal static class CardRows
{
    /// <summary>A 160x120 PNG (sky, ground, a building), small and real enough for a browser to draw.</summary>
    public static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAKAAAAB4CAIAAAD6wG44AAABDElEQVR42u3RsREAEBAAQSWKxWKxSlSiJnVIdWC8nbkKblOfS4FLFgAWYAEWYAEWYAEGLMACLMACLMACDFiABViABViABViAAQuwAAuwAAuwQgCXUq8EGDBgwIABAwYMGDBgwIABAwYMGDBgwIABAwYMGDBgwIABAwYMGDBgwIABAwYMGDBgwIABAwYMGDBgwIABAwYMGDBgwIABAwYM+E/gNvJz3QJ+8RVgwIABAwYMGDBgwIABAwYMGDBgwIABAwYMGDBgwIABAwYMGDBgwIABAwYMGDBgwIABAwYMGDBgwIABAwYcA1iABRiwAAuwAAuwAAswYAEWYAEWYAEWYMAuABZgARZgARZgHW19w6k2RWtgqQAAAABJRU5ErkJggg==");

    /// <summary>A photo of the project with that code; its id.</summary>
    public static async Task<int> PhotoAsync(NpgsqlDataSource db, string code, string caption)
    {
        const string sql = """
            INSERT INTO project_photos (project_id, taken_on, caption, content_type, width, height, image, thumbnail, uploaded_at, uploaded_by)
            SELECT id, city_today(), @caption, 'image/png', 160, 120, @png, @png, city_now(), 'project.office' FROM projects WHERE code = @code
            RETURNING id
            """;
        await using var conn = await db.OpenConnectionAsync();
        return await conn.ExecuteScalarAsync<int>(sql, new { code, caption, png = Png });
    }

    /// <summary>A milestone of the project not done yet; its id.</summary>
    public static async Task<int> MilestoneAsync(NpgsqlDataSource db, string code, string name)
    {
        const string sql = """
            INSERT INTO project_milestones (project_id, name, due_date)
            SELECT id, @name, city_today() + 30 FROM projects WHERE code = @code RETURNING id
            """;
        await using var conn = await db.OpenConnectionAsync();
        return await conn.ExecuteScalarAsync<int>(sql, new { code, name });
    }

    public static async Task MarkDoneAsync(NpgsqlDataSource db, int milestoneId)
    {
        await using var conn = await db.OpenConnectionAsync();
        await conn.ExecuteAsync("UPDATE project_milestones SET done_date = city_today() WHERE id = @milestoneId", new { milestoneId });
    }

    /// <summary>The code of a project that is (or is not) public.</summary>
    public static async Task<string> CodeAsync(NpgsqlDataSource db, bool isPublic)
    {
        await using var conn = await db.OpenConnectionAsync();
        return await conn.ExecuteScalarAsync<string>("SELECT code FROM projects WHERE is_public = @isPublic ORDER BY id LIMIT 1", new { isPublic })
            ?? throw new InvalidOperationException($"the demo city has no project with is_public = {isPublic}");
    }
}
