using System.Net;
using IKomek.Dashboard.E2E.Infrastructure;
using IKomek.Dashboard.E2E.Pages;
using Microsoft.Playwright;

namespace IKomek.Dashboard.E2E.Features.Jobs;

/// <summary>
/// Hangfire's dashboard over real HTTP: administrators only. Hangfire alone would admit every request from the local
/// machine, and these requests all come from 127.0.0.1, as every request does behind a reverse proxy on the host.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class HangfireDashboardTests(DashboardFixture fixture)
{
    [Theory]
    [InlineData(null)]
    [InlineData("203.0.113.7")]
    [InlineData("127.0.0.1")]
    public async Task Anonymous_IsRefused_WhateverAddressItClaims(string? forwardedFor)
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(fixture.App.BaseUrl) };
        foreach (var path in HangfireDashboard.Paths)
        {
            using var request = new HttpRequestMessage(new HttpMethod(HangfireDashboard.MethodOf(path)), path);
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
        var page = (await LivePage.OpenAsync(fixture, signedInAs: login)).Page;
        foreach (var path in HangfireDashboard.Paths)
        {
            var response = await HangfireDashboard.FetchAsync(page, path, forwardedFor: null);
            AssertRefused(path, response.Status, response.Headers.GetValueOrDefault("location"), await response.TextAsync());
        }
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Administrator_SeesTheDashboard_WithEveryRecurringJob()
    {
        var page = (await LivePage.OpenAsync(fixture, signedInAs: "admin")).Page;
        var overview = await HangfireDashboard.FetchAsync(page, HangfireDashboard.Path, forwardedFor: "203.0.113.7");
        Assert.Equal(200, overview.Status);
        var recurring = await HangfireDashboard.FetchAsync(page, "/admin/hangfire/recurring", forwardedFor: null);
        Assert.Equal(200, recurring.Status);
        var html = await recurring.TextAsync();
        foreach (var id in new[] { "systemic-mining", "systemic-mining-full", "sla-sweep", "classifier-retrain" }) Assert.Contains(id, html);

        var servers = await HangfireDashboard.GotoServersAsync(page);
        // Hangfire speaks the browser's language (Russian here); this node is in its server list.
        await Assertions.Expect(servers.Title).ToHaveTextAsync("Серверы");
        await Assertions.Expect(servers.Rows.First).ToBeVisibleAsync();
        await DashboardFixture.ScreenshotAsync(page, "hangfire-servers-1920x1080");
        await page.Context.CloseAsync();
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
