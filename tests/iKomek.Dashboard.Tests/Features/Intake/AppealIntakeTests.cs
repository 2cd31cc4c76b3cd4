using Dapper;
using IKomek.Dashboard.Features.Classification;
using IKomek.Dashboard.Features.Intake;
using IKomek.Dashboard.Tests.Infrastructure;

namespace IKomek.Dashboard.Tests.Features.Intake;

/// <summary>Intake against the real PostgreSQL with a small demo city.</summary>
public sealed class AppealIntakeTests(DemoCityDatabase city) : IClassFixture<DemoCityDatabase>
{
    private AppealIntake Intake => city.NewIntake();

    [Fact]
    public async Task Register_ContinuesTheYearsNumbering_RoutesAndRecordsTheFirstEvent()
    {
        await using var conn = await city.DataSource.OpenConnectionAsync();
        var year = TestClock.Now.Year;
        var lastNumber = await conn.ExecuteScalarAsync<string>("SELECT max(reg_number) FROM appeals WHERE reg_number LIKE @p", new { p = $"109-{year}-%" });

        var result = await Intake.RegisterAsync(new NewAppeal("Нет света во всём доме", 3, 1, 51.16, 71.47));

        Assert.True(string.CompareOrdinal(result.RegNumber, lastNumber) > 0, $"{result.RegNumber} after {lastNumber}");
        var row = await conn.QuerySingleAsync<(string Status, int? Org, int Dept, string Lang, int Events)>("""
            SELECT a.status, a.organisation_id, a.department_id::int, a.language, (SELECT count(*)::int FROM appeal_events e WHERE e.appeal_id = a.id)
            FROM appeals a WHERE a.id = @id
            """, new { id = result.AppealId });
        Assert.Equal(("registered", "ru", 1), (row.Status, row.Lang, row.Events));
        Assert.NotNull(row.Org);
        Assert.True(result.SlaDueAt > result.CreatedAt);
    }

