using System.Net;
using System.Security.Claims;
using Dapper;
using IKomek.Dashboard.Platform.Audit;
using IKomek.Dashboard.Tests.Infrastructure;
using Npgsql;

namespace IKomek.Dashboard.Tests.Platform.Audit;

public sealed class AuditLogTests(MigratedDatabase database) : IClassFixture<MigratedDatabase>
{
    [Fact]
    public async Task A_record_names_the_actor_the_act_and_its_subject()
    {
        var user = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, "aigerim"), new Claim(ClaimTypes.Role, "analyst")], "cookie"));
        await new AuditLog(database.DataSource).RecordAsync(Actor.Of(user, IPAddress.Parse("10.1.2.3")),
            AuditActions.ExportAppeals, "export", "appeals.csv", new { rows = 42 });

        await using var conn = await database.DataSource.OpenConnectionAsync();
        var row = await conn.QuerySingleAsync<(string Actor, string Role, string Address, string Action, string Kind, string Id, int Rows)>("""
            SELECT actor, actor_role, host(address), action, subject_kind, subject_id, (details->>'rows')::int
            FROM audit_log WHERE subject_id = 'appeals.csv'
            """);
        Assert.Equal(("aigerim", "analyst", "10.1.2.3", "export.appeals", "export", "appeals.csv", 42), row);
    }

    [Fact]
    public async Task The_log_refuses_updates_deletes_and_truncation()
    {
        await new AuditLog(database.DataSource).RecordAsync(Actor.Job("sla-sweep"), AuditActions.JobTrigger, "job", "sla-sweep");
        await using var conn = await database.DataSource.OpenConnectionAsync();
        foreach (var sql in new[] { "UPDATE audit_log SET actor = 'someone else'", "DELETE FROM audit_log", "TRUNCATE audit_log" })
        {
            var e = await Assert.ThrowsAsync<PostgresException>(() => conn.ExecuteAsync(sql));
            Assert.Contains("append-only", e.MessageText);
        }
        Assert.True(await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM audit_log WHERE actor = 'system:sla-sweep'") >= 1);
    }
}
