using IKomek.Dashboard.Features.Administration;
using IKomek.Dashboard.Features.Classification;
using IKomek.Dashboard.Features.Intake;
using IKomek.Dashboard.Hosting;
using IKomek.Dashboard.Tests.Infrastructure;
using IKomek.Dashboard.Platform.City;

namespace IKomek.Dashboard.Tests.Features.Administration;

/// <summary>The holidays table an administrator edits, and intake's deadlines following it.</summary>
public sealed class HolidaysTests(DemoCityDatabase city) : IClassFixture<DemoCityDatabase>
{
    [Fact]
    public async Task AddedHoliday_MovesTheNextDeadlines_AndCanBeRemoved()
    {
        var queries = new AdministrationQueries(city.DataSource);
        var today = new AstanaClock(TestClock.Create()).Today;
        var existing = (await queries.GetHolidaysAsync(today)).Select(h => h.Day).ToHashSet();
        var next = today.AddDays(1);
        while (next.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || existing.Contains(next)) next = next.AddDays(1);

        Assert.True(await queries.AddHolidayAsync(TestActors.Admin, next, "День города (проверка)"));
        Assert.False(await queries.AddHolidayAsync(TestActors.Admin, next, "ещё раз"));
        var intake = city.NewIntake();
        // Service type 1 is answered within one working day: the new holiday is not one.
        var result = await intake.RegisterAsync(new NewAppeal("Нет отопления в квартире", 1, 1, 51.13, 71.43));

        Assert.True(DateOnly.FromDateTime(AstanaClock.ToLocal(result.SlaDueAt).DateTime) > next);
        Assert.Contains(await queries.GetHolidaysAsync(today), h => h.Day == next && h.NameRu == "День города (проверка)");
        Assert.True(await queries.RemoveHolidayAsync(TestActors.Admin, next));
        Assert.False(await queries.RemoveHolidayAsync(TestActors.Admin, next));
        Assert.DoesNotContain(await queries.GetHolidaysAsync(today), h => h.Day == next);
        // Added once and removed once, by the administrator: the refused second add and second removal are not acts.
        var logged = await AuditRows.AboutAsync(city.DataSource, "holiday", next.ToString("yyyy-MM-dd"));
        Assert.Equal([("admin", "holiday.change", "added"), ("admin", "holiday.change", "removed")],
            logged.Select(r => (r.Actor, r.Action, r.Detail("change"))));
        Assert.All(logged, r => Assert.Equal("День города (проверка)", r.Detail("name")));
    }
}
