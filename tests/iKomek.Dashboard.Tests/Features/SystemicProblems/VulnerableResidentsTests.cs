using Dapper;
using IKomek.Dashboard.Features.SystemicProblems;
using IKomek.Dashboard.Tests.Infrastructure;

namespace IKomek.Dashboard.Tests.Features.SystemicProblems;

/// <summary>
/// Vulnerable residents in the criticality of a problem (sql/schema/0016): an appeal concerns them when its service type
/// serves them or its text names them; the problem's part is the share of such appeals.
/// </summary>
public sealed class VulnerableResidentsTests(DemoCityDatabase city) : IClassFixture<DemoCityDatabase>
{
    [Theory]
    [InlineData("В доме пожилые люди и маленькие дети.")]
    [InlineData("Пенсионерка на девятом этаже не может выйти")]
    [InlineData("РЕБЁНОК застрял в лифте")]
    [InlineData("ребенка не с кем оставить")]
    [InlineData("сосед инвалид-колясочник")]
    [InlineData("Многодетная семья без воды")]
    [InlineData("беременная соседка поскользнулась")]
    [InlineData("детская площадка сломана")]
    [InlineData("маломобильные граждане не могут подняться")]
    [InlineData("Үйде қарт адамдар мен кішкентай балалар бар.")]
    [InlineData("зейнеткерлер жылусыз отыр")]
    [InlineData("мүгедектігі бар адам")]
    [InlineData("балабақшада су жоқ")]
    [InlineData("балаға қауіпті")]
    [InlineData("жүкті әйел")]
    [InlineData("There are elderly people and small children in the building.")]
    [InlineData("a wheelchair user cannot get in")]
    [InlineData("my baby is cold")]
    [InlineData("disabled people live here")]
    public async Task TextNamingVulnerableResidents_Matches_AndPassesTheStoredWordsCheck(string text)
    {
        await using var conn = await city.DataSource.OpenConnectionAsync();
        var (mentions, words) = await conn.QuerySingleAsync<(bool, bool)>(
            "SELECT mentions_vulnerable_residents(@text), to_tsvector('simple', @text) @@ vulnerable_residents_words()", new { text });
        Assert.True(mentions, text);
        Assert.True(words, text);
    }

    [Theory]
    [InlineData("Нужна деталь для смесителя")]
    [InlineData("детектор дыма пищит")]
    [InlineData("дом не на балансе КСК")]
    [InlineData("баламалы жол жоқ")]
    [InlineData("қарта арқылы төлеу")]
    [InlineData("жүкті тиеп кетті, жүк көлігі тұр")]
    [InlineData("поставьте лежачий полицейский")]
    [InlineData("на балконе течёт")]
    [InlineData("the alarm was disabled")]
    [InlineData("Холодные батареи, ребята из ЖЭКа не пришли")]
    [InlineData("pension fund office")]
    public async Task TextWithoutThem_DoesNotMatch(string text)
    {
        await using var conn = await city.DataSource.OpenConnectionAsync();
        Assert.False(await conn.ExecuteScalarAsync<bool>("SELECT mentions_vulnerable_residents(@text)", new { text }), text);
    }

    [Fact]
    public async Task EveryAppealTheExpressionMatches_PassesTheStoredWordsCheck()
    {
        await using var conn = await city.DataSource.OpenConnectionAsync();
        var (mentions, missed) = await conn.QuerySingleAsync<(long, long)>("""
            SELECT count(*) FILTER (WHERE mentions_vulnerable_residents(description)),
                   count(*) FILTER (WHERE mentions_vulnerable_residents(description) AND NOT search @@ vulnerable_residents_words())
            FROM appeals
            """);
        Assert.True(mentions > 100, $"{mentions} appeals name vulnerable residents");
        Assert.Equal(0, missed);
    }

