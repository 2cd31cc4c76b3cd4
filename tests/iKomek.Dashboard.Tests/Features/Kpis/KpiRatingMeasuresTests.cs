using Dapper;
using IKomek.Dashboard.Features.Ratings;
using IKomek.Dashboard.Tests.Infrastructure;

namespace IKomek.Dashboard.Tests.Features.Kpis;

/// <summary>
/// FCR, misrouting share and forwarding time as computed KPIs: on hand-planted appeals of two new departments, the
/// measures give the figures counted by hand, from the rating's facts (the rating job's rollup), and the recount
/// writes them as the KPIs' actuals per department and month.
/// </summary>
public sealed class KpiRatingMeasuresTests(DemoCityDatabase city) : IClassFixture<DemoCityDatabase>
{
    [Fact]
    public async Task RatingMeasures_OfHandPlantedAppeals_AreCountedPerDepartmentAndMonth_AndRecountedAsKpis()
    {
        await using var conn = await city.DataSource.OpenConnectionAsync();
        await new RatingEngine(city.DataSource, city.Clock).RecomputeAsync("test");
        await conn.ExecuteAsync("""
            INSERT INTO departments (id, code, kind, name_ru, name_kk, name_en) VALUES
                (901, 'test_holder', 'city_department', 'Тест А', 'Тест А', 'Test A'),
                (902, 'test_answerer', 'city_department', 'Тест Б', 'Тест Б', 'Test B');
            INSERT INTO kpis (id, code, name_ru, name_kk, name_en, department_id, unit, higher_is_better, source, measure)
            SELECT 9000 + n, 'test_holder.' || m, m, m, m, 901, u, hib, 'computed', m
            FROM (VALUES (1, 'fcr', '%', true), (2, 'misrouted_share', '%', false), (3, 'forwarding_hours', 'hours', false)) v (n, m, u, hib);
            INSERT INTO kpi_values (kpi_id, period_start, target) SELECT 9000 + n, date_trunc('month', city_today() - interval '2 months')::date, 50
            FROM generate_series(1, 3) n;
            """);
        // Two months ago (Astana time): department A answers four appeals, three of them at the first contact, and
        // forwards two others to department B after holding them 10 and 30 hours; B answers those two, neither at the
        // first contact. An appeal of A answered the month before does not count.
        var month = await conn.ExecuteScalarAsync<DateTime>("SELECT date_trunc('month', city_today() - interval '2 months')::timestamp");
        var plan = new (int Department, bool FirstContact, double HeldHours, int Day)[]
        {
            (901, true, 0, 3), (901, true, 0, 5), (901, true, 0, 9), (901, false, 0, 12), (902, false, 10, 14), (902, false, 30, 20), (901, true, 0, -10),
        };
        foreach (var (department, firstContact, held, day) in plan)
        {
            var created = DateTime.SpecifyKind(month, DateTimeKind.Utc).AddDays(day).AddHours(4);   // 09:00 in Astana
            var id = await conn.ExecuteScalarAsync<long>("""
                INSERT INTO appeals (reg_number, created_at, channel_id, service_type_id, area_id, district_id, department_id, citizen_id,
                                     language, description, status, first_contact_resolved, sla_due_at, resolved_at, closed_at, forward_count)
                SELECT 'TEST-KPI-' || @day || '-' || @department || '-' || @held, @created, 1, st.id, st.area_id, 1, @department, 990001,
                       'ru', 'Тестовое обращение', 'closed', @firstContact, @created + interval '7 days',
                       @created + make_interval(hours => @held::int + 2), @created + make_interval(hours => @held::int + 3),
                       CASE WHEN @held > 0 THEN 1 ELSE 0 END
                FROM service_types st ORDER BY st.id LIMIT 1
                RETURNING id
                """, new { department, firstContact, held, day, created });
            await conn.ExecuteAsync("""
                INSERT INTO appeal_events (appeal_id, at, status, department_id) VALUES (@id, @created, 'registered', @first);
                INSERT INTO appeal_events (appeal_id, at, status, department_id)
                SELECT @id, @created + make_interval(hours => @held::int), 'forwarded', @department WHERE @held > 0;
                INSERT INTO appeal_events (appeal_id, at, status, department_id) VALUES (@id, @created + make_interval(hours => @held::int + 2), 'resolved', @department);
                """, new { id, created, held, department, first = held > 0 ? 901 : department });
        }

        await new RatingEngine(city.DataSource, city.Clock).UpdateAsync("test");
        var written = await conn.ExecuteScalarAsync<int>(
            "SELECT kpi_recount(date_trunc('month', city_today() - interval '2 months')::date, date_trunc('month', city_today() - interval '2 months')::date, 'test')");

        var measures = (await conn.QueryAsync<(string Measure, int Department, decimal? Value)>("""
            SELECT m, d, kpi_measure(m, d::smallint, @from::date, (@from::date + interval '1 month')::date)
            FROM unnest(ARRAY['fcr', 'misrouted_share', 'forwarding_hours']) m CROSS JOIN unnest(ARRAY[901, 902]) d
            """, new { from = month })).ToDictionary(r => (r.Measure, r.Department), r => r.Value);
        Assert.Equal(75.00m, measures[("fcr", 901)]);
        Assert.Equal(33.33m, measures[("misrouted_share", 901)]);         // 2 forwarded of 6 handled
        Assert.Equal(20.00m, measures[("forwarding_hours", 901)]);        // (10 + 30) / 2
        Assert.Equal(0.00m, measures[("fcr", 902)]);
        Assert.Equal(0.00m, measures[("misrouted_share", 902)]);
        Assert.Null(measures[("forwarding_hours", 902)]);                 // forwarded nothing: no figure, not 0
        // A month without appeals has no figure.
        Assert.Null(await conn.ExecuteScalarAsync<decimal?>("SELECT kpi_measure('fcr', 901::smallint, @from::date, (@from::date + interval '1 month')::date)",
            new { from = month.AddMonths(1) }));

        Assert.True(written >= 3);
        var actuals = (await conn.QueryAsync<(string Code, decimal? Actual, string By)>(
            "SELECT k.code, v.actual, v.entered_by FROM kpi_values v JOIN kpis k ON k.id = v.kpi_id WHERE k.department_id = 901 AND v.period_start = @month::date ORDER BY k.id",
            new { month })).ToList();
        Assert.Equal([("test_holder.fcr", 75.00m, "test"), ("test_holder.misrouted_share", 33.33m, "test"), ("test_holder.forwarding_hours", 20.00m, "test")],
            actuals.Select(a => (a.Code, a.Actual ?? -1, a.By)).ToList());
    }

