namespace IKomek.Dashboard.Components.Layout;

/// <summary>
/// The wall screen's mode: the live panel at <c>/wall</c> or <c>/?wall=1</c>, full screen, in the dark wall theme.
/// </summary>
public static class WallMode
{
    public const string Path = "/wall";

    public static bool IsOn(string uri)
    {
        var u = new Uri(uri, UriKind.Absolute);
        return u.AbsolutePath.TrimEnd('/').EndsWith(Path, StringComparison.OrdinalIgnoreCase)
            || u.Query.TrimStart('?').Split('&').Contains("wall=1", StringComparer.Ordinal);
    }
}
