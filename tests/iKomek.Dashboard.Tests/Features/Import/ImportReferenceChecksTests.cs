using Dapper;
using IKomek.Dashboard.Features.Import;
using IKomek.Dashboard.Tests.Infrastructure;
using IKomek.Dashboard.Tests.Features.Live;

namespace IKomek.Dashboard.Tests.Features.Import;

/// <summary>
/// The import checks references once per batch and skips the row-by-row foreign-key triggers (migration 0017): the
/// guarantee of the foreign keys and the work of every other trigger must stay.
/// </summary>
public sealed class ImportReferenceChecksTests(DemoCityDatabase city) : IClassFixture<DemoCityDatabase>
{
    private static string Reg(int n) => $"109-2017-{n:0000000}";

    [Fact]
    public async Task Import_OnTheAppsDatabase_ChecksReferencesPerBatch()
    {
        await using var conn = await city.DataSource.OpenConnectionAsync();

        Assert.True(await conn.ExecuteScalarAsync<bool>(AppealImporter.CanCheckReferencesPerBatch));
    }

    [Fact]
    public async Task Import_NewAppeals_ReachTheChangeFeedAndTheRollupsStayExact()
    {
        var t = await ImportFixture.ClosedAppealAsync(city.DataSource);
        var file = string.Join("\n", [ImportFixture.OursHeader,
            ImportFixture.Line(t.Select((f, i) => i == 0 ? Reg(1) : f)),
            ImportFixture.Line(t.Select((f, i) => i == 0 ? Reg(2) : f))]);
        await using var conn = await city.DataSource.OpenConnectionAsync();
        var lastChange = await conn.ExecuteScalarAsync<long>("SELECT coalesce(max(id), 0) FROM appeal_changes");

        var result = await ImportFixture.ImportAsync(city.DataSource, file, ImportMapping.Ours);

        Assert.Equal(2, result.Inserted);
        Assert.Equal(2, await conn.ExecuteScalarAsync<long>("SELECT sum(rows) FROM appeal_changes WHERE id > @lastChange AND kind = 'insert'", new { lastChange }));
        Assert.Equal(0, await conn.ExecuteScalarAsync<long>(LiveRollupTests.Mismatches));
        Assert.Equal(6, await conn.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM appeal_events e JOIN appeals a ON a.id = e.appeal_id WHERE a.reg_number IN (@r1, @r2)", new { r1 = Reg(1), r2 = Reg(2) }));
    }

    [Fact]
    public async Task Import_ATriggerThatDoesNotFireAlways_IsStillFired()
    {
        var t = await ImportFixture.ClosedAppealAsync(city.DataSource);
        var file = ImportFixture.OursHeader + "\n" + ImportFixture.Line(t.Select((f, i) => i == 0 ? Reg(3) : f));
        await using var conn = await city.DataSource.OpenConnectionAsync();
        await conn.ExecuteAsync("""
            CREATE TABLE test_event_probe (appeal_id bigint);
            CREATE FUNCTION test_probe_events() RETURNS trigger LANGUAGE plpgsql AS
                $$ BEGIN INSERT INTO test_event_probe VALUES (NEW.appeal_id); RETURN NULL; END $$;
            CREATE TRIGGER test_probe AFTER INSERT ON appeal_events FOR EACH ROW EXECUTE FUNCTION test_probe_events();
            """);
        try
        {
            var result = await ImportFixture.ImportAsync(city.DataSource, file, ImportMapping.Ours);

            Assert.Equal(1, result.Inserted);
            Assert.Equal(3, await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM test_event_probe"));
        }
        finally
        {
            await conn.ExecuteAsync("DROP TRIGGER test_probe ON appeal_events; DROP FUNCTION test_probe_events(); DROP TABLE test_event_probe;");
        }
    }

    [Fact]
    public async Task Import_AReferenceDeletedWhileRowsAreRead_FailsTheBatchAndStoresNone()
    {
        var t = await ImportFixture.ClosedAppealAsync(city.DataSource);
        await using var conn = await city.DataSource.OpenConnectionAsync();
        var organisationId = await conn.ExecuteScalarAsync<int>("""
            INSERT INTO organisations (id, name, kind, department_id, district_id)
            SELECT max(id) + 1, 'ТОО «Временная организация»', 'utility', min(department_id), NULL FROM organisations
            RETURNING id
            """);
        // Row 2 is bad; when it is reported, the organisation row 3 names is deleted, after the import read its list.
        var file = string.Join("\n", [ImportFixture.OursHeader,
            ImportFixture.Line(t.Select((f, i) => i == 0 ? Reg(4) : i == 1 ? "не дата" : f)),
            ImportFixture.Line(t.Select((f, i) => i == 0 ? Reg(5) : i == 7 ? "ТОО «Временная организация»" : f))]);
        var fingerprint = await ImportFixture.AppealsFingerprintAsync(conn);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => ImportFixture.Importer(city.DataSource).ImportAsync(
            new MemoryStream(System.Text.Encoding.UTF8.GetBytes(file)), "gone.csv", ImportMapping.Ours, new IKomek.Dashboard.Platform.Audit.Actor("test"),
            onRejected: _ => conn.Execute("DELETE FROM organisations WHERE id = @organisationId", new { organisationId })));

        Assert.Contains($"organisation {organisationId}", error.Message);
        Assert.Equal(fingerprint, await ImportFixture.AppealsFingerprintAsync(conn));
    }
}
