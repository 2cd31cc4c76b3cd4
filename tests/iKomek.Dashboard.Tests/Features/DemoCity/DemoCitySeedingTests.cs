using Dapper;
using IKomek.Dashboard.Features.DemoCity;
using IKomek.Dashboard.Tests.Infrastructure;

namespace IKomek.Dashboard.Tests.Features.DemoCity;

/// <summary>Loads a tiny demo city into a real, freshly migrated PostgreSQL database.</summary>
public sealed class DemoCitySeedingTests(MigratedDatabase database) : IClassFixture<MigratedDatabase>
{
    private static readonly DemoCityOptions Options = new(Seed: 109, Scale: 0.002, Years: 1, EndDate: new DateOnly(2020, 12, 31));

    [Fact]
    public async Task SeedAsync_LoadsEveryTableOnce_AndLeavesTheSchemaAsItWas()
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        var schemaBefore = await SchemaAsync(connection);
        var messages = new List<string>();

        var result = await DemoCityGenerator.SeedAsync(database.DataSource, Options, new SynchronousProgress(messages));

        var expected = GeneratedCity.Generate(Options);
        Assert.Equal(expected.Appeals.Count, result.Appeals);
        Assert.Equal(expected.Events.Count, result.Events);
        Assert.Equal(result.Appeals, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM appeals"));
        Assert.Equal(result.Events, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM appeal_events"));
        Assert.Equal(5, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM districts"));
        Assert.Equal(28, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM areas"));
        Assert.Equal(expected.Plan.Reference.ServiceTypes.Count, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM service_types"));
        Assert.Equal(expected.Plan.Reference.Organisations.Count, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM organisations"));
        Assert.Equal(expected.Plan.Projects.Projects.Count, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM projects"));
        Assert.Equal(expected.Plan.Kpis.Values.Count, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM kpi_values"));
        Assert.Equal(expected.Plan.Planted.Count, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM planted_problems"));
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM systemic_problems"));
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM rating_results"));
        Assert.Equal(result.Appeals, await connection.ExecuteScalarAsync<long>("SELECT appeals FROM demo_city WHERE seed = 109 AND years = 1 AND end_date = '2020-12-31'"));
        Assert.Contains(messages, m => m.StartsWith("Demo city ready", StringComparison.Ordinal));

        // What was written is what the pure generator produces, byte for byte.
        var sample = expected.Appeals[expected.Appeals.Count / 2];
        var stored = await connection.QuerySingleAsync<(string RegNumber, DateTime CreatedAt, string Description, string Status, DateTime SlaDueAt)>(
            "SELECT reg_number, created_at, description, status, sla_due_at FROM appeals WHERE id = @Id", new { sample.Id });
        Assert.Equal((sample.RegNumber, sample.CreatedAt, sample.Description, sample.Status, sample.SlaDueAt), stored);

        Assert.Equal(schemaBefore, await SchemaAsync(connection));
        Assert.True(await connection.ExecuteScalarAsync<bool>("SELECT bool_and(convalidated) FROM pg_constraint WHERE connamespace = 'public'::regnamespace"));

        // Identity sequences continue after the generated ids.
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            var id = await connection.ExecuteScalarAsync<long>("""
                INSERT INTO appeals (reg_number, created_at, channel_id, service_type_id, area_id, district_id, department_id, citizen_id,
                                     language, description, status, sla_due_at)
                SELECT 'test-1', now(), 1, id, area_id, 1, department_id, 1, 'ru', 'test', 'registered', now() FROM service_types WHERE id = 1
                RETURNING id
                """, transaction: transaction);
            Assert.Equal(result.Appeals + 1, id);
            await transaction.RollbackAsync();
        }

        // A second run refuses to touch a database that has a city, and changes nothing.
        await Assert.ThrowsAsync<InvalidOperationException>(() => DemoCityGenerator.SeedAsync(database.DataSource, Options));
        Assert.Equal(result.Appeals, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM appeals"));
    }

    /// <summary>Indexes and constraints, but for the readings' month partitions the city systems' history adds.</summary>
    private static async Task<string> SchemaAsync(Npgsql.NpgsqlConnection connection) =>
        await connection.ExecuteScalarAsync<string>("""
            SELECT (SELECT string_agg(indexdef, E'\n' ORDER BY indexdef) FROM pg_indexes WHERE schemaname = 'public' AND tablename !~ '^city_readings_\d{6}$')
                || E'\n' ||
                   (SELECT string_agg(conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid), E'\n' ORDER BY conrelid::regclass::text, conname)
                    FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text !~ '^city_readings_\d{6}$')
            """) ?? "";

    /// <summary>Collects progress messages as they are reported (Progress&lt;T&gt; would post them later).</summary>
    private sealed class SynchronousProgress(List<string> messages) : IProgress<string>
    {
        public void Report(string value)
        {
            lock (messages)
            {
                messages.Add(value);
            }
        }
    }
}
