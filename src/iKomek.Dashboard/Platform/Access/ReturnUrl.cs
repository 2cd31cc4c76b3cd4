
namespace IKomek.Dashboard.Platform.Access;

/// <summary>Where to go back after signing in or out: a page of this panel, never another site.</summary>
public static class ReturnUrl
{
    /// <summary>The path itself when it is local ("/problems/12?x=1"), otherwise "/". "//evil.example" and
    /// "/\evil.example" are other sites to a browser; the sign-in page itself would only ask again.</summary>
    public static string Local(string? url)
    {
        if (string.IsNullOrEmpty(url) || url[0] != '/') return "/";
        if (url.Length > 1 && (url[1] == '/' || url[1] == '\\')) return "/";
        if (url.Any(char.IsControl)) return "/";
        if (url.StartsWith(AccessPaths.SignIn, StringComparison.OrdinalIgnoreCase)) return "/";
        return url;
    }

    /// <summary>The sign-in page's address that comes back to <paramref name="current"/>.</summary>
    public static string SignInFrom(string current) =>
        $"{AccessPaths.SignIn.TrimStart('/')}?returnUrl={Uri.EscapeDataString(Local(current))}";

    /// <summary>The page being shown, as a local path to come back to.</summary>
    public static string Here(Microsoft.AspNetCore.Components.NavigationManager nav) => "/" + nav.ToBaseRelativePath(nav.Uri);
}
