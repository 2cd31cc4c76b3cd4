using IKomek.Dashboard.Features.Kpis;

namespace IKomek.Dashboard.Tests.Features.Kpis;

/// <summary>The year-end forecast on series whose answer is known by hand.</summary>
public sealed class KpiForecastTests
{
    private static IEnumerable<(DateOnly, double?)> Months(int year, params double?[] values) =>
        values.Select((v, i) => (new DateOnly(year, i + 1, 1), v));

    // A seasonal pattern: 10, 11, ..., 21 from January to December.
    private static readonly double?[] Season = [.. Enumerable.Range(0, 12).Select(i => (double?)(10 + i))];

    [Fact]
    public void SeasonalSeries_ThisYear10PercentAbove_IsForecastOnThePatternTimes1_1_WithNoBand()
    {
        var history = Months(2024, Season).Concat(Months(2025, Season)).Concat(Months(2026, 11, 12.1, 13.2));

        var forecast = KpiForecast.ToYearEnd(history, 2026, 12, "sum");

        Assert.Equal(9, forecast.Points.Count);
        Assert.Equal(new DateOnly(2026, 4, 1), forecast.Points[0].Period);
        Assert.All(forecast.Points, p =>
        {
            var expected = (10 + p.Period.Month - 1) * 1.1;
            Assert.Equal(expected, p.Value, 9);
            Assert.Equal(expected, p.Low, 9);
            Assert.Equal(expected, p.High, 9);
        });
        Assert.Equal(0, forecast.Spread, 9);
        // 11 + 12.1 + 13.2 and 1.1 × (13 + 14 + ... + 21).
        Assert.Equal(36.3 + 1.1 * Enumerable.Range(13, 9).Sum(), forecast.YearEnd!.Value, 9);
    }

    [Fact]
    public void NoisyQuarters_BandFromTheErrorsOfPastAndThisYear()
    {
        var history = new (DateOnly, double?)[]
        {
            (new(2025, 1, 1), 10), (new(2025, 4, 1), 20), (new(2025, 7, 1), 10), (new(2025, 10, 1), 20),
            (new(2026, 1, 1), 12), (new(2026, 4, 1), 18),
        };

        var forecast = KpiForecast.ToYearEnd(history, 2026, 4, "mean");

        // Ratio (12 + 18) / (10 + 20) = 1; errors: none from 2025 (no other past year to forecast it from), +0.2 and
        // -0.1 this year: rms = sqrt((0.04 + 0.01) / 2) = 0.1581139; band = ± 1.96 × rms × value.
        var rms = Math.Sqrt(0.05 / 2);
        Assert.Equal(rms, forecast.Spread, 9);
        Assert.Equal([new DateOnly(2026, 7, 1), new DateOnly(2026, 10, 1)], forecast.Points.Select(p => p.Period));
        Assert.Equal([10.0, 20.0], forecast.Points.Select(p => p.Value));
        Assert.Equal(10 - 1.96 * rms * 10, forecast.Points[0].Low, 9);
        Assert.Equal(20 + 1.96 * rms * 20, forecast.Points[1].High, 9);
        Assert.Equal((12 + 18 + 10 + 20) / 4.0, forecast.YearEnd!.Value, 9);
    }

    [Fact]
    public void PastYearsForecastFromEachOther_WidenTheBand()
    {
        // 2024 is 10 every month, 2025 is 10 in the first half and 14 in the second; this year follows the pattern.
        var history = Months(2024, [.. Enumerable.Repeat((double?)10, 12)])
            .Concat(Months(2025, [.. Enumerable.Repeat((double?)10, 6), .. Enumerable.Repeat((double?)14, 6)]))
            .Concat(Months(2026, 10, 10));

        var forecast = KpiForecast.ToYearEnd(history, 2026, 12, "sum");

        // 2024 from 2025: ratio 120 / 144 = 5/6, errors 10 / (10 × 5/6) - 1 = 0.2 (six months) and 10 / (14 × 5/6) - 1 = -1/7 (six).
        // 2025 from 2024: ratio 1.2, errors 10 / 12 - 1 = -1/6 and 14 / 12 - 1 = 1/6. This year: pattern 10, errors 0 (two).
        var squares = 6 * 0.04 + 6 / 49.0 + 12 / 36.0;
        Assert.Equal(Math.Sqrt(squares / 26), forecast.Spread, 9);
        Assert.Equal(12.0, forecast.Points[^1].Value, 9);
    }

    [Fact]
    public void WithoutPastYears_ThisYearsMeanCarriesOn()
    {
        var forecast = KpiForecast.ToYearEnd(Months(2026, 8, 12), 2026, 12, "last");

        Assert.Equal(10, forecast.Points.Count);
        Assert.All(forecast.Points, p => Assert.Equal(10, p.Value, 9));
        // Deviations -0.2 and +0.2 from the mean: rms 0.2.
        Assert.Equal(0.2, forecast.Spread, 9);
        Assert.Equal(10 - 1.96 * 0.2 * 10, forecast.Points[0].Low, 9);
        Assert.Equal(10, forecast.YearEnd!.Value, 9);
    }

    [Fact]
    public void NothingKnown_NoForecast()
    {
        var forecast = KpiForecast.ToYearEnd([], 2026, 12, "sum");

        Assert.Empty(forecast.Points);
        Assert.Null(forecast.YearEnd);
    }

    [Fact]
    public void YearReported_NothingLeftToForecast()
    {
        var forecast = KpiForecast.ToYearEnd(Months(2025, Season).Concat(Months(2026, Season)), 2026, 12, "sum");

        Assert.Empty(forecast.Points);
        Assert.Equal(Enumerable.Range(10, 12).Sum(), forecast.YearEnd!.Value, 9);
    }

    [Fact]
    public void BandNeverBelowZero_ForANonNegativeSeries()
    {
        var forecast = KpiForecast.ToYearEnd(Months(2026, 1, 20, 1, 20), 2026, 12, "sum");

        Assert.All(forecast.Points, p => Assert.True(p.Low >= 0));
    }
}
