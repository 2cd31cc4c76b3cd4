using Dapper;
using IKomek.Dashboard.Features.CitySystems.Alerts;

namespace IKomek.Dashboard.Tests.Features.CitySystems.Alerts;

/// <summary>
/// The seed rules and the evaluator on hand-built series: each rule opens and clears, hysteresis and "confirm" keep a
/// flapping sensor to one alert or none, months, rules on "today", freshness, and two evaluators at once.
/// </summary>
public sealed class AlertEvaluatorTests : AlertSeries
{
    /// <summary>A series of readings (feeds) or attribute changes (registers) and whether the rule's alert is open
    /// after each; the first step creates the object.</summary>
    public static TheoryData<string, string, int, string[], bool[]> SeedRules => new()
    {
        { "fuel.coal_days_january", "fuel", 1,
          ["""{"coal_t": 80, "coal_burn_t_day": 10}""", """{"coal_t": 115, "coal_burn_t_day": 10}""", """{"coal_t": 125, "coal_burn_t_day": 10}"""],
          [true, true, false] },
        { "fuel.coal_days_heating", "fuel", 11,
          ["""{"coal_t": 300, "coal_burn_t_day": 10}""", """{"coal_t": 90, "coal_burn_t_day": 10}""", """{"coal_t": 90, "coal_burn_t_day": 0}"""],
          [false, true, false] },
        { "manholes.cover_open", "manholes", 3,
          ["""{"state": "closed", "tilt_deg": 0}""", """{"state": "open", "tilt_deg": 0}""", """{"state": "closed", "tilt_deg": 0}"""],
          [false, true, false] },
        { "manholes.cover_tilted", "manholes", 3,
          ["""{"state": "closed", "tilt_deg": 20}""", """{"state": "closed", "tilt_deg": 21}""", """{"state": "closed", "tilt_deg": 14}""", """{"state": "closed", "tilt_deg": 11.5}"""],
          [false, true, true, false] },
        { "medicines.antiseptics_low", "medicines", 3,
          ["""{"antiseptic_l": 40, "antiseptic_min_l": 50, "medicines_pcs": 100, "medicines_min_pcs": 50}""",
           """{"antiseptic_l": 52, "antiseptic_min_l": 50, "medicines_pcs": 100, "medicines_min_pcs": 50}""",
           """{"antiseptic_l": 56, "antiseptic_min_l": 50, "medicines_pcs": 100, "medicines_min_pcs": 50}"""],
          [true, true, false] },
        { "medicines.key_medicines_low", "medicines", 3,
          ["""{"antiseptic_l": 90, "antiseptic_min_l": 50, "medicines_pcs": 10, "medicines_min_pcs": 50}""",
           """{"antiseptic_l": 90, "antiseptic_min_l": 50, "medicines_pcs": 60, "medicines_min_pcs": 50}"""],
          [true, false] },
        { "emergency_housing.resettlement_overdue", "emergency_housing", 3,
          ["""{"address": "ул. Кенесары, 40", "residents": 12, "resettle_by": "2026-06-01", "status": "waiting"}""",
           """{"resettle_by": "2026-01-15"}""", """{"residents": 0, "status": "resettled"}"""],
          [false, true, false] },
        { "cameras.offline_school", "cameras", 3,
          ["""{"camera_kind": "fixed", "near": "school", "status": "online"}""", """{"status": "offline"}""", """{"status": "online"}"""],
          [false, true, false] },
        { "cameras.offline_kindergarten", "cameras", 3,
          ["""{"camera_kind": "dome", "near": "kindergarten", "status": "offline"}""", """{"status": "maintenance"}"""],
          [true, false] },
        { "street_lighting.fault", "street_lighting", 3,
          ["""{"is_on": true, "fault": true}""", """{"is_on": false, "fault": true}""", """{"is_on": true, "fault": false}"""],
          [false, true, false] },
        { "eksk.overdue_requests", "eksk", 3,
          ["""{"open_requests": 40, "overdue_requests": 25}""", """{"open_requests": 40, "overdue_requests": 18}""", """{"open_requests": 40, "overdue_requests": 15}"""],
          [true, true, false] },
    };

    [Theory]
    [MemberData(nameof(SeedRules))]
    public async Task EachSeedRule_OpensAndClearsOnItsSeries(string rule, string system, int month, string[] steps, bool[] open)
    {
        At(2026, month, 10);
        var register = system is "emergency_housing" or "cameras";
        var id = register ? await ObjectAsync(system, attrs: steps[0]) : await ObjectAsync(system, vals: steps[0]);
        for (var i = 0; i < steps.Length; i++)
        {
            if (i > 0)
            {
                Clock.Advance(TimeSpan.FromMinutes(1));
                if (register) await AttrsAsync(id, steps[i]); else await ReadingAsync(id, steps[i]);
            }
            await Evaluator.OnChangesAsync(0, 0);
            Assert.True(open[i] == (await OpenOnAsync(id)).Contains(rule), $"{rule} after step {i + 1}: expected open = {open[i]}");
        }
        // It opened once and stays as history, closed.
        Assert.Equal(1, await CountAsync("SELECT count(*) FROM city_alerts a JOIN city_alert_rules r ON r.id = a.rule_id WHERE a.object_id = @id AND r.code = @rule",
            new { id, rule }));
    }

