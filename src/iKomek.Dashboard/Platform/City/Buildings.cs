using System.Text.RegularExpressions;

namespace IKomek.Dashboard.Platform.City;

/// <summary>The building of an address: "ул. Петрова, 54, кв. 12" -> "ул. Петрова, 54" (same rule as sql/ register_appeal_addresses).</summary>
public static partial class Buildings
{
    public static string Of(string address) => Flat().Replace(address.Trim(), "");

    [GeneratedRegex(@",\s*(кв|пәтер|apt)\.?\s*\d+.*$")]
    private static partial Regex Flat();
}
