using System.Net;
using IKomek.Dashboard.E2E.Infrastructure;
using Microsoft.Playwright;

namespace IKomek.Dashboard.E2E;

/// <summary>
/// Hangfire's dashboard over real HTTP: administrators only. Hangfire alone would admit every request from the local
/// machine, and these requests all come from 127.0.0.1, as every request does behind a reverse proxy on the host.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class HangfireDashboardTests(DashboardFixture fixture)
{
    private static readonly string[] Paths = ["/admin/hangfire", "/admin/hangfire/recurring", "/admin/hangfire/servers", "/admin/hangfire/stats"];

    [Theory]
    [InlineData(null)]
    [InlineData("203.0.113.7")]
    [InlineData("127.0.0.1")]
    public async Task Anonymous_IsRefused_WhateverAddressItClaims(string? forwardedFor)
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(fixture.App.BaseUrl) };
        foreach (var path in Paths)
        {
            using var request = new HttpRequestMessage(path.EndsWith("/stats", StringComparison.Ordinal) ? HttpMethod.Post : HttpMethod.Get, path);
            if (forwardedFor is not null) request.Headers.Add("X-Forwarded-For", forwardedFor);
            using var response = await http.SendAsync(request);
            AssertRefused(path, (int)response.StatusCode, response.Headers.Location?.OriginalString, await response.Content.ReadAsStringAsync());
        }
    }

    [Theory]
    [InlineData("operator")]
    [InlineData("analyst")]
    public async Task SignedInOtherRoles_AreRefused(string login)
    {
        var page = await fixture.OpenAsync("/", signedInAs: login);
        foreach (var path in Paths)
        {
            var response = await Send(page, path, forwardedFor: null);
            AssertRefused(path, response.Status, response.Headers.GetValueOrDefault("location"), await response.TextAsync());
        }
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Administrator_SeesTheDashboard_WithEveryRecurringJob()
    {
        var page = await fixture.OpenAsync("/", signedInAs: "admin");
        var overview = await Send(page, "/admin/hangfire", forwardedFor: "203.0.113.7");
        Assert.Equal(200, overview.Status);
        var recurring = await Send(page, "/admin/hangfire/recurring", forwardedFor: null);
        Assert.Equal(200, recurring.Status);
        var html = await recurring.TextAsync();
        foreach (var id in new[] { "systemic-mining", "systemic-mining-full", "sla-sweep", "classifier-retrain" }) Assert.Contains(id, html);

        await page.GotoAsync("/admin/hangfire/servers");
        // Hangfire speaks the browser's language (Russian here); this node is in its server list.
        await Assertions.Expect(page.Locator("h1#page-title")).ToHaveTextAsync("Серверы");
        await Assertions.Expect(page.Locator("table tbody tr").First).ToBeVisibleAsync();
        await DashboardFixture.ScreenshotAsync(page, "hangfire-servers-1920x1080");
        await page.Context.CloseAsync();
    }

    private static async Task<IAPIResponse> Send(IPage page, string path, string? forwardedFor)
    {
        var options = new APIRequestContextOptions { MaxRedirects = 0, Method = path.EndsWith("/stats", StringComparison.Ordinal) ? "POST" : "GET" };
        if (forwardedFor is not null) options.Headers = new Dictionary<string, string> { ["X-Forwarded-For"] = forwardedFor };
        return await page.Context.APIRequest.FetchAsync(path, options);
    }

    /// <summary>Refused: sent to the sign-in page, or 401/403; never Hangfire's page or data.</summary>
    private static void AssertRefused(string path, int status, string? location, string body)
    {
        if (status == (int)HttpStatusCode.Redirect)
        {
            Assert.NotNull(location);
            Assert.StartsWith("/account/signin", new Uri(new Uri("http://x"), location).AbsolutePath, StringComparison.Ordinal);
        }
        else
        {
            Assert.True(status is 401 or 403, $"{path}: {status}");
        }
        Assert.DoesNotContain("Hangfire", body, StringComparison.Ordinal);
    }
}