    [Fact]
    public async Task AlertOpened_CarriesTheFiringValue_AndIsAnnouncedOnTheChangeFeed()
    {
        var id = await ObjectAsync("manholes", vals: """{"state": "open", "tilt_deg": 40}""", district: null, lat: 51.13, lon: 71.43);
        var run = await Evaluator.OnChangesAsync(0, 0);

        Assert.Equal(new AlertRun(1, 1, 0), run);   // open; tilted needs two readings
        await using var conn = await Db.OpenConnectionAsync();
        var alert = await conn.QuerySingleAsync<(string Severity, double? Value, double? Lat)>(
            "SELECT severity, value, lat FROM city_alerts WHERE object_id = @id", new { id });
        Assert.Equal(("critical", (double?)null, (double?)51.13), alert);   // a choice clause has no numeric value
        var change = await conn.QuerySingleAsync<(string Kind, int Rows, long First, long Last, int Critical)>(
            "SELECT kind, rows, first_id, last_id, critical FROM appeal_changes ORDER BY id DESC LIMIT 1");
        Assert.Equal(("systems", 1, 0L, 0L, 1), change);

        // Evaluated again without a change: nothing new, nothing announced.
        var changes = await CountAsync("SELECT count(*) FROM appeal_changes");
        Assert.Equal(new AlertRun(0, 0, 0), await Evaluator.OnChangesAsync(0, 0));
        Assert.Equal(changes, await CountAsync("SELECT count(*) FROM appeal_changes"));
    }

    [Fact]
    public async Task FlappingSensor_OpensOneAlert_AndConfirmKeepsAnUnconfirmedFlapQuiet()
    {
        // Around the threshold within the margin: tilt > 15 opens, closes only at 12 or below.
        var flapping = await ObjectAsync("manholes", vals: """{"state": "closed", "tilt_deg": 16}""");
        // Above and well below: never two holding readings in a row, "confirm" 2 never reached.
        var unconfirmed = await ObjectAsync("manholes", vals: """{"state": "closed", "tilt_deg": 16}""");
        await Evaluator.OnChangesAsync(0, 0);
        await ReadingAsync(flapping, """{"state": "closed", "tilt_deg": 17}""");   // confirmed: opens
        await ReadingAsync(unconfirmed, """{"state": "closed", "tilt_deg": 5}""");
        for (var i = 0; i < 30; i++)
        {
            await Evaluator.OnChangesAsync(0, 0);
            Clock.Advance(TimeSpan.FromMinutes(1));
            await ReadingAsync(flapping, $$"""{"state": "closed", "tilt_deg": {{(i % 2 == 0 ? 14 : 16.5)}}}""");
            await ReadingAsync(unconfirmed, $$"""{"state": "closed", "tilt_deg": {{(i % 2 == 0 ? 5 : 30)}}}""");
        }
        await Evaluator.OnChangesAsync(0, 0);

        Assert.Equal(1, await CountAsync("SELECT count(*) FROM city_alerts WHERE object_id = @flapping", new { flapping }));
        Assert.Equal(["manholes.cover_tilted"], await OpenOnAsync(flapping));
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM city_alerts WHERE object_id = @unconfirmed", new { unconfirmed }));
    }

    [Fact]
    public async Task Months_RuleAppliesOnlyInThem_AndItsAlertClosesWhenTheyEnd()
    {
        At(2026, 3, 31);
        var plant = await ObjectAsync("fuel", vals: """{"coal_t": 50, "coal_burn_t_day": 10}""");
        await Evaluator.OnChangesAsync(0, 0);
        Assert.Equal(["fuel.coal_days_heating"], await OpenOnAsync(plant));   // March: the season's warning, not January's

        At(2026, 5, 1);   // the season is over: the sweep closes it without a new reading
        await Evaluator.SweepAsync();
        Assert.Empty(await OpenOnAsync(plant));

        At(2027, 1, 5);
        await ReadingAsync(plant, """{"coal_t": 50, "coal_burn_t_day": 10}""");
        await Evaluator.OnChangesAsync(0, 0);
        Assert.Equal(["fuel.coal_days_january"], await OpenOnAsync(plant));
    }

    [Fact]
    public async Task TodayCondition_OpensWhenTheDatePasses_WithoutAChangeOfTheRow()
    {
        At(2026, 3, 31, 23);
        var building = await ObjectAsync("emergency_housing",
            attrs: """{"address": "ул. Пушкина, 5", "residents": 30, "resettle_by": "2026-03-31", "status": "waiting"}""");
        await Evaluator.OnChangesAsync(0, 0);
        Assert.Empty(await OpenOnAsync(building));   // the last day is not yet past

        At(2026, 4, 1, 0);
        await Evaluator.SweepAsync();
        Assert.Equal(["emergency_housing.resettlement_overdue"], await OpenOnAsync(building));
    }

