using Dapper;
using IKomek.Dashboard.Features.Classification;
using IKomek.Dashboard.Features.Intake;
using IKomek.Dashboard.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace IKomek.Dashboard.Tests.Features.Classification;

/// <summary>The model at intake and the analysts' review queue, on the real PostgreSQL.</summary>
public sealed class ClassificationIntakeTests(DemoCityDatabase city) : IClassFixture<DemoCityDatabase>, IAsyncLifetime
{
    private readonly ClassificationQueries _queries = new(city.DataSource);
    private readonly TrainedAppealClassifier _classifier = new();

    public async Task InitializeAsync()
    {
        if (await _queries.LoadCurrentAsync() is { } loaded) _classifier.Use(loaded);
        else await new ClassifierTraining(_queries, _classifier, NullLogger<ClassifierTraining>.Instance).RetrainAsync(CancellationToken.None);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<int> TypeIdAsync(string code)
    {
        await using var conn = await city.DataSource.OpenConnectionAsync();
        return await conn.QuerySingleAsync<int>("SELECT id FROM service_types WHERE code = @code", new { code });
    }

    private async Task<(int TypeId, int? Suggested, int? OperatorType, bool? Agrees, bool Low)> RecordedAsync(long appealId)
    {
        await using var conn = await city.DataSource.OpenConnectionAsync();
        return await conn.QuerySingleAsync<(int, int?, int?, bool?, bool)>("""
            SELECT a.service_type_id, c.suggested_type_id, c.operator_type_id, c.agrees, c.low_confidence
            FROM appeals a JOIN appeal_classifications c ON c.appeal_id = a.id WHERE a.id = @appealId
            """, new { appealId });
    }

    [Fact]
    public async Task Intake_OperatorTypeDisagrees_OperatorWinsAndTheDisagreementIsRecorded()
    {
        var garbage = await TypeIdAsync("waste_collection.not_collected_yard");
        var result = await city.NewIntake(_classifier).RegisterAsync(
            new NewAppeal("Нет отопления в квартире, батареи холодные уже третий день", garbage, 1, 51.16, 71.47));

        var r = await RecordedAsync(result.AppealId);
        Assert.Equal(garbage, r.TypeId);
        Assert.Equal(garbage, r.OperatorType);
        Assert.NotNull(r.Suggested);
        Assert.NotEqual(garbage, r.Suggested);
        Assert.False(r.Agrees);
    }

    [Fact]
    public async Task Intake_NoTypeGiven_TheModelFilesTheAppeal()
    {
        var result = await city.NewIntake(_classifier).RegisterAsync(
            new NewAppeal("Нет отопления в квартире, батареи холодные уже третий день", null, 1, 51.16, 71.47));

        var r = await RecordedAsync(result.AppealId);
        Assert.Equal(r.Suggested, r.TypeId);
        Assert.Null(r.OperatorType);
        Assert.Null(r.Agrees);
        await using var conn = await city.DataSource.OpenConnectionAsync();
        var area = await conn.QuerySingleAsync<string>("SELECT ar.code FROM appeals a JOIN areas ar ON ar.id = a.area_id WHERE a.id = @id", new { id = result.AppealId });
        Assert.Equal("heating", area);
    }

    [Fact]
    public async Task Intake_UnclassifiableTextWithoutType_IsRejectedWithAReason()
    {
        var e = await Assert.ThrowsAsync<IntakeRejectedException>(() =>
            city.NewIntake(_classifier).RegisterAsync(new NewAppeal("😡😡😡 123", null, 1, 51.16, 71.47)));
        Assert.Contains("service_code", e.Message);
    }

    [Fact]
    public async Task Review_ConfirmAndCorrect_UpdateTheAppealAndFeedTraining()
    {
        var given = await TypeIdAsync("heating.no_heat_flat");
        var other = await TypeIdAsync("elevators.stuck_res");
        // Low confidence: texts that say little, under the operator's type, far from each other (not duplicates).
        var vague = await city.NewIntake(_classifier).RegisterAsync(new NewAppeal("Помогите пожалуйста, срочно, третий день так", given, 1, 51.09, 71.39));
        var second = await city.NewIntake(_classifier).RegisterAsync(new NewAppeal("Примите меры, сколько можно ждать", given, 1, 51.12, 71.41));
        Assert.True((await RecordedAsync(vague.AppealId)).Low);
        var queue = await _queries.GetReviewQueueAsync(500);
        Assert.Contains(queue, q => q.AppealId == vague.AppealId);

        Assert.True(await _queries.ReviewAsync(vague.AppealId, given, TestActors.Analyst));
        Assert.True(await _queries.ReviewAsync(second.AppealId, other, TestActors.Analyst));
        Assert.False(await _queries.ReviewAsync(second.AppealId, 999_999, TestActors.Analyst));

        await using var conn = await city.DataSource.OpenConnectionAsync();
        var rows = (await conn.QueryAsync<(long Id, int Type, short Area, string Action, int Reviewed)>("""
            SELECT a.id, a.service_type_id, a.area_id, c.review_action, c.reviewed_type_id FROM appeals a JOIN appeal_classifications c ON c.appeal_id = a.id
            WHERE a.id IN (@a, @b) ORDER BY a.id
            """, new { a = vague.AppealId, b = second.AppealId })).ToList();
        Assert.Equal((given, "confirmed", given), (rows[0].Type, rows[0].Action, rows[0].Reviewed));
        Assert.Equal((other, "corrected", other), (rows[1].Type, rows[1].Action, rows[1].Reviewed));
        Assert.Equal(await conn.QuerySingleAsync<short>("SELECT area_id FROM service_types WHERE id = @other", new { other }), rows[1].Area);
        // Each decision is in the audit log once, by the analyst, with the types; the refused one is not.
        var confirmedLog = (await AuditRows.AboutAsync(city.DataSource, "appeal", vague.AppealId.ToString())).Single(r => r.Action == "topic.review");
        var correctedLog = (await AuditRows.AboutAsync(city.DataSource, "appeal", second.AppealId.ToString())).Single(r => r.Action == "topic.review");
        Assert.Equal(("analyst", "confirmed", given.ToString(), given.ToString()), (confirmedLog.Actor, confirmedLog.Detail("decision"), confirmedLog.Detail("from"), confirmedLog.Detail("to")));
        Assert.Equal(("analyst", "corrected", given.ToString(), other.ToString()), (correctedLog.Actor, correctedLog.Detail("decision"), correctedLog.Detail("from"), correctedLog.Detail("to")));
        var queueAfter = await _queries.GetReviewQueueAsync(500);
        Assert.DoesNotContain(queueAfter, q => q.AppealId == vague.AppealId || q.AppealId == second.AppealId);
        // Reviewed appeals are training data at once (they are not closed yet), under the analyst's type.
        var confirmed = await _queries.GetConfirmedAppealsAsync(100);
        Assert.Contains(confirmed, c => c.Reviewed && c.TypeCode == "elevators.stuck_res" && c.Description.StartsWith("Примите меры"));
    }
}
