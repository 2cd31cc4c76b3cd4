using Dapper;
using IKomek.Dashboard.Platform.Audit;
using IKomek.Dashboard.Platform.City;
using Npgsql;

namespace IKomek.Dashboard.Features.Projects.Editing;

/// <summary>The limit of a project photo's upload (section City:ProjectPhotos).</summary>
public sealed class PhotoOptions
{
    public const string Section = "City:ProjectPhotos";

    /// <summary>Bytes a photo may have; project_photos refuses more than 10 MB whatever this says.</summary>
    public long MaxBytes { get; set; } = 10 * 1024 * 1024;
}

/// <summary>A stored photo as the edit page lists it, with its thumbnail.</summary>
public sealed record PhotoRow(int Id, DateTime TakenOn, string Caption, string ContentType, int Width, int Height, int Bytes, byte[] Thumbnail,
    string UploadedBy, string ThumbnailType);

/// <summary>
/// Photos of a project, uploaded by the project office: checked by content (type from the magic bytes, dimensions from
/// the header, a size limit), given a thumbnail, stored in project_photos (so every node and a restart serve them), and
/// deleted; each act in the audit log. The caller has checked <c>CityAction.EditProjects</c>.
/// </summary>
public sealed class PhotoUploads(NpgsqlDataSource db, TimeProvider time, PhotoOptions options)
{
    public long MaxBytes => Math.Min(options.MaxBytes, 10 * 1024 * 1024);

    public async Task<IReadOnlyList<PhotoRow>> ListAsync(int projectId, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<PhotoRow>(new CommandDefinition("""
            SELECT id AS Id, taken_on::timestamp AS TakenOn, caption AS Caption, content_type AS ContentType, width AS Width, height AS Height,
                   octet_length(image) AS Bytes, thumbnail AS Thumbnail, uploaded_by AS UploadedBy,
                   CASE WHEN substring(thumbnail FROM 1 FOR 4) = '\x89504e47'::bytea THEN 'image/png' ELSE content_type END AS ThumbnailType
            FROM project_photos WHERE project_id = @projectId ORDER BY taken_on DESC, id DESC
            """, new { projectId }, cancellationToken: ct))).AsList();
    }

    /// <summary>Reads the upload (at most one byte past the limit), checks it and stores it; the id, or why it was refused.</summary>
    public async Task<(int? Id, EditError? Error)> AddAsync(int projectId, Stream content, string fileName, string caption, Actor actor, CancellationToken ct = default)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBytes) return (null, new EditError("photo", "photoTooLarge", fileName, MaxBytes / 1048576.0));
        }
        var bytes = buffer.ToArray();
        if (bytes.Length == 0) return (null, new EditError("photo", "photoEmpty", fileName));
        if (UploadImages.ReadHeader(bytes) is not { } header) return (null, new EditError("photo", "photoNotImage", fileName));
        if (UploadImages.Thumbnail(bytes, header) is not { } thumbnail)
            return (null, new EditError("photo", "photoNoThumbnail", fileName, UploadImages.MaxOwnThumbnailBytes / 1024));
        caption = caption.Trim();
        if (caption.Length > ProjectRules.MaxText) return (null, new EditError("caption", "tooLong", ProjectRules.MaxText));

        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var now = time.GetUtcNow();
        var id = await conn.ExecuteScalarAsync<int>(new CommandDefinition("""
            INSERT INTO project_photos (project_id, taken_on, caption, content_type, width, height, image, thumbnail, uploaded_at, uploaded_by)
            VALUES (@projectId, @today::date, @caption, @ContentType, @Width, @Height, @bytes, @thumbnail, @now, @by)
            RETURNING id
            """, new
        {
            projectId, today = new AstanaClock(time).Today.ToDateTime(TimeOnly.MinValue), caption, header.ContentType, header.Width, header.Height,
            bytes, thumbnail, now, by = actor.Name,
        }, tx, cancellationToken: ct));
        var code = await TouchAsync(conn, tx, projectId, actor, now, ct);
        await AuditLog.RecordAsync(conn, tx, actor, AuditActions.ProjectPhoto, "project", code,
            new { op = "photo.add", photo = id, file = fileName, header.ContentType, header.Width, header.Height, bytes = bytes.Length }, ct);
        await tx.CommitAsync(ct);
        return (id, null);
    }

    public async Task<bool> DeleteAsync(int projectId, int photoId, Actor actor, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var deleted = await conn.ExecuteAsync(new CommandDefinition(
            "DELETE FROM project_photos WHERE id = @photoId AND project_id = @projectId", new { photoId, projectId }, tx, cancellationToken: ct));
        if (deleted == 0) return false;
        var code = await TouchAsync(conn, tx, projectId, actor, time.GetUtcNow(), ct);
        await AuditLog.RecordAsync(conn, tx, actor, AuditActions.ProjectPhoto, "project", code, new { op = "photo.delete", photo = photoId }, ct);
        await tx.CommitAsync(ct);
        return true;
    }

    private static Task<string> TouchAsync(NpgsqlConnection conn, NpgsqlTransaction tx, int projectId, Actor actor, DateTimeOffset now, CancellationToken ct) =>
        conn.ExecuteScalarAsync<string>(new CommandDefinition(
            "UPDATE projects SET updated_at = @now, updated_by = @by WHERE id = @projectId RETURNING code",
            new { projectId, now, by = actor.Name }, tx, cancellationToken: ct))!;
}