    [Fact]
    public async Task SilentSystem_GetsAStaleAlert_ClosedWhenDataComesAgain()
    {
        var manhole = await ObjectAsync("manholes", vals: """{"state": "closed", "tilt_deg": 1}""");
        await ObjectAsync("cameras", attrs: """{"camera_kind": "fixed", "near": "street", "status": "online"}""");
        await Evaluator.SweepAsync();
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM city_alerts WHERE kind = 'stale'"));

        Clock.Advance(TimeSpan.FromMinutes(31));   // manholes: 30 minutes; cameras: an hour
        await Evaluator.SweepAsync();
        Assert.Equal(1, await CountAsync("SELECT count(*) FROM city_alerts WHERE kind = 'stale' AND system_code = 'manholes' AND closed_at IS NULL AND rule_id IS NULL AND object_id IS NULL"));
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM city_alerts WHERE kind = 'stale' AND system_code <> 'manholes'"));
        await Evaluator.SweepAsync();   // still silent: still one
        Assert.Equal(1, await CountAsync("SELECT count(*) FROM city_alerts WHERE kind = 'stale'"));
        // As the systems' pages and overview read it.
        var queries = new AlertQueries(Db);
        var counts = (await queries.GetCountsAsync()).ToDictionary(c => c.SystemCode);
        Assert.Equal((13, true, false), (counts.Count, counts["manholes"].Stale, counts["cameras"].Stale));
        var stale = Assert.Single(await queries.GetOpenAsync("manholes"));
        Assert.Equal(("stale", null, "warning"), (stale.Kind, stale.RuleId, stale.Severity));
        Assert.InRange(stale.Value!.Value, 30, 32);   // minutes of silence

        await ReadingAsync(manhole, """{"state": "closed", "tilt_deg": 1}""");
        await Evaluator.OnChangesAsync(0, 0);
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM city_alerts WHERE kind = 'stale' AND closed_at IS NULL"));
    }

    [Fact]
    public async Task TwoEvaluatorsAtOnce_OpenEachAlertOnce_AndCountEachChangeOnce()
    {
        var ids = new List<long>();
        for (var i = 0; i < 40; i++) ids.Add(await ObjectAsync("manholes", vals: """{"state": "open", "tilt_deg": 20}"""));
        var (first, last) = ((long)await CountAsync("SELECT min(change_seq) FROM city_objects"), (long)await CountAsync("SELECT max(change_seq) FROM city_objects"));
        var other = new AlertEvaluator(Db, Clock);

        var runs = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => (i % 2 == 0 ? Evaluator : other).OnChangesAsync(first, last)));

        Assert.Equal(40, runs.Sum(r => r.Evaluated));
        Assert.Equal(40, runs.Sum(r => r.Opened));
        Assert.Equal(40, await CountAsync("SELECT count(*) FROM city_alerts"));
        // Tilted needs two readings in a row: one change heard six times is still one.
        Assert.Equal(40, await CountAsync("""
            SELECT count(*) FROM city_alert_state s JOIN city_alert_rules r ON r.id = s.rule_id
            WHERE r.code = 'manholes.cover_tilted' AND s.holding = 1
            """));
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM city_alert_state WHERE holding > 1"));
    }

    [Fact]
    public async Task ChangeCommittedBelowTheWatermark_IsEvaluatedWhenTheFeedNamesIt()
    {
        // A transaction takes its change_seq, another takes the next one and commits, the evaluator moves past both;
        // then the first commits.
        var lateSeq = await CountAsync("SELECT nextval('city_object_changes')");
        await ObjectAsync("manholes", vals: """{"state": "closed", "tilt_deg": 0}""");
        await Evaluator.OnChangesAsync(0, 0);
        long late;
        await using (var conn = await Db.OpenConnectionAsync())
            late = await conn.ExecuteScalarAsync<long>("""
                INSERT INTO city_objects (system_code, source_id, last_vals, last_at, updated_at, updated_by, change_seq)
                VALUES ('manholes', 'late', '{"state": "open", "tilt_deg": 0}', @now, @now, 'test', @lateSeq) RETURNING id
                """, new { now = Clock.GetUtcNow().UtcDateTime, lateSeq });

        await Evaluator.OnChangesAsync(0, 0);
        Assert.Empty(await OpenOnAsync(late));   // below the watermark: the sweep alone would not see it

        await Evaluator.OnChangesAsync(lateSeq, lateSeq);   // the change feed's row of that batch names it
        Assert.Equal(["manholes.cover_open"], await OpenOnAsync(late));
        await Evaluator.OnChangesAsync(lateSeq, lateSeq);   // heard again (another node): counted once
        Assert.Equal(1, await CountAsync("SELECT count(*) FROM city_alerts WHERE object_id = @late", new { late }));
    }
}