    [Theory]
    [InlineData("social_support.care_elderly", true)]
    [InlineData("social_support.pension", true)]
    [InlineData("education.kg_queue", true)]
    [InlineData("heating.no_heat_kindergarten", true)]
    [InlineData("snow_ice.ice_school", true)]
    [InlineData("public_transport.crowded_school_route", true)]
    [InlineData("health.queue_doctor_children", true)]
    [InlineData("health.disability_med", true)]
    [InlineData("elevators.accessibility_res", true)]
    [InlineData("roads_sidewalks.ramp_crossing", true)]
    [InlineData("public_transport.ramp_bus_stop", true)]
    [InlineData("heating.no_heat_flat", false)]
    [InlineData("health.queue_doctor_clinic", false)]
    [InlineData("construction.opening_date_school_site", false)]
    [InlineData("elevators.stopped_res", false)]
    public async Task ServiceTypes_ServingVulnerableResidents_AreFlaggedByTheirCode(string code, bool serves)
    {
        await using var conn = await city.DataSource.OpenConnectionAsync();
        Assert.Equal(1, await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM service_types WHERE code = @code", new { code }));
        Assert.Equal(serves, await conn.ExecuteScalarAsync<bool>(
            "SELECT EXISTS (SELECT 1 FROM vulnerable_service_types WHERE @code LIKE code_pattern)", new { code }));
    }

    [Fact]
    public async Task EveryPattern_MatchesSomeServiceTypeOfTheCatalogue()
    {
        await using var conn = await city.DataSource.OpenConnectionAsync();
        var unused = await conn.QueryAsync<string>("""
            SELECT v.code_pattern FROM vulnerable_service_types v
            WHERE NOT EXISTS (SELECT 1 FROM service_types st WHERE st.code LIKE v.code_pattern)
            """);
        Assert.Empty(unused);
    }

    [Fact]
    public async Task SameGroupNamingVulnerableResidents_ScoresHigherCriticality_AndATypeServingThemCountsInFull()
    {
        // The same steady stream (3 appeals a week for 20 weeks) at three buildings: plain texts, texts that name
        // pensioners and a disabled child in every second appeal, and plain texts of a kindergarten's type.
        var weeks = Enumerable.Range(3, 20).SelectMany(w => new[] { 0, 2, 4 }.Select(d => HandBuiltAppeals.WeekStart(w).AddDays(d))).ToList();
        await HandBuiltAppeals.AddAsync(city.DataSource, "plain", "sewerage.smell_basement", 51.50, 71.60, weeks);
        await HandBuiltAppeals.AddAsync(city.DataSource, "named", "sewerage.smell_basement", 51.50, 71.70, weeks.Where((_, i) => i % 2 == 0));
        await HandBuiltAppeals.AddAsync(city.DataSource, "named-too", "sewerage.smell_basement", 51.50, 71.70, weeks.Where((_, i) => i % 2 == 1),
            description: "Запах из подвала, в подъезде живут пенсионеры и ребёнок-инвалид");
        await HandBuiltAppeals.AddAsync(city.DataSource, "kindergarten", "sewerage.blockage_kindergarten", 51.50, 71.80, weeks);

        await new SystemicMining(city.DataSource, TestClock.Create()).RunAsync(full: true);

        var plain = await CriticalityAtAsync(51.50, 71.60);
        var named = await CriticalityAtAsync(51.50, 71.70);
        var kindergarten = await CriticalityAtAsync(51.50, 71.80);
        Assert.Equal(0m, plain.Vulnerable);
        Assert.Equal(0.5m, named.Vulnerable);
        Assert.Equal(1m, kindergarten.Vulnerable);
        // Everything else equal: 0.15 x 0.5 more criticality.
        Assert.InRange(named.Criticality - plain.Criticality, 0.074m, 0.076m);
    }

    private async Task<(decimal Criticality, decimal Vulnerable)> CriticalityAtAsync(double lat, double lon)
    {
        await using var conn = await city.DataSource.OpenConnectionAsync();
        return await conn.QuerySingleAsync<(decimal, decimal)>("""
            SELECT criticality, (criticality_parts->>'vulnerable')::numeric FROM systemic_problems
            WHERE is_current AND level = 1 AND place = mining_place(1::smallint, @lat, @lon)
            """, new { lat, lon });
    }
}
