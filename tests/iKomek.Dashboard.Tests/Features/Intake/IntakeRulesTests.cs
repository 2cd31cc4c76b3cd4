using IKomek.Dashboard.Features.Intake;
using IKomek.Dashboard.Hosting;
using IKomek.Dashboard.Platform.City;

namespace IKomek.Dashboard.Tests.Features.Intake;

public sealed class IntakeRulesTests
{
    private static readonly WorkingCalendar Calendar = new(new HashSet<DateOnly> { new(2026, 12, 16), new(2026, 12, 17) });

    private static DateTime LocalToUtc(int year, int month, int day, int hour) =>
        AstanaClock.StartOfDay(new DateOnly(year, month, day)).AddHours(hour).UtcDateTime;

    [Fact]
    public void AddWorkingDays_FromFriday_SkipsTheWeekend()
    {
        var due = Calendar.AddWorkingDays(LocalToUtc(2026, 11, 20, 10), 1);

        Assert.Equal(LocalToUtc(2026, 11, 23, 10), due);
    }

    [Fact]
    public void AddWorkingDays_OverHolidays_SkipsThem()
    {
        // Tue 15 Dec + 2 working days: 16 and 17 are holidays, so Fri 18 and Mon 21.
        var due = Calendar.AddWorkingDays(LocalToUtc(2026, 12, 15, 9), 2);

        Assert.Equal(LocalToUtc(2026, 12, 21, 9), due);
    }

    [Fact]
    public void AddWorkingDays_AppealOnSunday_CountsFromMonday()
    {
        var due = Calendar.AddWorkingDays(LocalToUtc(2026, 11, 22, 23), 1);

        Assert.Equal(LocalToUtc(2026, 11, 23, 23), due);
    }

    [Theory]
    [InlineData("Нет горячей воды в квартире", "ru")]
    [InlineData("Пәтерде ыстық су жоқ, көмектесіңіздер", "kk")]
    [InlineData("No hot water in my flat since Monday", "en")]
    [InlineData("Здравствуйте, у нас в доме нет воды уже третий день, просим помочь. Рақмет", "mixed")]
    [InlineData("Net goryachey vody v kvartire", "en")]
    [InlineData("", "ru")]
    public void LanguageDetector_TellsLanguagesApart(string text, string expected) => Assert.Equal(expected, LanguageDetector.Detect(text));

    [Theory]
    [InlineData("ул. Петрова, 54, кв. 12", "ул. Петрова, 54")]
    [InlineData("пр. Мангилик Ел, 113", "пр. Мангилик Ел, 113")]
    [InlineData("  ул. Сарайшык, 21, пәтер 5 ", "ул. Сарайшык, 21")]
    public void Buildings_StripTheFlat(string address, string building) => Assert.Equal(building, Buildings.Of(address));

    [Fact]
    public void CityGeography_KnowsAstanaFromAlmaty()
    {
        Assert.True(CityGeography.IsInCity(51.128, 71.43));
        Assert.False(CityGeography.IsInCity(43.25, 76.95));
        Assert.InRange(CityGeography.DistanceMetres(51.1801, 71.4402, 51.1810, 71.4410), 100, 130);
    }
}
