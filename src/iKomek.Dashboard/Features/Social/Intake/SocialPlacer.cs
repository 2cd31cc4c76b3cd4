using System.Text.RegularExpressions;
using Dapper;
using IKomek.Dashboard.Platform.City;
using Npgsql;

namespace IKomek.Dashboard.Features.Social.Intake;

/// <summary>Where a post is: the building of the address register it names, its district, its point, and how it was
/// found (<c>coordinates</c>, <c>place</c> the monitoring service's place field, <c>text</c> the post's words).</summary>
public sealed record PostPlace(int? AddressId, int? DistrictId, double? Lat, double? Lon, string? PlacedBy)
{
    public static readonly PostPlace Unknown = new(null, null, null, null, null);
}

/// <summary>
/// Places posts as intake places appeals: coordinates give the nearest district; otherwise a building of the address
/// register named by the place field or in the text ("на Кенесары 40", "ул. Кенесары, 40" are "ул. Кенесары, 40");
/// otherwise a district named there. One query for the whole batch; the register's street names are kept for ten
/// minutes (the register grows with the appeals' new buildings).
/// </summary>
public sealed partial class SocialPlacer(NpgsqlDataSource db, CityReference reference, TimeProvider time)
{
    private static readonly TimeSpan Keep = TimeSpan.FromMinutes(10);
    private (IReadOnlyList<Street> Streets, DateTimeOffset Until)? _streets;

    /// <summary>A street of the register: as written there ("ул. Кенесары") and the name a post uses ("Кенесары").</summary>
    private sealed record Street(string Written, string Name);

    public async Task<IReadOnlyList<PostPlace>> PlaceAsync(IReadOnlyList<SocialPostDraft> posts, CancellationToken ct = default)
    {
        var city = await reference.GetAsync(ct);
        var streets = await StreetsAsync(ct);
        var wanted = posts.Select(p => p.Lat is null ? Buildings(p, streets) : []).ToList();
        var all = wanted.SelectMany(w => w).Select(w => w.Address).Distinct().ToArray();
        Dictionary<string, PostPlace> found = [];
        if (all.Length > 0)
        {
            await using var conn = await db.OpenConnectionAsync(ct);
            found = (await conn.QueryAsync<(int Id, string Address, int DistrictId, double Lat, double Lon)>(new CommandDefinition(
                    "SELECT id, address, district_id, lat, lon FROM addresses WHERE address = ANY (@all)", new { all }, cancellationToken: ct)))
                .ToDictionary(a => a.Address, a => new PostPlace(a.Id, a.DistrictId, a.Lat, a.Lon, null));
        }

        return posts.Select((p, i) =>
        {
            if (p is { Lat: { } lat, Lon: { } lon }) return new PostPlace(null, city.NearestDistrict(lat, lon), lat, lon, "coordinates");
            foreach (var (address, from) in wanted[i])
            {
                if (found.TryGetValue(address, out var building)) return building with { PlacedBy = from };
            }
            // No building: a district the place field or the text names.
            foreach (var (text, from) in new[] { (p.Place, "place"), (p.Text, "text") })
            {
                if (text is null) continue;
                var district = city.Districts.Values.FirstOrDefault(d => Names(d).Any(n => text.Contains(n, StringComparison.OrdinalIgnoreCase)));
                if (district is not null) return new PostPlace(null, district.Id, null, null, from);
            }
            return PostPlace.Unknown;
        }).ToList();
    }

    /// <summary>The buildings a post may name, best first: its place field as written (the flat dropped), then the
    /// streets of the register its place field and its text name, with the house number that follows.</summary>
    private static List<(string Address, string From)> Buildings(SocialPostDraft post, IReadOnlyList<Street> streets)
    {
        var result = new List<(string, string)>();
        if (post.Place is { } place) result.Add((Platform.City.Buildings.Of(place), "place"));
        foreach (var (text, from) in new[] { (post.Place, "place"), (post.Text, "text") })
        {
            if (text is null) continue;
            foreach (var street in streets)
            {
                for (var at = text.IndexOf(street.Name, StringComparison.OrdinalIgnoreCase); at >= 0;
                     at = text.IndexOf(street.Name, at + 1, StringComparison.OrdinalIgnoreCase))
                {
                    if (House().Match(text, at + street.Name.Length) is { Success: true } house)
                        result.Add(($"{street.Written}, {house.Groups["n"].Value}", from));
                }
            }
        }
        return result;
    }

    private static IEnumerable<string> Names(Platform.City.RefItem district) =>
        new[] { district.NameRu, district.NameKk, district.NameEn }.Where(n => n.Length >= 4).Select(n => n.Split(' ')[0]);

    private async Task<IReadOnlyList<Street>> StreetsAsync(CancellationToken ct)
    {
        if (_streets is { } kept && kept.Until > time.GetUtcNow()) return kept.Streets;
        await using var conn = await db.OpenConnectionAsync(ct);
        var written = await conn.QueryAsync<string>(new CommandDefinition(
            "SELECT DISTINCT split_part(address, ',', 1) FROM addresses WHERE address LIKE '%,%'", cancellationToken: ct));
        var streets = written
            .Select(w => new Street(w.Trim(), StreetPrefix().Replace(w.Trim(), "")))
            .Where(s => s.Name.Length >= 4)
            // A longer name first: "Кенесары" must not stand for "Кенесары хана".
            .OrderByDescending(s => s.Name.Length)
            .ToList();
        _streets = (streets, time.GetUtcNow() + Keep);
        return streets;
    }

    [GeneratedRegex(@"^(ул\.|пр\.|улица|проспект|мкр\.|ш\.)\s*", RegexOptions.IgnoreCase)]
    private static partial Regex StreetPrefix();

    /// <summary>The house after a street's name: "40", ", 40", ", д. 40", " дом 12а", " үй 5".</summary>
    [GeneratedRegex(@"\G\s*,?\s*(?:(?:д\.|дом|үй)\s*)?(?<n>\d{1,4}(?:[/-]\d{1,3}|[а-яА-Я](?![а-яА-Я]))?)(?!\d)", RegexOptions.IgnoreCase)]
    private static partial Regex House();
}
