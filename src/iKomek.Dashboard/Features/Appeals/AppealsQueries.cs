using Dapper;
using Npgsql;

namespace IKomek.Dashboard.Features.Appeals;

/// <summary>Reads of the appeals explorer: filtered, sorted, paged on the server.</summary>
public sealed class AppealsQueries(NpgsqlDataSource db)
{
    /// <summary>Totals above this are shown as "more than": <see cref="AppealPage.Total"/> is then CountCap + 1.</summary>
    public const int CountCap = 10_000;

    /// <summary>Sortable grid columns and their SQL; anything else falls back to newest first.</summary>
    private static readonly Dictionary<string, string> SortColumns = new(StringComparer.OrdinalIgnoreCase)
    {
        [nameof(AppealRow.CreatedAt)] = "created_at",
        [nameof(AppealRow.RegNumber)] = "reg_number",
        [nameof(AppealRow.Status)] = "status",
        [nameof(AppealRow.SlaDueAt)] = "sla_due_at",
    };

    public async Task<AppealPage> SearchAsync(AppealFilter filter, int skip, int take, string? sortColumn, bool descending, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(take);
        var where = """
            WHERE (@FromUtc::timestamptz IS NULL OR created_at >= @FromUtc)
              AND (@ToUtc::timestamptz IS NULL OR created_at < @ToUtc)
              AND (@DistrictId::int IS NULL OR district_id = @DistrictId)
              AND (@AreaId::int IS NULL OR area_id = @AreaId)
              AND (@ChannelId::int IS NULL OR channel_id = @ChannelId)
              AND (@Status::text IS NULL OR status = @Status)
              AND (@Text::text IS NULL OR reg_number = @Text
                   OR to_tsvector('simple', description || ' ' || coalesce(address, '')) @@ appeal_search_query(@Text))
            """;
        var known = SortColumns.TryGetValue(sortColumn ?? "", out var order);
        var direction = !known || descending ? "DESC" : "ASC";
        order = known ? order : "created_at";
        var sql = $"""
            SELECT id AS Id, reg_number AS RegNumber, created_at AS CreatedAt, channel_id::int AS ChannelId,
                   service_type_id AS ServiceTypeId, area_id::int AS AreaId, district_id::int AS DistrictId,
                   department_id::int AS DepartmentId, status AS Status, is_critical AS IsCritical,
                   first_contact_resolved AS FirstContactResolved, sla_due_at AS SlaDueAt, resolved_at AS ResolvedAt,
                   address AS Address, left(description, 300) AS Description
            FROM appeals
            {where}
            ORDER BY {order} {direction}, id {direction}
            OFFSET @skip LIMIT @take;

            -- Counted up to a cap: an exact count of a year of a big city would cost more than the page itself.
            SELECT count(*) FROM (SELECT 1 FROM appeals {where} LIMIT @countCap) capped;
            """;
        var text = string.IsNullOrWhiteSpace(filter.Text) ? null : filter.Text.Trim();
        var args = new
        {
            filter.FromUtc, filter.ToUtc, filter.DistrictId, filter.AreaId, filter.ChannelId, filter.Status,
            Text = text,
            countCap = CountCap + 1,
            skip,
            take,
        };
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var grid = await conn.QueryMultipleAsync(new CommandDefinition(sql, args, cancellationToken: ct));
        var rows = (await grid.ReadAsync<AppealRow>()).AsList();
        var total = await grid.ReadSingleAsync<long>();
        return new AppealPage(rows, total);
    }

}
