using System.Text;
using Dapper;
using IKomek.Dashboard.Features.CitySystems.Intake;
using IKomek.Dashboard.Platform.Audit;
using IKomek.Dashboard.Platform.City;
using IKomek.Dashboard.Tests.Infrastructure;

namespace IKomek.Dashboard.Tests.Features.CitySystems.Intake;

/// <summary>A system's CSV import: rows through the intake's checks and writer, refused rows by line and column,
/// importing again adds nothing, a file with unknown columns stores nothing, who imported is in the audit log.</summary>
public sealed class SystemsCsvImportTests(DemoCityDatabase city) : IClassFixture<DemoCityDatabase>, IAsyncLifetime
{
    private static readonly Actor Admin = new("admin", "admin");
    private SystemsWriter _writer = null!;
    private SystemsCsvImport _import = null!;
    private SystemCatalogue _catalogue = null!;

    public Task InitializeAsync()
    {
        _writer = new SystemsWriter(city.DataSource, city.Clock);
        _catalogue = new SystemCatalogue(city.DataSource, city.Clock);
        _import = new SystemsCsvImport(new SystemsIntake(_catalogue, new CityReference(city.DataSource, city.Clock), _writer, city.Clock), new AuditLog(city.DataSource));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _writer.DisposeAsync();

    private async Task<SystemsCsvResult> ImportAsync(string system, string csv) =>
        await _import.ImportAsync((await _catalogue.FindAsync(system))!, new MemoryStream(Encoding.UTF8.GetBytes(csv)), "test.csv", Admin);

    [Fact]
    public async Task ReadingsFromCsv_AreCheckedAsTheApiChecksThem_RefusedRowsByLineAndColumn_AndAgainAddNothing()
    {
        const string csv = """
            source_id;observed_at;lat;lon;state;tilt_deg;battery_pct
            CSV-1;2026-03-30T10:00:00+05:00;51,1605;71,4704;closed;2,5;80
            CSV-1;2026-03-30T11:00:00+05:00;51.1605;71.4704;open;95;80
            CSV-2;2026-03-30T10:00:00+05:00;51.1605;71.4704;closed;abc;
            CSV-3;2026-03-30T10:00:00+05:00;;;closed;0;
            """;

        var first = await ImportAsync("manholes", csv);
        var again = await ImportAsync("manholes", csv);

        Assert.Equal((4, 2, 0, 2), (first.RowsRead, first.Accepted, first.Duplicates, first.Rejected));
        Assert.Equal(new[] { (3, "tilt_deg", "systems.range"), (4, "tilt_deg", "systems.type") }, first.Errors.Select(e => (e.Row, e.Column, e.Code)).ToArray());
        Assert.Contains("expected 0 to 90", first.Errors[0].Args[1]);
        Assert.Equal((0, 2), (again.Accepted, again.Duplicates));
        await using var conn = await city.DataSource.OpenConnectionAsync();
        Assert.Equal(2.5, await conn.ExecuteScalarAsync<double>("SELECT (last_vals->>'tilt_deg')::float8 FROM city_objects WHERE system_code = 'manholes' AND source_id = 'CSV-1'"));
        var audit = await AuditRows.AboutAsync(city.DataSource, "system", "manholes");
        Assert.Equal(2, audit.Count(r => r.Action == AuditActions.SystemsImport));
    }

    [Fact]
    public async Task AFileWithAnUnknownColumn_IsRefusedWhole()
    {
        var result = await ImportAsync("manholes", "source_id;observed_at;state;tilt_deg;depth_m\nCSV-9;2026-03-30T10:00:00+05:00;closed;1;3\n");

        Assert.Contains("unknown column(s) depth_m", result.FileError);
        await using var conn = await city.DataSource.OpenConnectionAsync();
        Assert.Equal(0, await conn.ExecuteScalarAsync<int>("SELECT count(*)::int FROM city_objects WHERE source_id = 'CSV-9'"));
    }

    [Fact]
    public async Task ARegistersRows_BecomeObjects_BooleansInRussianToo()
    {
        var result = await ImportAsync("construction", """
            source_id,name,lat,lon,permit_no,developer,shared_equity,progress_pct,status,planned_end
            CSV-B1,ЖК Тест,51.15,71.43,KZ-77,BI Group,да,45,active,2027-01-31
            CSV-B2,ЖК Тест 2,51.15,71.43,KZ-78,BI Group,может быть,45,active,2027-01-31
            """);

        Assert.Equal((2, 1, 1), (result.RowsRead, result.Accepted, result.Rejected));
        Assert.Equal(("shared_equity", "systems.type"), (result.Errors.Single().Column, result.Errors.Single().Code));
        await using var conn = await city.DataSource.OpenConnectionAsync();
        Assert.True(await conn.ExecuteScalarAsync<bool>("SELECT (attrs->>'shared_equity')::boolean FROM city_objects WHERE source_id = 'CSV-B1'"));
    }
}
