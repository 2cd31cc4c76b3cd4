using Dapper;
using IKomek.Dashboard.Features.Social.Intake;
using IKomek.Dashboard.Tests.Infrastructure;

namespace IKomek.Dashboard.Tests.Features.Social;

/// <summary>The posts' intake on a real demo city: checks per item (valid ones kept), idempotency, topic and place.</summary>
public sealed class SocialIntakeTests(DemoCityDatabase city) : IClassFixture<DemoCityDatabase>
{
    private async Task<SocialIntake> IntakeAsync() =>
        SocialCity.Intake(city, new Dictionary<string, int> { ["лифт"] = await SocialCity.TypeIdAsync(city, "elevators.stopped_res") });

    private async Task<(long Count, int Reactions, int Reposts)> StoredAsync(string externalId)
    {
        await using var conn = await city.DataSource.OpenConnectionAsync();
        return await conn.QuerySingleAsync<(long, int, int)>(
            "SELECT count(*), coalesce(max(reactions), 0), coalesce(max(reposts), 0) FROM social_posts WHERE external_id = @externalId", new { externalId });
    }

    [Fact]
    public async Task AMixedBatch_KeepsTheValidPosts_AndReportsEveryProblemOfEachBadOne()
    {
        var intake = await IntakeAsync();
        var items = new[]
        {
            SocialCity.Item("ok-1", "Лифт опять не работает"),
            SocialCity.Item("bad-1", "x", new() { ["network"] = "myspace", ["posted_at"] = "31.03.2026 10:00" }),
            SocialCity.Item("bad-2", "x", new() { ["lat"] = 51.15, ["reactions"] = -3, ["url"] = "ftp://x" }),
            SocialCity.Item("bad-3", "", new() { ["author"] = null, ["posted_at"] = "2030-01-01T00:00:00+05:00" }),
            SocialCity.Item("bad-4", "x", new() { ["lat"] = 43.2, ["lon"] = 76.9 }),
        };

        var result = await intake.SubmitAsync(items, TestActors.Analyst);

        Assert.Equal(1, result.Added);
        var reasons = result.Rejected.Select(e => $"{e.Index}:{e.Field}:{e.Code}").ToList();
        Assert.Equal(
            ["1:network:unknown_network", "1:posted_at:invalid_time", "2:url:invalid_url", "2:lon:half_point", "2:reactions:not_count",
             "3:author:required", "3:text:required", "3:posted_at:future_time", "4:lat:outside_city"],
            reasons);
        Assert.Equal(1, (await StoredAsync("ok-1")).Count);
        Assert.Equal(0, (await StoredAsync("bad-2")).Count);
    }

    [Fact]
    public async Task TheSamePostAgain_UpdatesItsReach_NeverACopy_AndAStaleCountDoesNotLowerIt()
    {
        var intake = await IntakeAsync();

        var first = await intake.SubmitAsync([SocialCity.Item("again-1", "Лифт стоит", new() { ["reactions"] = 10, ["reposts"] = 1 })], TestActors.Analyst);
        var second = await intake.SubmitAsync([SocialCity.Item("again-1", "Лифт стоит", new() { ["reactions"] = 300, ["reposts"] = 40 })], TestActors.Analyst);
        var stale = await intake.SubmitAsync([SocialCity.Item("again-1", "Лифт стоит", new() { ["reactions"] = 50, ["reposts"] = 2 }),
                                              SocialCity.Item("again-1", "Лифт стоит", new() { ["reactions"] = 60, ["reposts"] = 3 })], TestActors.Analyst);

        Assert.Equal((1, 0), (first.Added, first.Updated));
        Assert.Equal((0, 1), (second.Added, second.Updated));
        Assert.Equal((0, 1), (stale.Added, stale.Updated));
        Assert.Equal((1L, 300, 40), await StoredAsync("again-1"));
    }

    [Fact]
    public async Task APost_IsFiledUnderTheModelsTopic_AndPlacedAtTheBuildingItsTextNames()
    {
        await using var conn = await city.DataSource.OpenConnectionAsync();
        var (addressId, address, district) = await conn.QueryFirstAsync<(int, string, short)>(
            "SELECT id, address, district_id FROM addresses WHERE address ~ '^ул\\. [А-Яа-я]+, \\d+$' ORDER BY id LIMIT 1");
        var street = address.Split(',')[0]["ул. ".Length..];
        var house = address.Split(", ")[1];
        var intake = await IntakeAsync();

        await intake.SubmitAsync([
            SocialCity.Item("placed-1", $"Третий день не работает лифт на {street} {house}, кв. 5, соседи возмущены"),
            SocialCity.Item("placed-2", "Про погоду", new() { ["place"] = address + ", кв. 12" }),
            SocialCity.Item("placed-3", "Лифт встал", new() { ["lat"] = 51.128, ["lon"] = 71.43 }),
        ], TestActors.Analyst);

        var rows = (await conn.QueryAsync<(string Id, int? Type, int? Address, short? District, string? By)>(
            "SELECT external_id, service_type_id, address_id, district_id, placed_by FROM social_posts WHERE external_id LIKE 'placed-%' ORDER BY external_id")).ToList();
        Assert.Equal(await SocialCity.TypeIdAsync(city, "elevators.stopped_res"), rows[0].Type);
        Assert.Equal((addressId, district, "text"), (rows[0].Address!.Value, rows[0].District!.Value, rows[0].By!));
        Assert.Null(rows[1].Type);   // nothing the model knows: unfiled rather than misfiled
        Assert.Equal((addressId, "place"), (rows[1].Address!.Value, rows[1].By!));
        Assert.Equal("coordinates", rows[2].By);
        Assert.NotNull(rows[2].District);
    }
}
