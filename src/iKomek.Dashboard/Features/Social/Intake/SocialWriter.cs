using Dapper;
using IKomek.Dashboard.Platform.Audit;
using Npgsql;

namespace IKomek.Dashboard.Features.Social.Intake;

/// <summary>A checked post with its topic (null when the model could not tell) and its place.</summary>
public sealed record SocialPostRow(SocialPostDraft Post, string Language, int? ServiceTypeId, int? AreaId, double? Confidence, string? Model, PostPlace Place);

/// <summary>
/// Writes a batch whole in one transaction: new posts are added and linked to their appeals and problems
/// (sql/functions/social/social_link_posts.sql, one set-based call for the batch); a post already known (the same
/// network and external id) keeps its row and takes the higher reactions and reposts (a stale export does not lower
/// the reach). The same post twice in a batch: the last one counts.
/// </summary>
public sealed class SocialWriter(NpgsqlDataSource db, TimeProvider time)
{
    public async Task<(int Added, int Updated, int Linked, IReadOnlyList<long> Ids)> WriteAsync(IReadOnlyList<SocialPostRow> rows, Actor by,
        CancellationToken ct = default)
    {
        var unique = rows.GroupBy(r => (r.Post.Network, r.Post.ExternalId)).Select(g => g.Last()).ToList();
        if (unique.Count == 0) return (0, 0, 0, []);
        var now = time.GetUtcNow().UtcDateTime;
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        const string sql = """
            INSERT INTO social_posts AS s (network, external_id, author_handle, posted_at, body, language, url, place_text, lat, lon,
                reactions, reposts, received_at, updated_at, imported_by, service_type_id, area_id, confidence, model,
                district_id, address_id, placed_by)
            SELECT network, external_id, author, posted_at, body, language, url, place, lat, lon, reactions, reposts, @now, @now, @by,
                   service_type_id, area_id, confidence, model, district_id, address_id, placed_by
            FROM unnest(@network::text[], @externalId::text[], @author::text[], @postedAt::timestamptz[], @body::text[], @language::text[],
                        @url::text[], @place::text[], @lat::float8[], @lon::float8[], @reactions::int[], @reposts::int[],
                        @serviceTypeId::int[], @areaId::smallint[], @confidence::real[], @model::text[], @districtId::smallint[],
                        @addressId::int[], @placedBy::text[])
                 AS x (network, external_id, author, posted_at, body, language, url, place, lat, lon, reactions, reposts,
                       service_type_id, area_id, confidence, model, district_id, address_id, placed_by)
            ON CONFLICT (network, external_id) DO UPDATE SET
                reactions = greatest(s.reactions, excluded.reactions), reposts = greatest(s.reposts, excluded.reposts),
                updated_at = excluded.updated_at
            RETURNING s.id, (xmax = 0) AS inserted
            """;
        var written = (await conn.QueryAsync<(long Id, bool Inserted)>(new CommandDefinition(sql, new
        {
            now,
            by = by.Name,
            network = unique.Select(r => r.Post.Network).ToArray(),
            externalId = unique.Select(r => r.Post.ExternalId).ToArray(),
            author = unique.Select(r => r.Post.Author).ToArray(),
            postedAt = unique.Select(r => r.Post.PostedAt.UtcDateTime).ToArray(),
            body = unique.Select(r => r.Post.Text).ToArray(),
            language = unique.Select(r => r.Language).ToArray(),
            url = unique.Select(r => r.Post.Url).ToArray(),
            place = unique.Select(r => r.Post.Place).ToArray(),
            lat = unique.Select(r => r.Place.Lat).ToArray(),
            lon = unique.Select(r => r.Place.Lon).ToArray(),
            reactions = unique.Select(r => r.Post.Reactions).ToArray(),
            reposts = unique.Select(r => r.Post.Reposts).ToArray(),
            serviceTypeId = unique.Select(r => r.ServiceTypeId).ToArray(),
            areaId = unique.Select(r => (short?)r.AreaId).ToArray(),
            confidence = unique.Select(r => (float?)r.Confidence).ToArray(),
            model = unique.Select(r => r.Model).ToArray(),
            districtId = unique.Select(r => (short?)r.Place.DistrictId).ToArray(),
            addressId = unique.Select(r => r.Place.AddressId).ToArray(),
            placedBy = unique.Select(r => r.Place.PlacedBy).ToArray(),
        }, tx, cancellationToken: ct))).AsList();

        var added = written.Where(w => w.Inserted).Select(w => w.Id).ToArray();
        var linked = added.Length == 0 ? 0 : await LinkAsync(conn, tx, added, now, by, ct);
        await tx.CommitAsync(ct);
        return (added.Length, written.Count - added.Length, linked, written.Select(w => w.Id).ToList());
    }

    /// <summary>Links posts to their appeals and problems (the matcher's links found again; hand-made ones kept).</summary>
    public static Task<int> LinkAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, long[] postIds, DateTime now, Actor by, CancellationToken ct) =>
        conn.ExecuteScalarAsync<int>(new CommandDefinition("SELECT social_link_posts(@postIds, @now, @by)",
            new { postIds, now, by = by.Name }, tx, cancellationToken: ct));
}
