using Dapper;
using Npgsql;

namespace IKomek.Dashboard.Tests.Features.Projects;

/// <summary>
/// Known risks planted in a test class's own copy of the demo city (its generated risks closed and its meetings removed,
/// so that every count below is hand-computed): two projects, one of the energy department under one deputy and one
/// of another department under another deputy. The city's today is 2026-03-31 (TestClock).
/// </summary>
public sealed record RiskSeed(int EnergyProject, string EnergyCode, int OtherProject, string OtherCode, int OtherDepartment, string OtherDeputy,
    int A, int B, int C, int D, int Closed)
{
    public const string EnergyDepartment = "energy";

    public static async Task<RiskSeed> PlantAsync(NpgsqlDataSource db)
    {
        await using var conn = await db.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        await conn.ExecuteAsync("""
            DELETE FROM akimat_meeting_items; DELETE FROM akimat_meetings;
            UPDATE project_risks SET is_open = false, to_meeting = false;
            """, transaction: tx);
        var (energy, energyCode, energyDeputy) = await conn.QuerySingleAsync<(int, string, int)>("""
            SELECT p.id, p.code, p.deputy_id::int FROM projects p JOIN departments d ON d.id = p.department_id
            WHERE d.code = 'energy' ORDER BY p.id LIMIT 1
            """, transaction: tx);
        var (other, otherCode, otherDepartment, otherDeputy) = await conn.QuerySingleAsync<(int, string, int, string)>("""
            SELECT p.id, p.code, p.department_id::int, dp.code FROM projects p JOIN departments d ON d.id = p.department_id
            JOIN deputies dp ON dp.id = p.deputy_id
            WHERE d.code <> 'energy' AND p.deputy_id <> @energyDeputy ORDER BY p.id LIMIT 1
            """, new { energyDeputy }, tx);
        async Task<int> Risk(int project, string kind, short severity, string? owner, string? due, bool toMeeting, string raised, bool open = true) =>
            await conn.ExecuteScalarAsync<int>("""
                INSERT INTO project_risks (project_id, title, severity, is_open, raised_on, kind, owner, due_date, to_meeting)
                VALUES (@project, 'Тест: ' || @kind || ' ' || @severity, @severity, @open, @raised::date, @kind, @owner, @due::date, @toMeeting)
                RETURNING id
                """, new { project, kind, severity, owner, due, toMeeting, raised, open }, tx);
        // Expected order: A (high, due 20.03), C (high, due 15.04), B (medium, no due date), D (low, due 01.03).
        var a = await Risk(energy, "issue", 3, "Исаев А. К.", "2026-03-20", true, "2026-01-10");
        var b = await Risk(energy, "risk", 2, null, null, false, "2026-02-01");
        var c = await Risk(other, "risk", 3, "Ким Л. В.", "2026-04-15", false, "2026-02-15");
        var d = await Risk(other, "issue", 1, "Омаров Е.", "2026-03-01", false, "2025-12-01");
        var closed = await Risk(other, "risk", 3, "Закрытый", "2026-01-01", true, "2025-11-01", open: false);
        await tx.CommitAsync();
        return new RiskSeed(energy, energyCode, other, otherCode, otherDepartment, otherDeputy, a, b, c, d, closed);
    }
}
