using System.Text.Json;
using System.Text.Json.Nodes;

namespace IKomek.Dashboard.Components.Charts;

/// <summary>The panel's shared plotly look: its font, ru-KZ number separators, tight margins.</summary>
public static class ChartLayout
{
    /// <summary>City palette: sky blue of the flag first, then distinct, colour-blind-friendly hues.</summary>
    public static readonly string[] Palette =
        ["#0a84c6", "#f2a900", "#2e9d5b", "#d64541", "#7b5ea7", "#14a3a3", "#e8743b", "#5c6f82", "#b8860b", "#c2185b"];

    public static object Base(int height) => new
    {
        height,
        autosize = true,
        margin = new { l = 48, r = 16, t = 12, b = 40 },
        font = new { family = "Roboto Flex, Roboto, Inter, sans-serif", size = 13, color = "#28323c" },
        // ru-KZ: decimal comma, space between thousands.
        separators = ", ",
        paper_bgcolor = "rgba(0,0,0,0)",
        plot_bgcolor = "rgba(0,0,0,0)",
        colorway = Palette,
        legend = new { orientation = "h", y = -0.18 },
        // Long Russian and Kazakh labels: let plotly widen the margins to fit them.
        xaxis = new { automargin = true },
        yaxis = new { automargin = true },
        hoverlabel = new { font = new { size = 13 } },
    };

    /// <summary>Deep-merges a page's layout over the base layout.</summary>
    public static JsonObject Merge(object? overrides, int height)
    {
        var result = (JsonObject)JsonSerializer.SerializeToNode(Base(height))!;
        if (overrides is null) return result;
        var extra = JsonSerializer.SerializeToNode(overrides) as JsonObject ?? [];
        MergeInto(result, extra);
        return result;
    }

    private static void MergeInto(JsonObject target, JsonObject source)
    {
        foreach (var (key, value) in source.ToList())
        {
            if (value is JsonObject child && target[key] is JsonObject existing) MergeInto(existing, child);
            else target[key] = value?.DeepClone();
        }
    }
}
