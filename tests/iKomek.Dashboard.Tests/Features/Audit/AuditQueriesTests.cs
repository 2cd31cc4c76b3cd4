using Dapper;
using IKomek.Dashboard.Features.Audit;
using IKomek.Dashboard.Platform.Audit;
using IKomek.Dashboard.Tests.Infrastructure;

namespace IKomek.Dashboard.Tests.Features.Audit;

/// <summary>The audit page's search over a log of known acts: each filter, Astana's days, keyset paging newest first.</summary>
public sealed class AuditQueriesTests(MigratedDatabase db) : IClassFixture<MigratedDatabase>, IAsyncLifetime
{
    // 30 March 2026 in Astana (UTC+5) runs from 29 March 19:00 to 30 March 19:00 UTC.
    private static readonly DateTime Start = new(2026, 3, 29, 18, 0, 0, DateTimeKind.Utc);

    private AuditQueries Queries => new(db.DataSource);

    public async Task InitializeAsync()
    {
        await using var conn = await db.DataSource.OpenConnectionAsync();
        if (await conn.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM audit_log WHERE actor = 'aigerim')")) return;
        // 120 acts an hour apart from 29 March 18:00 UTC (23:00 in Astana): three people, two actions, 30 appeals.
        for (var i = 0; i < 120; i++)
        {
            await conn.ExecuteAsync("""
                INSERT INTO audit_log (at, actor, actor_role, action, subject_kind, subject_id, details)
                VALUES (@at, @actor, 'operator', @action, 'appeal', @subject, '{}')
                """, new
            {
                at = Start.AddHours(i), actor = new[] { "aigerim", "marat", "system:sla-sweep" }[i % 3],
                action = i % 4 == 0 ? AuditActions.AppealStatus : "legacy.note", subject = (1000 + i % 30).ToString(),
            });
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task NoFilter_PagesThroughEverything_NewestFirst_WithoutGapsOrRepeats()
    {
        var seen = new List<AuditEntry>();
        AuditCursor? next = null;
        do
        {
            var page = await Queries.SearchAsync(new AuditFilter(), next);
            Assert.InRange(page.Entries.Count, 1, AuditQueries.PageSize);
            seen.AddRange(page.Entries);
            next = page.Next;
        } while (next is not null);

        Assert.Equal(120, seen.Count(e => e.Actor is "aigerim" or "marat" or "system:sla-sweep"));
        Assert.Equal(seen.Count, seen.Select(e => e.Id).Distinct().Count());
        Assert.Equal(seen.OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Select(e => e.Id), seen.Select(e => e.Id));
    }

    [Fact]
    public async Task WhoWhatAndSubject_EachNarrowTheSearch()
    {
        var marat = (await Queries.SearchAsync(new AuditFilter(Actor: " marat "), pageSize: 200)).Entries;
        var status = (await Queries.SearchAsync(new AuditFilter(Action: AuditActions.AppealStatus), pageSize: 200)).Entries;
        var appeal = (await Queries.SearchAsync(new AuditFilter(SubjectKind: "appeal", SubjectId: "1004"), pageSize: 200)).Entries;

        Assert.Equal(40, marat.Count);
        Assert.All(marat, e => Assert.Equal("marat", e.Actor));
        Assert.Equal(30, status.Count);
        Assert.All(status, e => Assert.Equal("appeal.status", e.Action));
        Assert.Equal(4, appeal.Count);
        Assert.All(appeal, e => Assert.Equal(("appeal", "1004"), (e.SubjectKind, e.SubjectId)));
    }

    [Fact]
    public async Task Dates_AreAstanaDays_BothIncluded()
    {
        var day = (await Queries.SearchAsync(new AuditFilter(From: new DateOnly(2026, 3, 30), To: new DateOnly(2026, 3, 30)), pageSize: 200)).Entries
            .Where(e => e.Actor is "aigerim" or "marat" or "system:sla-sweep").ToList();

        // 30 March in Astana: from 29 March 19:00 UTC (the second act) to 30 March 18:00 UTC (the 25th), 24 acts.
        Assert.Equal(24, day.Count);
        Assert.Equal(Start.AddHours(1), day[^1].At);
        Assert.Equal(Start.AddHours(24), day[0].At);
    }

    [Fact]
    public async Task BadFilters_AreRefusedWithTheirReasons()
    {
        Assert.Equal(["audit.error.period"], new AuditFilter(From: new DateOnly(2026, 3, 31), To: new DateOnly(2026, 3, 1)).Errors());
        Assert.Equal(["audit.error.subjectKind"], new AuditFilter(SubjectId: "1004").Errors());
        Assert.Equal(["audit.error.tooLong"], new AuditFilter(Actor: new string('x', 201)).Errors());
        await Assert.ThrowsAsync<ArgumentException>(() => Queries.SearchAsync(new AuditFilter(SubjectId: "1004")));
    }

    [Fact]
    public async Task Choices_AreTheKnownActionsAndKinds_AndThosePresent()
    {
        var actions = await Queries.ActionsAsync();
        var kinds = await Queries.SubjectKindsAsync();

        Assert.Contains(AuditActions.HolidayChange, actions);
        Assert.Contains("legacy.note", actions);
        Assert.Equal(actions.Distinct().Count(), actions.Count);
        Assert.Contains("holiday", kinds);
        Assert.Contains("appeal", kinds);
    }
}
