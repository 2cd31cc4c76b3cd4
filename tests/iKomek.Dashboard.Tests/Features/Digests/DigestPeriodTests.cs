using IKomek.Dashboard.Features.Digests;

namespace IKomek.Dashboard.Tests.Features.Digests;

public sealed class DigestPeriodTests
{
    // The tests' Tuesday, 31 March 2026.
    private static readonly DateOnly Today = new(2026, 3, 31);

    [Theory]
    [InlineData("daily", "2026-03-30", "2026-03-31", "2026-03-29", "2026-03-30")]
    [InlineData("weekly", "2026-03-23", "2026-03-30", "2026-03-16", "2026-03-23")]
    [InlineData("monthly", "2026-02-01", "2026-03-01", "2026-01-01", "2026-02-01")]
    public void For_ADay_CoversTheLastWholePeriod_AndComparesWithTheOneBefore(string kind, string from, string to, string prevFrom, string prevTo)
    {
        var period = DigestPeriod.For(kind, Today);

        Assert.Equal((DateOnly.Parse(from), DateOnly.Parse(to)), (period.From, period.To));
        Assert.Equal((DateOnly.Parse(prevFrom), DateOnly.Parse(prevTo)), (period.Previous.From, period.Previous.To));
    }

    [Fact]
    public void For_AMonday_TheWeeklyIsTheWeekJustEnded()
    {
        var period = DigestPeriod.For(DigestKinds.Weekly, new DateOnly(2026, 3, 30));

        Assert.Equal((new DateOnly(2026, 3, 23), new DateOnly(2026, 3, 30)), (period.From, period.To));
    }

    [Fact]
    public void For_TheFirstOfJanuary_TheMonthlyIsDecember_AndItsRatingMonthToo()
    {
        var period = DigestPeriod.For(DigestKinds.Monthly, new DateOnly(2027, 1, 1));

        Assert.Equal((new DateOnly(2026, 12, 1), new DateOnly(2027, 1, 1)), (period.From, period.To));
        Assert.Equal(new DateOnly(2026, 12, 1), period.RatingMonth);
        Assert.Equal(new DateOnly(2026, 11, 1), period.Previous.From);
    }

    [Fact]
    public void For_AnUnknownKind_Refuses() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => DigestPeriod.For("hourly", Today));
}
