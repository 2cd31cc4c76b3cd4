namespace IKomek.Dashboard.Components.Charts;

public static partial class ChartLayout
{
    /// <summary>
    /// The city's chart colours, by meaning: pages name a colour's role (today, typical, critical), never its hex value,
    /// so that a change of theme happens here once.
    /// </summary>
    public static class Palette
    {
        /// <summary>Sky blue of the flag: the main series, "today", "actual".</summary>
        public const string Sky = "#0a84c6";
        public const string Amber = "#f2a900";
        public const string Green = "#2e9d5b";
        /// <summary>Critical, overdue, thresholds.</summary>
        public const string Red = "#d64541";
        public const string Violet = "#7b5ea7";
        public const string Teal = "#14a3a3";
        public const string Orange = "#d9822b";
        public const string Slate = "#5c6f82";
        /// <summary>Reference lines (typical day, targets) and context points: present but not the story.</summary>
        public const string Grey = "#9aa7b4";
        /// <summary>Text on the panel's light background.</summary>
        public const string Ink = "#28323c";
        /// <summary>Text on the deepest shade of <see cref="Shade"/>.</summary>
        public const string Navy = "#0b2740";
        public const string White = "#ffffff";
        public const string Transparent = "rgba(0,0,0,0)";
        /// <summary><see cref="Sky"/> see-through, for many points drawn over each other.</summary>
        public const string SkyGlass = "rgba(10,132,198,0.35)";

        /// <summary>Colours of series that have no meaning of their own, in order: distinct and colour-blind-friendly.</summary>
        public static readonly IReadOnlyList<string> Series = [Sky, Amber, Green, Red, Violet, Teal, Orange, Slate, "#b8860b", "#c2185b"];

        /// <summary>From a pale to a deep blue as <paramref name="share"/> (0..1) grows: how busy a district is.</summary>
        public static string Shade(double share)
        {
            var t = Math.Clamp(share, 0, 1);
            int Mix(int from, int to) => (int)Math.Round(from + (to - from) * t);
            return $"rgb({Mix(222, 10)},{Mix(236, 94)},{Mix(248, 145)})";
        }

        /// <summary>Text colour that stays readable on <see cref="Shade"/> of the same share.</summary>
        public static string OnShade(double share) => share > 0.55 ? White : Navy;
    }
}
