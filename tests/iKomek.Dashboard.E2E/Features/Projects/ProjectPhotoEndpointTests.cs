using System.Net;
using IKomek.Dashboard.E2E.Infrastructure;

namespace IKomek.Dashboard.E2E.Features.Projects;

/// <summary>The photo endpoints over real HTTP: a public project's photos for anyone, the others for signed-in readers only.</summary>
[Collection(DashboardCollection.Name)]
public sealed class ProjectPhotoEndpointTests(DashboardFixture fixture)
{
    [Fact]
    public async Task PublicProjectsPhoto_ServedToAnyoneWithItsTypeAndAPublicCache()
    {
        await using var db = await fixture.OpenDatabaseAsync();
        var photo = await CardRows.PhotoAsync(db, await CardRows.CodeAsync(db, isPublic: true), "public");

        var image = await GetAsync($"/projects/photos/{photo}");
        var thumb = await GetAsync($"/projects/photos/{photo}/thumb");

        Assert.Equal(HttpStatusCode.OK, image.Status);
        Assert.Equal("image/png", image.ContentType);
        Assert.True(image.CacheControl is { Public: true, Private: false });
        Assert.Equal(TimeSpan.FromDays(1), image.CacheControl.MaxAge);
        Assert.Equal(CardRows.Png, image.Bytes);
        Assert.Equal(HttpStatusCode.OK, thumb.Status);
        Assert.Equal("image/png", thumb.ContentType);
    }

    [Fact]
    public async Task NotPublicProjectsPhoto_RefusedAnonymously_ServedSignedInPrivately()
    {
        await using var db = await fixture.OpenDatabaseAsync();
        var photo = await CardRows.PhotoAsync(db, await CardRows.CodeAsync(db, isPublic: false), "internal");
        using var panel = new PanelHttpClient(fixture.App.BaseUrl);
        Assert.Null(await panel.SignInAsync("project.office", "demo-projects-109"));

        var anonymous = await GetAsync($"/projects/photos/{photo}");
        var anonymousThumb = await GetAsync($"/projects/photos/{photo}/thumb");
        var signedIn = await GetAsync($"/projects/photos/{photo}", panel.Cookies);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.Status);
        Assert.Empty(anonymous.Bytes);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymousThumb.Status);
        Assert.Equal(HttpStatusCode.OK, signedIn.Status);
        Assert.Equal("image/png", signedIn.ContentType);
        Assert.True(signedIn.CacheControl is { Private: true, Public: false });
        Assert.Equal(TimeSpan.FromHours(1), signedIn.CacheControl.MaxAge);
    }

    [Theory]
    [InlineData("/projects/photos/2147483647")]
    [InlineData("/projects/photos/2147483647/thumb")]
    [InlineData("/projects/photos/abc/thumb")]
    public async Task UnknownPhoto_NotFound(string path)
    {
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(path)).Status);
    }

    private async Task<(HttpStatusCode Status, string? ContentType, System.Net.Http.Headers.CacheControlHeaderValue? CacheControl, byte[] Bytes)> GetAsync(string path,
        IReadOnlyDictionary<string, string>? cookies = null)
    {
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = new Uri(fixture.App.BaseUrl) };
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (cookies is { Count: > 0 }) request.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}")));
        using var response = await http.SendAsync(request);
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, response.Headers.CacheControl,
            await response.Content.ReadAsByteArrayAsync());
    }
}
