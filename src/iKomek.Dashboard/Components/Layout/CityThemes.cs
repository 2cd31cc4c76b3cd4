using IKomek.Dashboard.Components.Charts;
using MudBlazor;

namespace IKomek.Dashboard.Components.Layout;

/// <summary>
/// The panel's two looks. Desks get the city's colours (the flag's sky blue and turquoise, the sun's gold) on a light
/// grey ground; the wall screen gets a dark, high-contrast palette with larger type, read across a room at night.
/// Pages use the theme's tokens (Color.Primary, var(--mud-palette-*)), never colours of their own.
/// </summary>
public static class CityThemes
{
    // The same hues as the charts' palette (ChartLayout.Palette), so tiles and charts agree.
    private const string CityBlue = ChartLayout.Palette.Sky;
    private const string CityBlueDark = "#05628f";
    private const string Turquoise = "#00afca";
    private const string Gold = "#fec50c";
    private const string Good = ChartLayout.Palette.Green;
    private const string Warn = "#e6a100";
    private const string Bad = ChartLayout.Palette.Red;

    /// <summary>Chart text and grid lines on the wall's dark ground (plotly takes colours, not CSS variables).</summary>
    public const string WallChartText = "#e8f0f7";

    public const string WallChartGrid = "rgba(255, 255, 255, 0.14)";

    private static readonly string[] Fonts = ["Roboto", "Segoe UI", "Helvetica Neue", "Arial", "sans-serif"];

    /// <summary>Department heads, analysts and operators at their desks.</summary>
    public static readonly MudTheme Desk = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = CityBlue,
            PrimaryDarken = CityBlueDark,
            Secondary = Turquoise,
            Tertiary = Gold,
            Info = CityBlue,
            Success = Good,
            Warning = Warn,
            Error = Bad,
            AppbarBackground = CityBlueDark,
            AppbarText = "#ffffff",
            Background = "#eef2f6",
            Surface = "#ffffff",
            DrawerBackground = "#ffffff",
            DrawerText = "#17324d",
            DrawerIcon = "#3d5a75",
            TextPrimary = "#17324d",
            TextSecondary = "#51667a",
            LinesDefault = "rgba(23, 50, 77, 0.12)",
            TableLines = "rgba(23, 50, 77, 0.10)",
            ActionDefault = "#3d5a75",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = Fonts, FontSize = "0.9375rem", LineHeight = "1.45" },
            H1 = new H1Typography { FontFamily = Fonts, FontSize = "1.6rem", FontWeight = "700", LineHeight = "1.25" },
            H2 = new H2Typography { FontFamily = Fonts, FontSize = "1.05rem", FontWeight = "600", LineHeight = "1.3" },
            Button = new ButtonTypography { FontFamily = Fonts, FontWeight = "500", TextTransform = "none" },
        },
        LayoutProperties = new LayoutProperties { DrawerWidthLeft = "15rem", DefaultBorderRadius = "8px", AppbarHeight = "64px" },
    };

    /// <summary>
    /// The wall screen (1920x1080, read from three metres): near-black ground, white numbers, saturated status colours
    /// that keep a contrast above 4.5:1 against the tiles.
    /// </summary>
    public static readonly MudTheme Wall = new()
    {
        PaletteDark = new PaletteDark
        {
            Primary = "#4fc3f7",
            PrimaryDarken = CityBlue,
            Secondary = "#26d7ee",
            Tertiary = Gold,
            Info = "#4fc3f7",
            Success = "#3ddc84",
            Warning = "#ffc233",
            Error = "#ff5a52",
            Black = "#05090d",
            Background = "#05090d",
            Surface = "#111c27",
            AppbarBackground = "#111c27",
            DrawerBackground = "#111c27",
            TextPrimary = "#ffffff",
            TextSecondary = "#c5d3e0",
            TextDisabled = "#8a9bab",
            LinesDefault = "rgba(255, 255, 255, 0.16)",
            TableLines = "rgba(255, 255, 255, 0.14)",
            ActionDefault = "#c5d3e0",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = Fonts, FontSize = "1.25rem", LineHeight = "1.35" },
            H1 = new H1Typography { FontFamily = Fonts, FontSize = "2rem", FontWeight = "700", LineHeight = "1.2" },
            H2 = new H2Typography { FontFamily = Fonts, FontSize = "1.35rem", FontWeight = "700", LineHeight = "1.25" },
            Button = new ButtonTypography { FontFamily = Fonts, FontWeight = "600", TextTransform = "none" },
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "10px" },
    };
}
