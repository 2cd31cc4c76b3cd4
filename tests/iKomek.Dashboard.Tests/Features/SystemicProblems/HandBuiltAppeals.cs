using Dapper;
using Npgsql;
using IKomek.Dashboard.Tests.Infrastructure;

namespace IKomek.Dashboard.Tests.Features.SystemicProblems;

/// <summary>Appeals written by hand into a demo city, at places outside it (no background appeals there).</summary>
internal static class HandBuiltAppeals
{
    /// <summary>Appeals of one service type at one building at the given times, from a few residents.</summary>
    public static async Task AddAsync(NpgsqlDataSource db, string tag, string typeCode, double lat, double lon, IEnumerable<DateTime> times, int residents = 5,
        string description = "Тестовое обращение")
    {
        const string sql = """
            INSERT INTO appeals (reg_number, created_at, channel_id, service_type_id, area_id, district_id, department_id, citizen_id,
                                 language, description, address, lat, lon, status, sla_due_at)
            SELECT 'TEST-' || @tag || '-' || x.n, x.t, 1, st.id, st.area_id, 1, st.department_id, 990000000 + x.n % @residents,
                   'ru', @description, 'ул. Тестовая, ' || @tag, @lat, @lon, 'closed', x.t + interval '7 days'
            FROM unnest(@times::timestamptz[]) WITH ORDINALITY AS x (t, n)
            JOIN service_types st ON st.code = @typeCode
            """;
        await using var conn = await db.OpenConnectionAsync();
        await conn.ExecuteAsync(sql, new { tag, typeCode, lat, lon, residents, description, times = times.Select(t => DateTime.SpecifyKind(t, DateTimeKind.Utc)).ToArray() });
    }

    /// <summary>Copies of the city's own appeals (every fourth, or only one type's) placed at one building.</summary>
    public static async Task CopyCityAsync(NpgsqlDataSource db, string tag, double lat, double lon, string? onlyTypeCode = null)
    {
        const string sql = """
            INSERT INTO appeals (reg_number, created_at, channel_id, service_type_id, area_id, district_id, department_id, citizen_id,
                                 language, description, address, lat, lon, status, sla_due_at)
            SELECT 'TEST-' || @tag || '-' || a.id, a.created_at, a.channel_id, a.service_type_id, a.area_id, a.district_id, a.department_id,
                   a.citizen_id, a.language, a.description, 'ул. Тестовая, ' || @tag, @lat, @lon, 'closed', a.sla_due_at
            FROM appeals a JOIN service_types st ON st.id = a.service_type_id
            WHERE a.id % 4 = 0 AND a.lat IS NOT NULL AND a.duplicate_of IS NULL AND a.reg_number NOT LIKE 'TEST-%'
              AND (@onlyTypeCode::text IS NULL OR st.code = @onlyTypeCode)
            """;
        await using var conn = await db.OpenConnectionAsync();
        await conn.ExecuteAsync(sql, new { tag, lat, lon, onlyTypeCode });
    }

    /// <summary>The current problem of the type found within 800 m of the point, if any.</summary>
    public static async Task<(long Id, decimal Recurrence, int AppealsCount, string Status)?> ProblemNearAsync(NpgsqlDataSource db, string typeCode, double lat, double lon)
    {
        const string sql = """
            SELECT p.id, p.recurrence, p.appeals_count, p.status
            FROM systemic_problems p JOIN service_types st ON st.id = p.service_type_id
            WHERE st.code = @typeCode AND p.is_current AND mining_distance(p.lat, p.lon, @lat, @lon) < 800
            ORDER BY p.score DESC LIMIT 1
            """;
        await using var conn = await db.OpenConnectionAsync();
        return await conn.QuerySingleOrDefaultAsync<(long, decimal, int, string)?>(sql, new { typeCode, lat, lon });
    }

    /// <summary>Monday 10:00 UTC of the week <paramref name="weeksAgo"/> weeks before this one.</summary>
    public static DateTime WeekStart(int weeksAgo)
    {
        var today = TestClock.UtcNow.Date;
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        return monday.AddDays(-7 * weeksAgo).AddHours(5);
    }
}
