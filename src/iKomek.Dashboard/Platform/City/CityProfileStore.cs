using System.Text.Json;
using Dapper;
using Npgsql;

namespace IKomek.Dashboard.Platform.City;

/// <summary>
/// The profile this database holds (<c>city_profile</c>, its districts with their outlines, its holidays), or the
/// built-in Astana when none was applied. Written by <c>profile apply</c> (Features/CityProfiles).
/// </summary>
public static class CityProfileStore
{
    internal static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    private sealed record Row(string Code, string NameRu, string NameKk, string NameEn, string TimeZone,
        double South, double West, double North, double East, string ChannelList, string ImportMapping);

    private sealed record DistrictRow(string Code, string NameRu, string NameKk, string NameEn, int Population, double CenterLat, double CenterLon, string? Outline);

    /// <summary>The applied profile, or null when the database holds none (then the city is <see cref="CityProfile.Astana"/>).</summary>
    public static async Task<CityProfile?> ReadAsync(NpgsqlDataSource db, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        if (!await conn.ExecuteScalarAsync<bool>(new CommandDefinition("SELECT to_regclass('city_profile') IS NOT NULL", cancellationToken: ct))) return null;
        var row = await conn.QuerySingleOrDefaultAsync<Row>(new CommandDefinition("""
            -- Named as the record's parameters (a verb's process does not match names with underscores), the channels as one list.
            SELECT code, name_ru AS NameRu, name_kk AS NameKk, name_en AS NameEn, time_zone AS TimeZone, south, west, north, east, array_to_string(channels, ',') AS ChannelList,
                   import_mapping::text AS ImportMapping
            FROM city_profile
            """, cancellationToken: ct));
        if (row is null) return null;
        var districts = await conn.QueryAsync<DistrictRow>(new CommandDefinition("""
            SELECT code, name_ru AS NameRu, name_kk AS NameKk, name_en AS NameEn, population, center_lat AS CenterLat, center_lon AS CenterLon,
                   outline::text AS Outline FROM districts ORDER BY id
            """, cancellationToken: ct));
        var holidays = await conn.QueryAsync<DateTime>(new CommandDefinition("SELECT day::timestamp FROM holidays ORDER BY day", cancellationToken: ct));
        return new CityProfile(
            row.Code, new CityName(row.NameRu, row.NameKk, row.NameEn), row.TimeZone,
            new CityBounds(row.South, row.West, row.North, row.East),
            districts.Select(d => new DistrictOutline(d.Code, d.NameRu, d.NameKk, d.NameEn, d.Population,
                d.Outline is null ? [] : DistrictOutlines.ReadGeometry(d.Outline, $"districts.outline of '{d.Code}'"), d.CenterLat, d.CenterLon)).ToList(),
            holidays.Select(DateOnly.FromDateTime).ToList(),
            row.ChannelList.Split(',', StringSplitOptions.RemoveEmptyEntries),
            JsonSerializer.Deserialize<CityImport>(row.ImportMapping, Json) ?? new CityImport());
    }

    /// <summary>The applied profile, or Astana.</summary>
    public static async Task<CityProfile> CurrentAsync(NpgsqlDataSource db, CancellationToken ct = default) =>
        await ReadAsync(db, ct) ?? CityProfile.Astana;
}
