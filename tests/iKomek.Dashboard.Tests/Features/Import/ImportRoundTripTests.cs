using Dapper;
using IKomek.Dashboard.Platform.Database;
using IKomek.Dashboard.Features.Appeals;
using IKomek.Dashboard.Features.DemoCity;
using IKomek.Dashboard.Features.Import;
using IKomek.Dashboard.Platform.Csv;
using IKomek.Dashboard.Tests.Infrastructure;
using Npgsql;

namespace IKomek.Dashboard.Tests.Features.Import;

/// <summary>The explorer's export of the demo city, imported into a database without appeals, gives the same appeals.</summary>
public sealed class ImportRoundTripTests(DemoCityDatabase city) : IClassFixture<DemoCityDatabase>
{
    [Fact]
    public async Task ExportThenImport_IntoADatabaseWithoutAppeals_GivesTheSameAppeals()
    {
        var exported = await ExportAsync(city.DataSource);
        var connectionString = await TestPostgres.CreateDatabaseFromTemplateAsync("template_demo_city", async ds =>
        {
            await new Migrator(ds, Migrator.DefaultSqlFolder).MigrateAsync();
            await DemoCityGenerator.SeedAsync(ds, DemoCityDatabase.Options);
        });
        await using var fresh = NpgsqlDataSource.Create(connectionString);
        await using (var conn = await fresh.OpenConnectionAsync())
        {
            await conn.ExecuteAsync("TRUNCATE appeals, appeal_events, intake_tokens, appeal_imports CASCADE");
        }

        var result = await ImportFixture.ImportAsync(fresh, exported, ImportMapping.Ours, bom: true, file: "export.csv");

        Assert.Null(result.FileError);
        Assert.Empty(result.Errors);
        var lines = exported.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.True(result.Inserted > 1000, $"{result.Inserted} appeals");
        Assert.Equal(result.RowsRead, result.Inserted);
        // Same export, line for line (ties in time may come in another order).
        var again = (await ExportAsync(fresh)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(lines.Order(StringComparer.Ordinal), again.Order(StringComparer.Ordinal));
        await using var check = await fresh.OpenConnectionAsync();
        var events = await check.QuerySingleAsync<(long Registered, long Resolved, long Closed)>("""
            SELECT count(*) FILTER (WHERE e.status = 'registered'), count(*) FILTER (WHERE e.status = 'resolved'), count(*) FILTER (WHERE e.status = 'closed')
            FROM appeal_events e
            """);
        var appeals = await check.QuerySingleAsync<(long All, long Resolved, long Closed)>(
            "SELECT count(*), count(resolved_at), count(closed_at) FROM appeals");
        Assert.Equal(appeals, events);
    }

    private static async Task<string> ExportAsync(NpgsqlDataSource db)
    {
        var text = new StringWriter();
        await using (var csv = CsvRowWriter.Create(text))
        {
            await AppealsExportEndpoint.WriteCsvAsync(csv, new AppealsQueries(db).ExportAsync(new AppealFilter(), new IKomek.Dashboard.Platform.Exports.ExportOptions().MaxRows));
        }
        return text.ToString();
    }
}