    [Fact]
    public async Task EveryDepartment_HasTheRatingMeasuresAsKpis_WithValuesOfPastMonths()
    {
        await using var conn = await city.DataSource.OpenConnectionAsync();
        var perMeasure = (await conn.QueryAsync<(string Measure, int Departments, int Valued)>("""
            SELECT k.measure, count(DISTINCT k.department_id)::int,
                   count(DISTINCT k.department_id) FILTER (WHERE v.actual IS NOT NULL)::int
            FROM kpis k LEFT JOIN kpi_values v ON v.kpi_id = k.id
            WHERE k.measure IN ('fcr', 'misrouted_share', 'forwarding_hours') AND left(k.code, 5) <> 'test_'
            GROUP BY 1 ORDER BY 1
            """)).ToList();
        // The demo city's departments (the other test of this class adds two of its own).
        var departments = await conn.ExecuteScalarAsync<int>("SELECT count(*) FROM departments WHERE left(code, 5) <> 'test_'");
        Assert.Equal(["fcr", "forwarding_hours", "misrouted_share"], perMeasure.Select(m => m.Measure));
        Assert.All(perMeasure, m => Assert.Equal(departments, m.Departments));
        Assert.All(perMeasure, m => Assert.True(m.Valued > departments / 2, $"{m.Measure}: {m.Valued} of {departments} departments measured"));
    }
}
