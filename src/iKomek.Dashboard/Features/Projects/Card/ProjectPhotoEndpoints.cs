namespace IKomek.Dashboard.Features.Projects.Card;

/// <summary>
/// GET /projects/photos/{id} and /projects/photos/{id}/thumb: a project's photo and its thumbnail, served from the
/// database so every node has them. Anyone may read the photos of a public project (the open data publishes them);
/// the others need signing in.
/// </summary>
public static class ProjectPhotoEndpoints
{
    /// <summary>A photo's bytes never change (a new photo gets a new id): a public one is cached a day, a signed-in one privately.</summary>
    public const string PublicCache = "public, max-age=86400";
    public const string PrivateCache = "private, max-age=3600";

    public static void MapProjectPhotos(this WebApplication app)
    {
        app.MapGet("/projects/photos/{id:int}", (int id, ProjectCardQueries queries, HttpContext http, CancellationToken ct) =>
            ServeAsync(id, thumbnail: false, queries, http, ct));
        app.MapGet("/projects/photos/{id:int}/thumb", (int id, ProjectCardQueries queries, HttpContext http, CancellationToken ct) =>
            ServeAsync(id, thumbnail: true, queries, http, ct));
    }

    public static async Task<IResult> ServeAsync(int id, bool thumbnail, ProjectCardQueries queries, HttpContext http, CancellationToken ct)
    {
        if (await queries.GetPhotoAsync(id, thumbnail, ct) is not { } photo) return Results.NotFound();
        // A plain 401, not a redirect to the sign-in page: an <img> cannot follow one.
        if (!photo.IsPublic && http.User.Identity?.IsAuthenticated != true) return Results.Unauthorized();
        http.Response.Headers.CacheControl = photo.IsPublic ? PublicCache : PrivateCache;
        return Results.Bytes(photo.Bytes, photo.ContentType);
    }
}
