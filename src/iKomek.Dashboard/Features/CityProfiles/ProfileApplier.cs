using System.Text.Json;
using System.Text.Json.Serialization;
using Dapper;
using IKomek.Dashboard.Features.DemoCity;
using IKomek.Dashboard.Platform.Audit;
using IKomek.Dashboard.Platform.City;
using Npgsql;

namespace IKomek.Dashboard.Features.CityProfiles;

/// <summary>What applying a profile changed.</summary>
public sealed record ProfileApplied(bool CatalogueWritten, int DistrictsAdded, int DistrictsUpdated, IReadOnlyList<string> DistrictsRemoved,
    int Holidays, bool ZoneChanged);

/// <summary>
/// Makes this database the profile's city, in one transaction: its districts with their outlines replace the reference
/// districts (each with its district akimat), its holidays the calendar's, its channels are added, the profile itself is
/// stored, and its time zone becomes the database's <c>city.zone</c> (sql/functions/clock/city_zone.sql). A fresh
/// database also gets our service catalogue (the 28 areas, their service types, the city departments), not the demo
/// city. Districts that appeals or other rows point to are never removed: the apply is refused and nothing changes.
/// </summary>
public static class ProfileApplier
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The service type and area codes a profile's categories may map to: the database's catalogue, or ours for a fresh one.</summary>
    public static async Task<IReadOnlySet<string>> OurCodesAsync(NpgsqlDataSource db, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var codes = (await conn.QueryAsync<string>(new CommandDefinition(
            "SELECT code FROM service_types UNION ALL SELECT code FROM areas", cancellationToken: ct))).ToHashSet(StringComparer.Ordinal);
        if (codes.Count > 0) return codes;
        var catalogue = ServiceTypeCatalog.Build();
        return catalogue.ServiceTypes.Select(t => t.Code).Concat(catalogue.Areas.Select(a => a.Code)).ToHashSet(StringComparer.Ordinal);
    }

    /// <exception cref="ProfileRefusedException">Rows point to districts the profile would remove; nothing was changed.</exception>
    public static async Task<ProfileApplied> ApplyAsync(NpgsqlDataSource db, CityProfile profile, Actor actor, TimeProvider time, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        Task<int> Execute(string sql, object? args = null) => conn.ExecuteAsync(new CommandDefinition(sql, args, tx, cancellationToken: ct));
        // One apply at a time: two would interleave their district ids.
        await Execute("SELECT pg_advisory_xact_lock(hashtext('city_profile.apply'))");

        var existing = (await conn.QueryAsync<(short Id, string Code)>(new CommandDefinition(
            "SELECT id, code FROM districts ORDER BY id", transaction: tx, cancellationToken: ct))).ToList();
        var codes = profile.Districts.Select(d => d.Code).ToHashSet(StringComparer.Ordinal);
        var removed = existing.Where(d => !codes.Contains(d.Code)).ToList();
        if (removed.Count > 0) await RefuseIfAppealsPointToAsync(conn, tx, removed.Select(d => d.Code).ToArray(), ct);

        var fresh = !await conn.ExecuteScalarAsync<bool>(new CommandDefinition("SELECT EXISTS (SELECT 1 FROM areas)", transaction: tx, cancellationToken: ct));
        if (fresh)
        {
            var departments = CityStructureDepartments();
            await Execute("""
                INSERT INTO departments (id, code, kind, name_ru, name_kk, name_en)
                SELECT * FROM unnest(@ids, @codes, @kinds, @ru, @kk, @en)
                """, new
            {
                ids = departments.Select(d => d.Id).ToArray(), codes = departments.Select(d => d.Code).ToArray(),
                kinds = departments.Select(d => d.Kind).ToArray(), ru = departments.Select(d => d.NameRu).ToArray(),
                kk = departments.Select(d => d.NameKk).ToArray(), en = departments.Select(d => d.NameEn).ToArray(),
            });
        }

        // The district akimats stand for the districts: they follow them, unlinked while districts are replaced.
        await Execute("UPDATE departments SET district_id = NULL WHERE kind = 'district_akimat'");
        try
        {
            await Execute("SAVEPOINT remove_districts");
            await Execute("DELETE FROM districts WHERE code = ANY(@codes)", new { codes = removed.Select(d => d.Code).ToArray() });
            await Execute("RELEASE SAVEPOINT remove_districts");
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ForeignKeyViolation)
        {
            throw new ProfileRefusedException(
                $"rows of {e.TableName} point to the districts the profile would remove ({string.Join(", ", removed.Select(d => d.Code))}); " +
                "nothing was changed: apply this profile to a fresh data folder (--City:DataFolder=...)");
        }

        var ids = existing.Where(d => codes.Contains(d.Code)).ToDictionary(d => d.Code, d => d.Id);
        var nextId = (short)(existing.Count == 0 ? 1 : existing.Max(d => d.Id) + 1);
        var (added, updated) = (0, 0);
        foreach (var d in profile.Districts)
        {
            var isNew = !ids.TryGetValue(d.Code, out var id);
            if (isNew) ids[d.Code] = id = nextId++;
            await Execute("""
                INSERT INTO districts (id, code, name_ru, name_kk, name_en, population, center_lat, center_lon, outline)
                VALUES (@id, @Code, @NameRu, @NameKk, @NameEn, @Population, @CenterLat, @CenterLon, @outline::jsonb)
                ON CONFLICT (id) DO UPDATE SET name_ru = excluded.name_ru, name_kk = excluded.name_kk, name_en = excluded.name_en,
                    population = excluded.population, center_lat = excluded.center_lat, center_lon = excluded.center_lon, outline = excluded.outline
                """, new { id, d.Code, d.NameRu, d.NameKk, d.NameEn, d.Population, d.CenterLat, d.CenterLon, outline = d.GeometryJson() });
            if (isNew) added++;
            else updated++;
        }
        await ReplaceAkimatsAsync(conn, tx, profile, ids, ct);
        if (fresh) await WriteCatalogueAsync(conn, tx, ct);
        await AddChannelsAsync(conn, tx, profile.Channels, ct);

        await Execute("DELETE FROM holidays WHERE day <> ALL(@days)", new { days = profile.Holidays.Select(h => h.ToDateTime(TimeOnly.MinValue)).ToArray() });
        await Execute("""
            INSERT INTO holidays (day, name_ru, name_kk, name_en)
            SELECT d, 'Выходной день', 'Демалыс күні', 'Day off' FROM unnest(@days::date[]) AS d
            ON CONFLICT (day) DO NOTHING
            """, new { days = profile.Holidays.Select(h => h.ToDateTime(TimeOnly.MinValue)).ToArray() });

        var zoneBefore = await conn.ExecuteScalarAsync<string>(new CommandDefinition("SELECT city_zone()", transaction: tx, cancellationToken: ct));
        await Execute("""
            INSERT INTO city_profile (code, name_ru, name_kk, name_en, time_zone, south, west, north, east, channels, import_mapping, applied_at, applied_by)
            VALUES (@Code, @ru, @kk, @en, @TimeZone, @South, @West, @North, @East, @channels, @import::jsonb, @at, @by)
            ON CONFLICT (singleton) DO UPDATE SET code = excluded.code, name_ru = excluded.name_ru, name_kk = excluded.name_kk,
                name_en = excluded.name_en, time_zone = excluded.time_zone, south = excluded.south, west = excluded.west,
                north = excluded.north, east = excluded.east, channels = excluded.channels, import_mapping = excluded.import_mapping,
                applied_at = excluded.applied_at, applied_by = excluded.applied_by
            """, new
        {
            profile.Code, ru = profile.Name.Ru, kk = profile.Name.Kk, en = profile.Name.En, profile.TimeZone,
            profile.Bounds.South, profile.Bounds.West, profile.Bounds.North, profile.Bounds.East,
            channels = profile.Channels.ToArray(), import = JsonSerializer.Serialize(profile.Import, Json),
            at = time.GetUtcNow().UtcDateTime, by = actor.Name,
        });

        // Every later session of this database (the app's, a trigger's, psql's) counts its days in the profile's zone;
        // this one too, for the rebuild below. The zone is an IANA id (checked by Load), quoted by format() anyway.
        var alter = await conn.ExecuteScalarAsync<string>(new CommandDefinition(
            "SELECT format('ALTER DATABASE %I SET city.zone = %L', current_database(), @zone::text)", new { zone = profile.TimeZone }, tx, cancellationToken: ct));
        await Execute(alter!);
        await Execute("SELECT set_config('city.zone', @zone, true)", new { zone = profile.TimeZone });
        var zoneChanged = zoneBefore != profile.TimeZone;
        if (zoneChanged && await conn.ExecuteScalarAsync<bool>(new CommandDefinition("SELECT EXISTS (SELECT 1 FROM appeals)", transaction: tx, cancellationToken: ct)))
            await Execute("SELECT rebuild_live_rollups()");   // the live panel's days were counted in the old zone

        var result = new ProfileApplied(fresh, added, updated, removed.Select(d => d.Code).ToList(), profile.Holidays.Count, zoneChanged);
        await AuditLog.RecordAsync(conn, tx, actor, AuditActions.CityProfileApply, "city_profile", profile.Code, new
        {
            profile.TimeZone, districts = profile.Districts.Select(d => d.Code), removed = result.DistrictsRemoved,
            holidays = profile.Holidays.Count, profile.Channels, catalogue = fresh,
        }, ct);
        await tx.CommitAsync(ct);
        return result;
    }

    private static async Task RefuseIfAppealsPointToAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string[] removed, CancellationToken ct)
    {
        var pointing = (await conn.QueryAsync<(string Code, long Appeals)>(new CommandDefinition("""
            SELECT d.code, count(*) FROM appeals a JOIN districts d ON d.id = a.district_id
            WHERE d.code = ANY(@removed) GROUP BY d.code ORDER BY d.code
            """, new { removed }, tx, cancellationToken: ct))).ToList();
        if (pointing.Count == 0) return;
        throw new ProfileRefusedException(
            $"{pointing.Sum(p => p.Appeals):N0} appeals point to districts the profile would remove " +
            $"({string.Join(", ", pointing.Select(p => $"{p.Code}: {p.Appeals:N0}"))}); nothing was changed: " +
            "apply this profile to a fresh data folder (--City:DataFolder=...) and import the city's history there");
    }

    /// <summary>One akimat per district, in the profile's order, reusing the existing akimats' ids (service types name the first).</summary>
    private static async Task ReplaceAkimatsAsync(NpgsqlConnection conn, NpgsqlTransaction tx, CityProfile profile, Dictionary<string, short> ids, CancellationToken ct)
    {
        var akimats = (await conn.QueryAsync<short>(new CommandDefinition(
            "SELECT id FROM departments WHERE kind = 'district_akimat' ORDER BY id", transaction: tx, cancellationToken: ct))).ToList();
        var nextId = await conn.ExecuteScalarAsync<short>(new CommandDefinition("SELECT coalesce(max(id), 0) + 1 FROM departments", transaction: tx, cancellationToken: ct));
        for (var i = 0; i < profile.Districts.Count; i++)
        {
            var d = profile.Districts[i];
            var id = i < akimats.Count ? akimats[i] : nextId++;
            await conn.ExecuteAsync(new CommandDefinition("""
                INSERT INTO departments (id, code, kind, name_ru, name_kk, name_en, district_id)
                VALUES (@id, @code, 'district_akimat', @ru, @kk, @en, @district)
                ON CONFLICT (id) DO UPDATE SET code = excluded.code, name_ru = excluded.name_ru, name_kk = excluded.name_kk,
                    name_en = excluded.name_en, district_id = excluded.district_id
                """, new
            {
                id, code = "akimat_" + d.Code, ru = $"Аппарат акима района «{d.NameRu}»", kk = $"«{d.NameKk}» ауданы әкімінің аппараты",
                en = $"Akimat of {d.NameEn} district", district = ids[d.Code],
            }, tx, cancellationToken: ct));
        }
        var extra = akimats.Skip(profile.Districts.Count).ToArray();
        try
        {
            await conn.ExecuteAsync(new CommandDefinition("SAVEPOINT extra_akimats; DELETE FROM departments WHERE id = ANY(@extra); RELEASE SAVEPOINT extra_akimats",
                new { extra }, tx, cancellationToken: ct));
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ForeignKeyViolation)
        {
            throw new ProfileRefusedException($"rows of {e.TableName} point to the akimats of the districts the profile would remove; nothing was changed");
        }
    }

    private static IReadOnlyList<(short Id, string Code, string Kind, string NameRu, string NameKk, string NameEn)> CityStructureDepartments() =>
        CityStructure.Departments.Where(d => d.Kind == CityStructure.CityDepartmentKind)
            .Select(d => (d.Id, d.Code, d.Kind, d.NameRu, d.NameKk, d.NameEn)).ToList();

    /// <summary>Our 28 areas and their service types (the demo city's catalogue, without its people, organisations or appeals).</summary>
    private static async Task WriteCatalogueAsync(NpgsqlConnection conn, NpgsqlTransaction tx, CancellationToken ct)
    {
        var catalogue = ServiceTypeCatalog.Build();
        await conn.ExecuteAsync(new CommandDefinition("""
            INSERT INTO areas (id, code, name_ru, name_kk, name_en, is_life_support) SELECT * FROM unnest(@ids, @codes, @ru, @kk, @en, @ls)
            """, new
        {
            ids = catalogue.Areas.Select(a => a.Id).ToArray(), codes = catalogue.Areas.Select(a => a.Code).ToArray(),
            ru = catalogue.Areas.Select(a => a.NameRu).ToArray(), kk = catalogue.Areas.Select(a => a.NameKk).ToArray(),
            en = catalogue.Areas.Select(a => a.NameEn).ToArray(), ls = catalogue.Areas.Select(a => a.IsLifeSupport).ToArray(),
        }, tx, cancellationToken: ct));
        foreach (var t in catalogue.ServiceTypes)
            await conn.ExecuteAsync(new CommandDefinition("""
                INSERT INTO service_types (id, code, area_id, department_id, name_ru, name_kk, name_en, keywords, sla_working_days, is_critical)
                VALUES (@Id, @Code, @AreaId, @DepartmentId, @NameRu, @NameKk, @NameEn, @Keywords, @SlaWorkingDays, @IsCritical)
                """, new { t.Id, t.Code, t.AreaId, t.DepartmentId, t.NameRu, t.NameKk, t.NameEn, t.Keywords, t.SlaWorkingDays, t.IsCritical },
                tx, cancellationToken: ct));
    }

    private static async Task AddChannelsAsync(NpgsqlConnection conn, NpgsqlTransaction tx, IReadOnlyList<string> codes, CancellationToken ct)
    {
        foreach (var c in CityStructure.Channels.Where(c => codes.Contains(c.Code)))
            await conn.ExecuteAsync(new CommandDefinition("""
                INSERT INTO channels (id, code, name_ru, name_kk, name_en, is_digital) VALUES (@Id, @Code, @NameRu, @NameKk, @NameEn, @IsDigital)
                ON CONFLICT (code) DO NOTHING
                """, new { c.Id, c.Code, c.NameRu, c.NameKk, c.NameEn, c.IsDigital }, tx, cancellationToken: ct));
    }
}

/// <summary>The profile cannot be applied to this database as it is; the message says why and what to do.</summary>
public sealed class ProfileRefusedException(string message) : Exception(message);
