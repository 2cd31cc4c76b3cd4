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

    /// <summary>The order by relevance to the searched words: the explorer's while a search term is given and the reader
    /// has not sorted by a column. An exact registration number comes first, then the best-ranked texts.</summary>
    public const string Relevance = "Relevance";

    /// <summary>A page and the capped total in one call (the explorer itself asks for the count separately).</summary>
    public async Task<AppealPage> SearchAsync(AppealFilter filter, int skip, int take, string? sortColumn, bool descending, CancellationToken ct = default) =>
        new(await PageAsync(filter, skip, take, sortColumn, descending, null, ct), await CountAsync(filter, ct));

    /// <summary>
    /// One page, newest first unless sorted otherwise. With a <paramref name="cursor"/> (a row of the neighbouring page)
    /// it seeks from that row through the sort index instead of skipping rows: paging forward or back costs the same
    /// on the first page as on the hundredth.
    /// </summary>
    public async Task<IReadOnlyList<AppealRow>> PageAsync(AppealFilter filter, int skip, int take, string? sortColumn, bool descending,
        PageCursor? cursor, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(take);
        var (where, args) = Where(filter);
        if (sortColumn == Relevance && filter.Text is not null) return await RankedPageAsync(where, args, skip, take, ct);
        var known = SortColumns.TryGetValue(sortColumn ?? "", out var column);
        var desc = !known || descending;
        var order = column ?? "created_at";
        // A page before the cursor is read in the opposite order from the cursor on, then turned back.
        var reverse = cursor is { Before: true };
        var direction = desc != reverse ? "DESC" : "ASC";
        var seek = "";
        if (cursor is not null)
        {
            seek = $"AND ({order}, id) {(direction == "DESC" ? "<" : ">")} (@cursorValue, @cursorId)";
            args.Add("cursorValue", SortValue(cursor.Row, order));
            args.Add("cursorId", cursor.Row.Id);
        }
        var sql = $"""
            SELECT {RowColumns}
            FROM appeals
            {where} {seek}
            ORDER BY {order} {direction}, id {direction}
            OFFSET @skip LIMIT @take
            """;
        args.Add("skip", cursor is null ? skip : 0);
        args.Add("take", take);
        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = (await conn.QueryAsync<AppealRow>(new CommandDefinition(sql, args, cancellationToken: ct))).AsList();
        if (reverse) rows.Reverse();
        return rows;
    }

    /// <summary>A page by relevance. A rank is no key to seek from, so it pages by offset; the search has already narrowed
    /// the rows to those holding the words, and only those are ranked.</summary>
    private async Task<IReadOnlyList<AppealRow>> RankedPageAsync(string where, DynamicParameters args, int skip, int take, CancellationToken ct)
    {
        var sql = $"""
            SELECT {RowColumns}
            FROM appeals
            {where}
            ORDER BY reg_number = @Text DESC, ts_rank_cd(search_stems, appeal_stems_query(@Text)) DESC, created_at DESC, id DESC
            OFFSET @skip LIMIT @take
            """;
        args.Add("skip", skip);
        args.Add("take", take);
        await using var conn = await db.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<AppealRow>(new CommandDefinition(sql, args, cancellationToken: ct))).AsList();
    }

    /// <summary>
    /// How many appeals the filter finds, counted up to a cap: an exact count of a year of a big city would cost far
    /// more than the page itself. Above the cap the answer is CountCap + 1.
    /// </summary>
    public Task<long> CountAsync(AppealFilter filter, CancellationToken ct = default) => CountAsync(filter, CountCap + 1, ct);

    /// <summary>How many appeals the filter finds, counted up to <paramref name="limit"/> (an export's maximum and one).</summary>
    public async Task<long> CountAsync(AppealFilter filter, long limit, CancellationToken ct = default)
    {
        var (where, args) = Where(filter);
        args.Add("countCap", limit);
        // Enough memory for an exact bitmap of a common word's matches: a lossy one re-checks every row of its pages.
        var sql = $"""
            SET LOCAL work_mem = '32MB';
            SELECT count(*) FROM (SELECT 1 FROM appeals {where} LIMIT @countCap) capped;
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        return await conn.ExecuteScalarAsync<long>(new CommandDefinition(sql, args, tx, cancellationToken: ct));
    }

    /// <summary>What a row of the explorer shows.</summary>
    private const string RowColumns = """
        id AS Id, reg_number AS RegNumber, created_at AS CreatedAt, channel_id::int AS ChannelId,
        service_type_id AS ServiceTypeId, area_id::int AS AreaId, district_id::int AS DistrictId,
        department_id::int AS DepartmentId, status AS Status, is_critical AS IsCritical,
        first_contact_resolved AS FirstContactResolved, sla_due_at AS SlaDueAt, resolved_at AS ResolvedAt,
        address AS Address, left(description, 300) AS Description
        """;

    private static object SortValue(AppealRow row, string column) => column switch
    {
        "reg_number" => row.RegNumber,
        "status" => row.Status,
        "sla_due_at" => row.SlaDueAt,
        _ => row.CreatedAt,
    };

    /// <summary>The filtered appeals, streamed row by row for the CSV export (newest first, at most <paramref name="limit"/>).</summary>
    public async IAsyncEnumerable<AppealExportRow> ExportAsync(AppealFilter filter, int limit, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        var (where, args) = Where(filter);
        var sql = $"""
            SELECT a.reg_number AS RegNumber, a.created_at AS CreatedAt, c.code AS Channel, s.code AS ServiceCode, ar.code AS Area,
                   d.code AS District, dep.code AS Department, o.name AS Organisation, a.status AS Status, a.sla_due_at AS SlaDueAt,
                   a.resolved_at AS ResolvedAt, a.closed_at AS ClosedAt, a.address AS Address, a.lat AS Lat, a.lon AS Lon,
                   a.language AS Language, a.description AS Description
            FROM (SELECT id, reg_number, created_at, channel_id, service_type_id, area_id, district_id, department_id, organisation_id,
                         status, sla_due_at, resolved_at, closed_at, address, lat, lon, language, description
                  FROM appeals {where} ORDER BY created_at DESC, id DESC LIMIT @limit) a
            JOIN channels c ON c.id = a.channel_id JOIN service_types s ON s.id = a.service_type_id JOIN areas ar ON ar.id = a.area_id
            JOIN districts d ON d.id = a.district_id JOIN departments dep ON dep.id = a.department_id
            LEFT JOIN organisations o ON o.id = a.organisation_id
            ORDER BY a.created_at DESC, a.id DESC
            """;
        args.Add("limit", limit);
        await using var conn = await db.OpenConnectionAsync(ct);
        await foreach (var row in conn.QueryUnbufferedAsync<AppealExportRow>(sql, args).WithCancellation(ct)) yield return row;
    }

    private static (string Where, DynamicParameters Args) Where(AppealFilter filter)
    {
        const string where = """
            WHERE (@FromUtc::timestamptz IS NULL OR created_at >= @FromUtc)
              AND (@ToUtc::timestamptz IS NULL OR created_at < @ToUtc)
              AND (@DistrictId::int IS NULL OR district_id = @DistrictId)
              AND (@AreaId::int IS NULL OR area_id = @AreaId)
              AND (@ChannelId::int IS NULL OR channel_id = @ChannelId)
              AND (@Status::text IS NULL OR status = @Status OR (@Status = 'open' AND status NOT IN ('resolved', 'closed')))
              AND (@Text::text IS NULL OR reg_number = @Text
                   OR search_stems @@ appeal_stems_query(@Text))
              AND (@ServiceTypeId::int IS NULL OR service_type_id = @ServiceTypeId)
              AND (@DepartmentId::int IS NULL OR department_id = @DepartmentId)
              AND (@OrganisationId::int IS NULL OR organisation_id = @OrganisationId)
              AND (@Overdue::boolean IS NULL OR (status NOT IN ('resolved', 'closed') AND sla_due_at < city_now()) = @Overdue)
              AND (@Duplicates::boolean IS NULL OR (duplicate_of IS NOT NULL) = @Duplicates)
              AND (@Critical::boolean IS NULL OR is_critical = @Critical)
              AND (@SupervisedBy::int IS NULL OR area_id IN (SELECT area_id FROM v_access_deputy_areas WHERE deputy_id = @SupervisedBy))
            """;
        var text = string.IsNullOrWhiteSpace(filter.Text) ? null : filter.Text.Trim();
        var args = new DynamicParameters(new
        {
            filter.FromUtc, filter.ToUtc, filter.DistrictId, filter.AreaId, filter.ChannelId, filter.Status, Text = text,
            filter.ServiceTypeId, filter.DepartmentId, filter.OrganisationId, filter.Overdue, filter.Duplicates, filter.Critical, filter.SupervisedBy,
        });
        return (where, args);
    }

    /// <summary>One appeal with its history (and how long each holder kept it) and the other reports of its incident.</summary>
    public async Task<AppealDetail?> GetAsync(string regNumber, CancellationToken ct = default)
    {
        const string sql = """
            SELECT a.id AS Id, a.reg_number AS RegNumber, a.created_at AS CreatedAt, a.channel_id::int AS ChannelId,
                   a.service_type_id AS ServiceTypeId, a.area_id::int AS AreaId, a.district_id::int AS DistrictId,
                   a.department_id::int AS DepartmentId, o.name AS OrganisationName, a.language AS Language, a.description AS Description,
                   a.address AS Address, a.lat AS Lat, a.lon AS Lon, a.status AS Status, a.is_critical AS IsCritical,
                   a.first_contact_resolved AS FirstContactResolved, a.sla_due_at AS SlaDueAt, a.resolved_at AS ResolvedAt,
                   a.closed_at AS ClosedAt, a.satisfaction::int AS Satisfaction, a.forward_count::int AS ForwardCount,
                   a.reopened_count::int AS ReopenedCount, a.duplicate_of AS DuplicateOf, f.reg_number AS DuplicateOfReg, a.media_url AS MediaUrl
            FROM appeals a
            LEFT JOIN organisations o ON o.id = a.organisation_id
            LEFT JOIN appeals f ON f.id = a.duplicate_of
            WHERE a.reg_number = @regNumber;

            SELECT e.at AS At, e.status AS Status, o.name AS OrganisationName, d.name_ru AS DepartmentName, e.note AS Note, e.actor AS Actor
            FROM appeal_events e
            JOIN appeals a ON a.id = e.appeal_id
            LEFT JOIN organisations o ON o.id = e.organisation_id
            LEFT JOIN departments d ON d.id = e.department_id
            WHERE a.reg_number = @regNumber
            ORDER BY e.at, e.id;

            -- The incident's other reports: its first report and every appeal linked to that first report.
            WITH me AS (SELECT id, coalesce(duplicate_of, id) AS first FROM appeals WHERE reg_number = @regNumber)
            SELECT a.reg_number AS RegNumber, a.created_at AS CreatedAt, a.status AS Status, a.address AS Address, a.channel_id::int AS ChannelId
            FROM appeals a, me
            WHERE (a.id = me.first OR a.duplicate_of = me.first) AND a.id <> me.id
            ORDER BY a.created_at
            LIMIT 200;
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var grid = await conn.QueryMultipleAsync(new CommandDefinition(sql, new { regNumber }, cancellationToken: ct));
        var appeal = await grid.ReadSingleOrDefaultAsync<AppealDetail>();
        if (appeal is null) return null;
        var events = (await grid.ReadAsync<AppealEvent>()).ToList();
        var held = events.Select((e, i) => e with { Held = i + 1 < events.Count ? events[i + 1].At - e.At : null }).ToList();
        return appeal with { Events = held, Duplicates = (await grid.ReadAsync<RelatedAppeal>()).AsList() };
    }

    /// <summary>Organisations an appeal can be assigned or forwarded to, for the operator's choice.</summary>
    public async Task<IReadOnlyList<(int Id, string Name)>> GetOrganisationsAsync(CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<(int, string)>(new CommandDefinition("SELECT id, name FROM organisations ORDER BY name", cancellationToken: ct))).AsList();
    }
}
