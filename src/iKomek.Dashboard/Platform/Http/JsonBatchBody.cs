using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;

namespace IKomek.Dashboard.Platform.Http;

/// <summary>A batch API's body, <c>{"items": [...]}</c> (the city systems' and the social posts' intake): read within a
/// size limit, or refused with one precise message saying what to send instead.</summary>
public sealed class JsonBatchBody : IDisposable
{
    private readonly JsonDocument _document;

    private JsonBatchBody(JsonDocument document, IReadOnlyList<JsonElement> items) => (_document, Items) = (document, items);

    /// <summary>The items, valid while this body is not disposed.</summary>
    public IReadOnlyList<JsonElement> Items { get; }

    public void Dispose() => _document.Dispose();

    /// <summary>The body, or the reason it is refused (a 400 in the caller's error form).</summary>
    public static async Task<(JsonBatchBody? Body, string? Error)> ReadAsync(HttpContext http, long maxBytes, int maxItems, CancellationToken ct)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = maxBytes;
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(http.Request.Body, default, ct);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, $"the request is larger than {maxBytes / 1024 / 1024} MB: send smaller batches");
        }
        catch (JsonException e)
        {
            return (null, $"the body is not valid JSON: {e.Message}");
        }
        var root = document.RootElement;
        JsonElement items = default;
        var error = root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("items", out items) || items.ValueKind != JsonValueKind.Array
            ? "the body must be a JSON object {\"items\": [...]}"
            : items.GetArrayLength() == 0 ? "items is empty: nothing to store"
            : items.GetArrayLength() > maxItems ? $"{items.GetArrayLength()} items in one request; at most {maxItems}: send smaller batches"
            : null;
        if (error is not null)
        {
            document.Dispose();
            return (null, error);
        }
        return (new JsonBatchBody(document, items.EnumerateArray().ToList()), null);
    }
}
