using Plotly.Blazor;
using Plotly.Blazor.LayoutLib;

namespace IKomek.Dashboard.Components.Charts;

/// <summary>The panel's shared plotly look: its font, ru-KZ number separators, tight margins, the city palette.</summary>
public static partial class ChartLayout
{
    /// <summary>
    /// ru-KZ as the rest of the page writes numbers: decimal comma, no-break space between thousands (the space that
    /// <c>ToString("N0")</c> gives for ru-KZ), so "3 125,5" reads the same in a tile and on an axis.
    /// </summary>
    public const string Separators = ",\u00a0";

    /// <summary>Dates on axes and in hover labels as the panel writes them elsewhere (numbers only: no month names to translate).</summary>
    public const string DayFormat = "%d.%m.%Y";

    /// <summary>The chart's layout with the shared look; a page sets its axes and bar mode on the result.</summary>
    public static Plotly.Blazor.Layout Base(int height = 300) => new()
    {
        Height = height,
        AutoSize = true,
        Margin = new Margin { L = 48, R = 16, T = 12, B = 40 },
        Font = new Font { Family = "Roboto Flex, Roboto, Inter, sans-serif", Size = 13, Color = Palette.Ink },
        Separators = Separators,
        PaperBgColor = Palette.Transparent,
        PlotBgColor = Palette.Transparent,
        Colorway = [.. Palette.Series],
        Legend = [new Legend { Orientation = Plotly.Blazor.LayoutLib.LegendLib.OrientationEnum.H, Y = -0.18m }],
        // Long Russian and Kazakh labels: let plotly widen the margins to fit them.
        // Ticks group thousands from 1 000 on, as the tiles do (plotly starts at 10 000 otherwise).
        XAxis = [new XAxis { AutoMargin = Plotly.Blazor.LayoutLib.XAxisLib.AutoMarginFlag.True, SeparateThousands = true }],
        YAxis = [new YAxis { AutoMargin = Plotly.Blazor.LayoutLib.YAxisLib.AutoMarginFlag.True, SeparateThousands = true }],
        HoverLabel = new HoverLabel { Font = new Plotly.Blazor.LayoutLib.HoverLabelLib.Font { Size = 13 } },
    };

    /// <summary>
    /// Plotly's own config for the reader's language: no logo, follows the panel's width, and month and weekday names
    /// (date axes, the mode bar's date hovers) in Russian or Kazakh; plotly itself ships English only.
    /// </summary>
    public static Config Config(string language) => new()
    {
        DisplayLogo = false,
        Responsive = true,
        Locale = language,
        Locales = Locales,
    };

    /// <summary>plotly's locale format for ru and kk (en is built in); the separators of <see cref="Separators"/> in both.</summary>
    private static readonly Dictionary<string, object> Locales = new()
    {
        ["ru"] = Locale(
            ["январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь"],
            ["янв", "фев", "мар", "апр", "май", "июн", "июл", "авг", "сен", "окт", "ноя", "дек"],
            ["воскресенье", "понедельник", "вторник", "среда", "четверг", "пятница", "суббота"],
            ["вс", "пн", "вт", "ср", "чт", "пт", "сб"]),
        ["kk"] = Locale(
            ["қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек", "қазан", "қараша", "желтоқсан"],
            ["қаң", "ақп", "нау", "сәу", "мам", "мау", "шіл", "там", "қыр", "қаз", "қар", "жел"],
            ["жексенбі", "дүйсенбі", "сейсенбі", "сәрсенбі", "бейсенбі", "жұма", "сенбі"],
            ["жс", "дс", "сс", "ср", "бс", "жм", "сб"]),
    };

    private static object Locale(string[] months, string[] shortMonths, string[] days, string[] shortDays) => new
    {
        dictionary = new Dictionary<string, string>(),
        format = new
        {
            months, shortMonths, days, shortDays,
            @decimal = ",", thousands = "\u00a0",
            date = "%d.%m.%Y", year = "%Y", month = "%b %Y", dayMonth = "%-d %b", dayMonthYear = "%-d %b %Y",
        },
    };

    /// <summary>A date x axis with numeric ticks and hover (<paramref name="tickFormat"/> in d3's time format).</summary>
    public static XAxis DateAxis(string tickFormat = DayFormat) => new()
    {
        AutoMargin = Plotly.Blazor.LayoutLib.XAxisLib.AutoMarginFlag.True,
        Type = Plotly.Blazor.LayoutLib.XAxisLib.TypeEnum.Date,
        TickFormat = tickFormat,
        HoverFormat = DayFormat,
    };

    /// <summary>An axis that only places things (the schematic maps): no ticks, no grid, no zoom.</summary>
    public static XAxis HiddenX(double from, double to) => new()
    {
        Visible = false,
        Range = [from, to],
        FixedRange = true,
    };

    /// <summary>The y partner of <see cref="HiddenX"/>, scaled so that a degree of latitude looks right beside longitude.</summary>
    public static YAxis HiddenY(double from, double to, decimal scaleRatio) => new()
    {
        Visible = false,
        Range = [from, to],
        FixedRange = true,
        ScaleAnchor = "x",
        ScaleRatio = scaleRatio,
    };
}
