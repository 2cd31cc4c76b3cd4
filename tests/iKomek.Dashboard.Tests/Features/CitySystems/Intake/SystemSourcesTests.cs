using Dapper;
using IKomek.Dashboard.Features.CitySystems.Intake;
using IKomek.Dashboard.Platform.Audit;
using IKomek.Dashboard.Platform.Changes;
using IKomek.Dashboard.Platform.City;
using IKomek.Dashboard.Tests.Infrastructure;

namespace IKomek.Dashboard.Tests.Features.CitySystems.Intake;

/// <summary>Source keys (issued once, kept as SHA-256, audited, for one system) and the catalogue following schema changes.</summary>
public sealed class SystemSourcesTests(MigratedDatabase database) : IClassFixture<MigratedDatabase>
{
    [Fact]
    public async Task AnIssuedKey_IsFoundForItsSystem_OnlyItsHashIsStored_AndTheIssueIsAudited()
    {
        var (source, key) = await SystemSources.IssueAsync(database.DataSource, "fuel", "Boiler telemetry", Actor.Console("tester"));
        var sources = new SystemSources(database.DataSource, TimeProvider.System);

        var found = await sources.FindAsync(key);
        var unknown = await sources.FindAsync(key + "x");

        Assert.Equal(new SystemSource(source.Id, "fuel", "Boiler telemetry"), found);
        Assert.Null(unknown);
        Assert.StartsWith("sys_", key);
        await using var conn = await database.DataSource.OpenConnectionAsync();
        Assert.Equal(0, await conn.ExecuteScalarAsync<int>("SELECT count(*)::int FROM city_system_sources WHERE position(convert_to(@key, 'UTF8') in key_sha256) > 0 OR name = @key", new { key }));
        var audit = Assert.Single(await AuditRows.AboutAsync(database.DataSource, "system_source", source.Id.ToString()));
        Assert.Equal((AuditActions.SystemsSourceKey, "console:tester"), (audit.Action, audit.Actor));
        Assert.DoesNotContain(key, audit.Details);
    }

    [Fact]
    public async Task AKeyForAnUnknownSystem_IsRefused_AndNothingIsStored()
    {
        var e = await Assert.ThrowsAsync<ArgumentException>(() => SystemSources.IssueAsync(database.DataSource, "sewers", "x", Actor.Console("tester")));

        Assert.Contains("Unknown system \"sewers\"", e.Message);
        await using var conn = await database.DataSource.OpenConnectionAsync();
        Assert.Equal(0, await conn.ExecuteScalarAsync<int>("SELECT count(*)::int FROM city_system_sources WHERE system_code = 'sewers'"));
    }

    [Fact]
    public async Task AChangedSchema_IsAReferenceChange_ThatDropsTheCatalogueCopy()
    {
        var feed = new ChangeFeed();
        using var catalogue = new SystemCatalogue(database.DataSource, TimeProvider.System, feed);
        var before = (await catalogue.FindAsync("eksk"))!.FieldsByName["open_requests"].MaxValue;
        await using var conn = await database.DataSource.OpenConnectionAsync();
        var from = await conn.ExecuteScalarAsync<long>("SELECT coalesce(max(id), 0) FROM appeal_changes");

        await conn.ExecuteAsync("UPDATE city_system_fields SET max_value = 20000 WHERE system_code = 'eksk' AND name = 'open_requests'");
        var kind = await conn.ExecuteScalarAsync<string>("SELECT kind FROM appeal_changes WHERE id > @from", new { from });
        var cached = (await catalogue.FindAsync("eksk"))!.FieldsByName["open_requests"].MaxValue;
        feed.Publish(new CityChange(from + 1, CityReference.ChangeKind, 0, 0, 0, 0, TestClock.UtcNow));
        var after = (await catalogue.FindAsync("eksk"))!.FieldsByName["open_requests"].MaxValue;

        Assert.Equal("reference", kind);
        Assert.Equal((10000d, 10000d, 20000d), (before, cached, after));
    }
}
