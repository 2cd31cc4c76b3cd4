using Dapper;
using IKomek.Dashboard.Features.Kpis;
using IKomek.Dashboard.Tests.Infrastructure;

namespace IKomek.Dashboard.Tests.Features.Kpis;

/// <summary>The hourly recount of the computed KPIs on a small demo city.</summary>
public sealed class KpiRecountJobTests(DemoCityDatabase city) : IClassFixture<DemoCityDatabase>
{
    [Fact]
    public async Task Recount_PutsBackADriftedValue_OfLastMonth_AndOtherwiseWritesNothing()
    {
        await using var conn = await city.DataSource.OpenConnectionAsync();
        const string lastMonth = "(date_trunc('month', city_today()) - interval '1 month')::date";
        var right = await conn.ExecuteScalarAsync<decimal>($"SELECT actual FROM kpi_values v JOIN kpis k ON k.id = v.kpi_id WHERE k.code = 'energy.appeals_on_time' AND v.period_start = {lastMonth}");
        var job = new KpiRecountJob(city.DataSource);

        var untouched = await job.RunAsync(CancellationToken.None);
        await conn.ExecuteAsync($"UPDATE kpi_values v SET actual = 1 FROM kpis k WHERE k.id = v.kpi_id AND k.code = 'energy.appeals_on_time' AND v.period_start = {lastMonth}");
        var restored = await job.RunAsync(CancellationToken.None);

        Assert.Equal(("kpi.job.result", 0.0), (untouched.Text, untouched.Numbers.Single()));
        Assert.Equal(1.0, restored.Numbers.Single());
        var (actual, by) = await conn.QuerySingleAsync<(decimal, string)>(
            $"SELECT actual, entered_by FROM kpi_values v JOIN kpis k ON k.id = v.kpi_id WHERE k.code = 'energy.appeals_on_time' AND v.period_start = {lastMonth}");
        Assert.Equal((right, "system:kpi-recount"), (actual, by));
    }
}
