using IKomek.Dashboard.Components.Charts;

namespace IKomek.Dashboard.Tests.Components;

public sealed class ChartLayoutTests
{
    [Fact]
    public void Merge_KeepsBaseAndOverridesNestedValues()
    {
        var merged = ChartLayout.Merge(new { margin = new { l = 200 }, barmode = "stack" }, height: 320);

        Assert.Equal(320, (int)merged["height"]!);
        Assert.Equal(200, (int)merged["margin"]!["l"]!);
        Assert.Equal(16, (int)merged["margin"]!["r"]!);
        Assert.Equal("stack", (string)merged["barmode"]!);
        // ru-KZ number format in every chart: decimal comma, space as thousands separator.
        Assert.Equal(", ", (string)merged["separators"]!);
    }

    [Fact]
    public void Merge_NoOverrides_IsTheBase()
    {
        var merged = ChartLayout.Merge(null, 300);

        Assert.Equal(300, (int)merged["height"]!);
        Assert.NotNull(merged["colorway"]);
    }
}