    [Fact]
    public async Task Register_Concurrently_GivesDistinctNumbersWithoutWaitingOnEachOther()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Intake.RegisterAsync(new NewAppeal("Мусор не вывезли " + i, 7, 1, 51.1 + i * 0.001, 71.4))));

        Assert.Equal(20, results.Select(r => r.RegNumber).Distinct().Count());
        Assert.All(results, r => Assert.Matches(@"^109-\d{4}-\d{7}$", r.RegNumber));
    }

    [Fact]
    public async Task Register_ManyAtOnce_AreCommittedTogetherAndStillLinkedAsOneIncident()
    {
        var intake = Intake;
        // Forty reports of one burst pipe within a few metres, arriving together.
        var results = await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            intake.RegisterAsync(new NewAppeal("Прорвало трубу у дома " + i, 40, 1, 51.2011 + i * 0.00001, 71.3812))));

        var first = Assert.Single(results, r => r.DuplicateOf is null);
        Assert.All(results.Where(r => r != first), r => Assert.Equal(first.AppealId, r.DuplicateOf));
        Assert.Equal(first.AppealId, results.Min(r => r.AppealId));
        await using var check = await city.DataSource.OpenConnectionAsync();
        Assert.Equal(40, await check.ExecuteScalarAsync<long>("SELECT count(*) FROM appeal_events WHERE appeal_id = ANY(@ids)", new { ids = results.Select(r => r.AppealId).ToArray() }));
        var transactions = await check.ExecuteScalarAsync<long>("SELECT count(DISTINCT xmin::text) FROM appeals WHERE id = ANY(@ids)",
            new { ids = results.Select(r => r.AppealId).ToArray() });
        Assert.InRange(transactions, 1, 39);
    }

    [Fact]
    public async Task Register_ManyAtOnce_ReachTheChangeFeedOncePerGroup()
    {
        var intake = Intake;
        var results = await Task.WhenAll(Enumerable.Range(0, 60).Select(i =>
            intake.RegisterAsync(new NewAppeal("Не горит фонарь на опоре " + i, 7, 1, 51.1 + i * 0.004, 71.42))));

        await using var check = await city.DataSource.OpenConnectionAsync();
        var (changes, rows) = await check.QuerySingleAsync<(long, long)>("""
            SELECT count(*), coalesce(sum(rows), 0)::bigint FROM appeal_changes WHERE kind = 'insert' AND first_id >= @min AND last_id <= @max
            """, new { min = results.Min(r => r.AppealId), max = results.Max(r => r.AppealId) });
        Assert.Equal(60, rows);
        Assert.InRange(changes, 1, 59);
    }

    [Fact]
    public async Task Register_OneBuildingTogether_FlatsAreLinkedToTheFirstByAddress()
    {
        var intake = Intake;
        // Coordinates a kilometre apart: only the building links them.
        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => intake.RegisterAsync(
            new NewAppeal("Течёт крыша, квартира " + i, 40, 1, 51.10 + i * 0.01, 71.40, Address: $"ул. Проверочная, 77, кв. {i + 1}"))));

        var first = Assert.Single(results, r => r.DuplicateOf is null);
        Assert.Equal(first.AppealId, results.Min(r => r.AppealId));
        Assert.All(results.Where(r => r != first), r => Assert.Equal(first.AppealId, r.DuplicateOf));
    }

    [Fact]
    public async Task Register_AfterAStoredReport_LinksWithin300MetresOrAtTheSameBuildingOnly()
    {
        var intake = Intake;
        // A corner of the city the demo data leaves empty, one by one (each appeal its own group).
        var first = await intake.RegisterAsync(new NewAppeal("Нет воды", 40, 1, 51.3000, 71.7000));
        var near = await intake.RegisterAsync(new NewAppeal("Нет воды в доме", 40, 1, 51.3011, 71.7010));        // ~150 m
        var far = await intake.RegisterAsync(new NewAppeal("Нет воды", 40, 1, 51.3100, 71.7000));                // ~1.1 km
        var otherType = await intake.RegisterAsync(new NewAppeal("Не горит фонарь", 7, 1, 51.3000, 71.7000));
        var building = await intake.RegisterAsync(new NewAppeal("Нет воды", 40, 1, 51.2600, 71.6000, Address: "ул. Угловая, 5, кв. 3"));
        var sameBuilding = await intake.RegisterAsync(new NewAppeal("Нет воды", 40, 1, 51.2900, 71.6500, Address: "ул. Угловая, 5, кв. 9"));

        Assert.Equal((null, first.AppealId, null, null, null, building.AppealId),
            (first.DuplicateOf, near.DuplicateOf, far.DuplicateOf, otherType.DuplicateOf, building.DuplicateOf, sameBuilding.DuplicateOf));
    }

    [Fact]
    public async Task Register_OneBadAppealInAGroup_FailsAloneAndTheOthersAreStored()
    {
        await using var conn = await city.DataSource.OpenConnectionAsync();
        var before = await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM appeals");
        // Past the edge's checks (as a caller that skipped them): the database refuses a text over 4,000 characters.
        var intake = Intake;
        var tasks = Enumerable.Range(0, 10).Select(i => intake.RegisterAsync(
            new NewAppeal(i == 4 ? new string('я', 4001) : "Не горит фонарь " + i, 7, 1, 51.1 + i * 0.002, 71.45))).ToList();

        await Assert.ThrowsAsync<Npgsql.PostgresException>(() => tasks[4]);
        await Task.WhenAll(tasks.Where((_, i) => i != 4));
        Assert.Equal(before + 9, await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM appeals"));
    }

    [Fact]
    public async Task Register_TenConcurrentSubmissionsOfOneToken_StoreOneAppeal()
    {
        await using var conn = await city.DataSource.OpenConnectionAsync();
        var client = await conn.ExecuteScalarAsync<int>("SELECT id FROM api_clients LIMIT 1");
        var before = await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM appeals");
        var appeal = new NewAppeal("Яма во дворе", 5, 2, 51.12, 71.42, ApiClientId: client, Token: "same-token-" + Guid.NewGuid());

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Intake.RegisterAsync(appeal)));

        Assert.Single(results.Select(r => r.AppealId).Distinct());
        Assert.Single(results, r => !r.Replayed);
        Assert.Equal(before + 1, await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM appeals"));
    }

    [Fact]
    public async Task Register_OneTokenSeveralTimesOnOneNode_StoresOneAppealAndReplaysItToTheOthers()
    {
        await using var conn = await city.DataSource.OpenConnectionAsync();
        var client = await conn.ExecuteScalarAsync<int>("SELECT id FROM api_clients LIMIT 1");
        var before = await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM appeals");
        var appeal = new NewAppeal("Яма у подъезда", 5, 2, 51.13, 71.43, ApiClientId: client, Token: "one-node-token-" + Guid.NewGuid());
        var intake = Intake;   // one writer: the submissions share groups, and a group replays its own first appeal

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => intake.RegisterAsync(appeal)));

        Assert.Single(results.Select(r => r.AppealId).Distinct());
        Assert.Single(results, r => !r.Replayed);
        Assert.Equal(before + 1, await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM appeals"));
    }

    [Fact]
    public async Task Register_UnknownPlaceOrType_IsRejectedWithoutStoring()
    {
        await using var conn = await city.DataSource.OpenConnectionAsync();
        var before = await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM appeals");

        var noPlace = await Assert.ThrowsAsync<IntakeRejectedException>(() => Intake.RegisterAsync(new NewAppeal("x", 3, 1, Address: "ул. Несуществующая, 1")));
        var noType = await Assert.ThrowsAsync<IntakeRejectedException>(() => Intake.RegisterAsync(new NewAppeal("x", 999_999, 1, 51.1, 71.4)));
        var noTopic = await Assert.ThrowsAsync<IntakeRejectedException>(() => Intake.RegisterAsync(new NewAppeal("x", null, 1, 51.1, 71.4)));

        Assert.Equal("address_string", noPlace.Field);
        Assert.True(noType.NotFound);
        Assert.Equal("service_code", noTopic.Field);
        Assert.Equal(before, await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM appeals"));
    }
}
