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

        Assert.True(await queries.AddHolidayAsync(next, "День города (проверка)"));
        Assert.False(await queries.AddHolidayAsync(next, "ещё раз"));
        var intake = city.NewIntake();
        // Service type 1 is answered within one working day: the new holiday is not one.
        var result = await intake.RegisterAsync(new NewAppeal("Нет отопления в квартире", 1, 1, 51.13, 71.43));

        Assert.True(DateOnly.FromDateTime(AstanaClock.ToLocal(result.SlaDueAt).DateTime) > next);
        Assert.Contains(await queries.GetHolidaysAsync(today), h => h.Day == next && h.NameRu == "День города (проверка)");
        await queries.RemoveHolidayAsync(next);
        Assert.DoesNotContain(await queries.GetHolidaysAsync(today), h => h.Day == next);
    }
}
