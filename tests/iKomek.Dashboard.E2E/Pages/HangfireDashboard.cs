using Microsoft.Playwright;

namespace IKomek.Dashboard.E2E.Pages;

/// <summary>
/// Page object of Hangfire's own dashboard (/admin/hangfire), administrators only: not a page of the app (no shell, no
/// circuit), its pages served by Hangfire in the browser's language.
/// </summary>
public sealed class HangfireDashboard(IPage page)
{
    public const string Path = "/admin/hangfire";

    /// <summary>Its pages and the one POST it answers (the stats), each as anonymous readers may not see them.</summary>
    public static readonly string[] Paths = [Path, Path + "/recurring", Path + "/servers", Path + "/stats"];

    public IPage Page { get; } = page;

    public ILocator Title => Page.Locator("h1#page-title");

    public ILocator Rows => Page.Locator("table tbody tr");

    public static async Task<HangfireDashboard> GotoServersAsync(IPage page)
    {
        await page.GotoAsync(Path + "/servers");
        return new HangfireDashboard(page);
    }

    /// <summary>The stats answer only POST; every other page GET.</summary>
    public static string MethodOf(string path) => path.EndsWith("/stats", StringComparison.Ordinal) ? "POST" : "GET";

    /// <summary>A request to one of its paths with the browser's cookies, not following redirects (a refusal shows as one).</summary>
    public static Task<IAPIResponse> FetchAsync(IPage page, string path, string? forwardedFor)
    {
        var options = new APIRequestContextOptions { MaxRedirects = 0, Method = MethodOf(path) };
        if (forwardedFor is not null) options.Headers = new Dictionary<string, string> { ["X-Forwarded-For"] = forwardedFor };
        return page.Context.APIRequest.FetchAsync(path, options);
    }
}
