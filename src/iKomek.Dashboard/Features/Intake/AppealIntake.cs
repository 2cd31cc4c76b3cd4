using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using IKomek.Dashboard.Features.Classification;
using IKomek.Dashboard.Hosting;
using Npgsql;

namespace IKomek.Dashboard.Features.Intake;

/// <summary>
/// Registers an appeal, the one way in for every channel: classify, place in a district, route to an organisation,
/// give a registration number and an SLA deadline, link duplicates, append the first status event. All in one
/// transaction; a client's token makes a resubmission return the first appeal.
/// </summary>
public sealed class AppealIntake(NpgsqlDataSource db, IAppealClassifier classifier, RoutingTable routing, TimeProvider time)
{
    /// <summary>Same service type, within this distance or at the same address, within <see cref="DuplicateWindow"/>: one incident.</summary>
    public const double DuplicateRadiusMetres = 300;
    public static readonly TimeSpan DuplicateWindow = TimeSpan.FromDays(7);

    private WorkingCalendar? _calendar;
    private DateTime _calendarLoadedUtc;

    public async Task<IntakeResult> RegisterAsync(NewAppeal appeal, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);

        if (appeal is { ApiClientId: { } clientId, Token: { } token })
        {
            // Serialise submissions of one token: the second waits, then finds the first.
            await conn.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_xact_lock(@client, hashtext(@token))",
                new { client = clientId, token }, tx, cancellationToken: ct));
            var earlier = await conn.QuerySingleOrDefaultAsync<IntakeResult>(new CommandDefinition("""
                SELECT a.id AS AppealId, a.reg_number AS RegNumber, a.created_at AS CreatedAt, a.sla_due_at AS SlaDueAt,
                       true AS Replayed, a.duplicate_of AS DuplicateOf
                FROM intake_tokens t JOIN appeals a ON a.id = t.appeal_id
                WHERE t.api_client_id = @clientId AND t.token = @token
                """, new { clientId, token }, tx, cancellationToken: ct));
            if (earlier is not null) return earlier;
        }

        var topic = classifier.Classify(appeal.Description, appeal.ServiceTypeId);
        if (topic.ServiceTypeId is not { } serviceTypeId)
            throw new IntakeRejectedException("service_code", "service_code is required: the text alone could not be filed under a service type.");
        var type = await conn.QuerySingleOrDefaultAsync<ServiceTypeInfo>(new CommandDefinition("""
            SELECT id AS Id, area_id::int AS AreaId, department_id::int AS DepartmentId, sla_working_days::int AS SlaWorkingDays, is_critical AS IsCritical
            FROM service_types WHERE id = @serviceTypeId
            """, new { serviceTypeId }, tx, cancellationToken: ct))
            ?? throw new IntakeRejectedException("service_code", $"service_code {serviceTypeId} does not exist.", notFound: true);

        var place = await PlaceAsync(conn, tx, appeal, ct);
        var organisationId = await routing.OrganisationForAsync(serviceTypeId, type.DepartmentId, place.DistrictId, ct);
        var createdUtc = time.GetUtcNow().UtcDateTime;
        var calendar = await GetCalendarAsync(conn, tx, createdUtc, ct);
        var dueUtc = calendar.AddWorkingDays(createdUtc, type.SlaWorkingDays);
        var year = AstanaClock.ToLocal(createdUtc).Year;

        const string insert = """
            WITH first_report AS (
                SELECT id FROM appeals
                WHERE service_type_id = @serviceTypeId AND duplicate_of IS NULL
                  AND created_at > @createdUtc - @window AND created_at <= @createdUtc
                  AND ((@building::text IS NOT NULL AND (address = @building OR address LIKE @building || ',%'))
                       OR (@lat::float8 IS NOT NULL AND lat IS NOT NULL
                           AND abs(lat - @lat) < 0.003 AND abs(lon - @lon) < 0.005
                           AND 2 * 6371000 * asin(least(1, sqrt(power(sin(radians(lat - @lat) / 2), 2)
                               + cos(radians(@lat)) * cos(radians(lat)) * power(sin(radians(lon - @lon) / 2), 2)))) <= @radius))
                ORDER BY created_at, id LIMIT 1
            ), appeal AS (
                INSERT INTO appeals (reg_number, created_at, channel_id, service_type_id, area_id, district_id, organisation_id,
                                     department_id, citizen_id, language, description, address, lat, lon, status, is_critical,
                                     sla_due_at, media_url, attributes, duplicate_of)
                SELECT next_reg_number(@year), @createdUtc, @channelId, @serviceTypeId,
                       @areaId, @districtId, @organisationId, @departmentId, @citizenId, @language, @description, @address,
                       @lat, @lon, 'registered', @isCritical, @dueUtc, @mediaUrl, @attributes::jsonb, (SELECT id FROM first_report)
                RETURNING id, reg_number, created_at, sla_due_at, duplicate_of, organisation_id, department_id
            ), event AS (
                INSERT INTO appeal_events (appeal_id, at, status, organisation_id, department_id, note)
                SELECT id, created_at, 'registered', organisation_id, department_id, @note FROM appeal
            )
            SELECT id AS AppealId, reg_number AS RegNumber, created_at AS CreatedAt, sla_due_at AS SlaDueAt,
                   false AS Replayed, duplicate_of AS DuplicateOf
            FROM appeal
            """;
        var result = await conn.QuerySingleAsync<IntakeResult>(new CommandDefinition(insert, new
        {
            year,
            serviceTypeId,
            type.AreaId,
            type.DepartmentId,
            isCritical = type.IsCritical || appeal.Critical,
            attributes = appeal.AttributesJson,
            place.DistrictId,
            organisationId,
            createdUtc,
            dueUtc,
            window = DuplicateWindow,
            radius = DuplicateRadiusMetres,
            address = place.Address,
            building = place.Address is null ? null : Buildings.Of(place.Address),
            lat = place.Lat,
            lon = place.Lon,
            appeal.ChannelId,
            citizenId = CitizenId(appeal.CitizenKey),
            language = appeal.Language ?? LanguageDetector.Detect(appeal.Description),
            appeal.Description,
            appeal.MediaUrl,
            note = topic.Source == "operator" ? null : $"classified by {topic.Source} ({topic.Confidence:0.00})",
        }, tx, cancellationToken: ct));

        if (topic.Suggestion is { } suggestion)
        {
            await ClassificationQueries.RecordAsync(conn, tx, result.AppealId, createdUtc, appeal.ServiceTypeId, suggestion, ct);
        }
        if (appeal is { ApiClientId: { } client, Token: { } tok })
        {
            await conn.ExecuteAsync(new CommandDefinition(
                "INSERT INTO intake_tokens (api_client_id, token, appeal_id) VALUES (@client, @tok, @id)",
                new { client, tok, id = result.AppealId }, tx, cancellationToken: ct));
        }
        await tx.CommitAsync(ct);
        return result;
    }

    private sealed record ServiceTypeInfo(int Id, int AreaId, int DepartmentId, int SlaWorkingDays, bool IsCritical);

    private sealed record Place(int DistrictId, double? Lat, double? Lon, string? Address);


    /// <summary>
    /// Where the appeal is: coordinates (district = the nearest district centre unless given), or a building of the
    /// address register by its id or its address (the flat stripped), which brings its district and coordinates.
    /// </summary>
    private static async Task<Place> PlaceAsync(NpgsqlConnection conn, NpgsqlTransaction tx, NewAppeal appeal, CancellationToken ct)
    {
        if (appeal is { Lat: { } lat, Lon: { } lon })
        {
            var district = appeal.DistrictId ?? await conn.QuerySingleAsync<int>(new CommandDefinition("""
                SELECT id::int FROM districts ORDER BY power(center_lat - @lat, 2) + power((center_lon - @lon) * cos(radians(@lat)), 2) LIMIT 1
                """, new { lat, lon }, tx, cancellationToken: ct));
            return new Place(district, lat, lon, appeal.Address);
        }

        var building = await conn.QuerySingleOrDefaultAsync<Place>(new CommandDefinition("""
            SELECT district_id::int AS DistrictId, lat AS Lat, lon AS Lon, address AS Address FROM addresses
            WHERE id = @addressId OR address = @building
            ORDER BY id = @addressId DESC LIMIT 1
            """, new { addressId = appeal.AddressId, building = appeal.Address is null ? null : Buildings.Of(appeal.Address) }, tx, cancellationToken: ct));
        if (appeal.AddressId is { } id && building is null)
            throw new IntakeRejectedException("address_id", $"address_id {id} is not in the address register.", notFound: true);
        // The caller's address keeps its flat; the register's is used when only an address_id was given.
        if (building is not null) return building with { DistrictId = appeal.DistrictId ?? building.DistrictId, Address = appeal.Address ?? building.Address };
        if (appeal.DistrictId is { } given) return new Place(given, null, null, appeal.Address);
        throw new IntakeRejectedException("address_string",
            "address_string is not in Astana's address register: add lat and long, or the district extension.");
    }

    private async Task<WorkingCalendar> GetCalendarAsync(NpgsqlConnection conn, NpgsqlTransaction tx, DateTime nowUtc, CancellationToken ct)
    {
        // Holidays change rarely (an administrator's edit): reread them every ten minutes.
        if (_calendar is { } cached && nowUtc - _calendarLoadedUtc < TimeSpan.FromMinutes(10)) return cached;
        var days = await conn.QueryAsync<DateTime>(new CommandDefinition("SELECT day::timestamp FROM holidays", transaction: tx, cancellationToken: ct));
        _calendar = new WorkingCalendar(days.Select(DateOnly.FromDateTime).ToHashSet());
        _calendarLoadedUtc = nowUtc;
        return _calendar;
    }

    /// <summary>A stable pseudonymous resident key from an e-mail, phone or account id; a fresh one for anonymous appeals.</summary>
    private static long CitizenId(string? key) =>
        key is null
            ? Random.Shared.NextInt64(1L << 40, 1L << 50)
            : (long)(BinaryPrimitives.ReadUInt64LittleEndian(SHA256.HashData(Encoding.UTF8.GetBytes(key.Trim().ToLowerInvariant()))) >> 14);
}
