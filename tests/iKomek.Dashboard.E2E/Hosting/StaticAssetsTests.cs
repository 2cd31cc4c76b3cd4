using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using IKomek.Dashboard.E2E.Infrastructure;

namespace IKomek.Dashboard.E2E.Hosting;

/// <summary>
/// The big front-end files over real HTTP, from the app as `dotnet run` starts it (assets from the build output):
/// MudBlazor's CSS and JS at the fingerprinted addresses the page links, and Plotly's basic bundle at the address
/// Plotly.Blazor loads it from, each sent compressed and cacheable.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed partial class StaticAssetsTests(DashboardFixture fixture) : IDisposable
{
    private const string PlotlyBundle = "_content/Plotly.Blazor/plotly-basic-3.7.0.min.js";

    // No automatic decompression: the test reads the bytes as they travel.
    private readonly HttpClient _http = new(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None })
    {
        BaseAddress = new Uri(fixture.App.BaseUrl + "/"),
    };

    [GeneratedRegex(@"_content/MudBlazor/MudBlazor\.min\.[a-z0-9]{10}\.(css|js)")]
    private static partial Regex MudBlazorAsset();

    /// <summary>The MudBlazor addresses the page links: fingerprinted (the content's hash in the name).</summary>
    private async Task<string> LinkedAsync(string extension)
    {
        var html = await _http.GetStringAsync("");
        return MudBlazorAsset().Matches(html).Select(m => m.Value).Single(path => path.EndsWith("." + extension, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("css", "br", 60_000)]
    [InlineData("css", "gzip", 80_000)]
    [InlineData("js", "br", 20_000)]
    [InlineData("js", "gzip", 25_000)]
    public async Task MudBlazor_AtItsLinkedAddress_IsSentCompressed_AndCachedForAYear(string extension, string encoding, int atMost)
    {
        var path = await LinkedAsync(extension);
        using var whole = await SendAsync(path, "identity");

        using var compressed = await SendAsync(path, encoding == "br" ? "gzip, deflate, br, zstd" : "gzip, deflate");

        Assert.Equal([encoding], compressed.Content.Headers.ContentEncoding);
        var bytes = await compressed.Content.ReadAsByteArrayAsync();
        Assert.Equal(bytes.Length, compressed.Content.Headers.ContentLength);
        Assert.True(bytes.Length <= atMost, $"{path} is {bytes.Length:N0} bytes in {encoding}");
        Assert.Equal(await whole.Content.ReadAsByteArrayAsync(), Decompress(bytes, encoding));
        Assert.Contains("Accept-Encoding", compressed.Headers.Vary);
        // Fingerprinted: the address changes with the content, so the browser keeps it for a year without asking.
        Assert.Equal("max-age=31536000, immutable", compressed.Headers.CacheControl?.ToString());
        Assert.Equal("max-age=31536000, immutable", whole.Headers.CacheControl?.ToString());
    }

    [Theory]
    [InlineData("br", 330_000)]
    [InlineData("gzip", 400_000)]
    public async Task PlotlyBundle_IsSentCompressed_AndRevalidatedByItsETag(string encoding, int atMost)
    {
        using var whole = await SendAsync(PlotlyBundle, "identity");

        using var compressed = await SendAsync(PlotlyBundle, encoding == "br" ? "gzip, deflate, br, zstd" : "gzip, deflate");

        Assert.Equal([encoding], compressed.Content.Headers.ContentEncoding);
        var bytes = await compressed.Content.ReadAsByteArrayAsync();
        Assert.True(bytes.Length <= atMost, $"the Plotly bundle is {bytes.Length:N0} bytes in {encoding}");
        Assert.Equal(await whole.Content.ReadAsByteArrayAsync(), Decompress(bytes, encoding));
        // Plotly.Blazor asks for it by a plain address: the browser keeps it and asks again by its ETag, answered
        // "not modified" without the body.
        var etag = compressed.Headers.ETag;
        Assert.NotNull(etag);
        using var again = new HttpRequestMessage(HttpMethod.Get, PlotlyBundle);
        again.Headers.AcceptEncoding.ParseAdd(encoding);
        again.Headers.IfNoneMatch.Add(etag);
        using var notModified = await _http.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
    }

    private async Task<HttpResponseMessage> SendAsync(string path, string acceptEncoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.AcceptEncoding.ParseAdd(acceptEncoding);
        var response = await _http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response;
    }

    private static byte[] Decompress(byte[] bytes, string encoding)
    {
        using var input = new MemoryStream(bytes);
        using Stream decoder = encoding == "br" ? new BrotliStream(input, CompressionMode.Decompress) : new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        decoder.CopyTo(output);
        return output.ToArray();
    }

    public void Dispose() => _http.Dispose();
}
