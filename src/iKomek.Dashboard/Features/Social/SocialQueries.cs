using Dapper;
using Npgsql;

namespace IKomek.Dashboard.Features.Social;

/// <summary>A post as the pages show it (v_social_posts).</summary>
public sealed record SocialPost(
    long Id, string Network, string ExternalId, string AuthorHandle, DateTime PostedAt, string Body, string? Url, string? PlaceText,
    int Reactions, int Reposts, int Reach, int? ServiceTypeId, int? AreaId, float? Confidence, int? DistrictId, string? Address,
    string? PlacedBy, long Appeals, long Problems);

/// <summary>What a post is linked to: an appeal (its registration number, when, its status) or a problem (its title).</summary>
public sealed record SocialLink(string TargetKind, long TargetId, string Reason, float Similarity, float? DistanceM, string Label,
    DateTime? At, string? Status);

/// <summary>A problem's posts: how many, their reach, the most resonant ones.</summary>
public sealed record ProblemPosts(long Count, long Reach, IReadOnlyList<SocialPost> Top);

/// <summary>The analysts' filters of the posts the city has not heard through 109.</summary>
public sealed record UnheardFilter(string? Network = null, int? AreaId = null, int? DistrictId = null, bool ByTime = false, int Limit = 100);

/// <summary>The social pages' reads, from v_social_posts.</summary>
public sealed class SocialQueries(NpgsqlDataSource db)
{
    private const string Columns = """
        id AS Id, network AS Network, external_id AS ExternalId, author_handle AS AuthorHandle, posted_at AS PostedAt, body AS Body,
        url AS Url, place_text AS PlaceText, reactions AS Reactions, reposts AS Reposts, reach AS Reach, service_type_id AS ServiceTypeId,
        area_id::int AS AreaId, confidence AS Confidence, district_id::int AS DistrictId, address AS Address, placed_by AS PlacedBy,
        appeals AS Appeals, problems AS Problems
        """;

    /// <summary>Posts linked to no appeal (the city has not heard them through 109), the most resonant or the newest first.</summary>
    public async Task<IReadOnlyList<SocialPost>> GetUnheardAsync(UnheardFilter filter, CancellationToken ct = default)
    {
        var sql = $"""
            SELECT {Columns} FROM v_social_posts
            WHERE appeals = 0
              AND (@network::text IS NULL OR network = @network)
              AND (@areaId::int IS NULL OR area_id = @areaId)
              AND (@districtId::int IS NULL OR district_id = @districtId)
            ORDER BY {(filter.ByTime ? "posted_at DESC, reach DESC" : "reach DESC, posted_at DESC")}, id DESC
            LIMIT @limit
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<SocialPost>(new CommandDefinition(sql,
            new { network = filter.Network, areaId = filter.AreaId, districtId = filter.DistrictId, limit = filter.Limit }, cancellationToken: ct))).AsList();
    }

    public async Task<SocialPost?> GetPostAsync(long id, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<SocialPost>(new CommandDefinition(
            $"SELECT {Columns} FROM v_social_posts WHERE id = @id", new { id }, cancellationToken: ct));
    }

    /// <summary>A post's links, problems first, then appeals by the reason and how alike they are.</summary>
    public async Task<IReadOnlyList<SocialLink>> GetLinksAsync(long postId, CancellationToken ct = default)
    {
        const string sql = """
            SELECT l.target_kind AS TargetKind, l.target_id AS TargetId, l.reason AS Reason, l.similarity AS Similarity, l.distance_m AS DistanceM,
                   coalesce(a.reg_number, p.title, '') AS Label, coalesce(a.created_at, p.first_seen) AS At, coalesce(a.status, p.status) AS Status
            FROM social_post_links l
            LEFT JOIN appeals a ON l.target_kind = 'appeal' AND a.id = l.target_id
            LEFT JOIN systemic_problems p ON l.target_kind = 'problem' AND p.id = l.target_id
            WHERE l.post_id = @postId AND NOT l.removed
            ORDER BY l.target_kind = 'problem' DESC, l.reason = 'topic_place' DESC, l.similarity DESC, l.target_id
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<SocialLink>(new CommandDefinition(sql, new { postId }, cancellationToken: ct))).AsList();
    }

    /// <summary>A systemic problem's posts: their count and reach, and the <paramref name="top"/> most resonant.</summary>
    public async Task<ProblemPosts> GetProblemPostsAsync(long problemId, int top = 5, CancellationToken ct = default)
    {
        var sql = $"""
            SELECT count(*) AS Count, coalesce(sum(p.reactions + p.reposts), 0)::bigint AS Reach
            FROM social_post_links l JOIN social_posts p ON p.id = l.post_id
            WHERE l.target_kind = 'problem' AND l.target_id = @problemId AND NOT l.removed;

            SELECT {Columns} FROM v_social_posts
            WHERE id IN (SELECT post_id FROM social_post_links WHERE target_kind = 'problem' AND target_id = @problemId AND NOT removed)
            ORDER BY reach DESC, posted_at DESC, id DESC
            LIMIT @top
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var grid = await conn.QueryMultipleAsync(new CommandDefinition(sql, new { problemId, top }, cancellationToken: ct));
        var (count, reach) = await grid.ReadSingleAsync<(long, long)>();
        return new ProblemPosts(count, reach, (await grid.ReadAsync<SocialPost>()).AsList());
    }
}
