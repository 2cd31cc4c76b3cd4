using System.Globalization;
using IKomek.Dashboard.Components.Charts;
using Plotly.Blazor.Traces;

namespace IKomek.Dashboard.Tests.Components;

public sealed class ChartLayoutTests
{
    [Fact]
    public void Base_HasTheSharedLookAndTheGivenHeight()
    {
        var layout = ChartLayout.Base(320);

        Assert.Equal(320, layout.Height);
        Assert.Equal(48, layout.Margin.L);
        Assert.Equal(16, layout.Margin.R);
        Assert.Equal(ChartLayout.Palette.Series, layout.Colorway.Cast<string>());
        Assert.Single(layout.XAxis);
        Assert.Single(layout.YAxis);
    }

    [Fact]
    public void Separators_AreTheOnesRuKzWritesNumbersWith()
    {
        // A chart's axis and the tile beside it must read alike: decimal comma, no-break space between thousands.
        var ruKz = new CultureInfo("ru-KZ").NumberFormat;

        Assert.Equal(ruKz.NumberDecimalSeparator + ruKz.NumberGroupSeparator, ChartLayout.Base().Separators);
        Assert.Equal(",\u00a0", ChartLayout.Separators);
    }

    [Theory]
    [InlineData("ru")]
    [InlineData("kk")]
    [InlineData("en")]
    public void Config_SpeaksTheReadersLanguage(string language)
    {
        var config = ChartLayout.Config(language);

        Assert.Equal(language, config.Locale);
        Assert.False(config.DisplayLogo);
        Assert.True(config.Responsive);
    }

    [Fact]
    public void Traces_TakeTheirColourFromThePalette()
    {
        var bars = Traces.Bars("today", [1, 2], [3, 4]);
        var typical = Traces.ReferenceLine("typical", [1, 2], [3.5, 4.5]);

        Assert.Equal(ChartLayout.Palette.Sky, bars.Marker.Color);
        Assert.Equal(ChartLayout.Palette.Grey, typical.Line.Color);
        Assert.Equal([1, 2], bars.X.Cast<int>());
        Assert.IsType<Scatter>(typical);
    }
}
