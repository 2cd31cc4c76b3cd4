using System.Globalization;
using Dapper;
using IKomek.Dashboard.Platform.City;
using Npgsql;

namespace IKomek.Dashboard.Features.Social.Demo;

/// <summary>
/// The demo city's social posts, from its seed: residents posting about the planted systemic problems at their
/// buildings while they last (so the matcher links them to those problems' appeals, and the mining to the problems),
/// resonant posts about troubles at buildings where no appeal of that kind was made (what /social is for), and noise
/// that names no topic or place, in Russian, Kazakh and both mixed. Written inside the demo city's transaction and
/// linked in one call of the matcher.
/// </summary>
public static class SocialDemoGenerator
{
    private const string Actor = "system:demo";

    private sealed record Planted(int ServiceTypeId, short AreaId, short DistrictId, string Address, double Lat, double Lon,
        DateTime From, DateTime To, string TypeRu, string TypeKk);

    private sealed record Quiet(int AddressId, string Address, short DistrictId, double Lat, double Lon, int ServiceTypeId, short AreaId,
        string TypeRu, string TypeKk);

    private sealed record Post(string Network, string ExternalId, string Author, DateTime PostedAt, string Body, string Language,
        string? Place, double? Lat, double? Lon, int Reactions, int Reposts, int? ServiceTypeId, short? AreaId, short? DistrictId,
        int? AddressId, string? PlacedBy);

    private static readonly string[] Networks = ["instagram", "instagram", "facebook", "telegram", "telegram", "vk", "tiktok"];

    private static readonly string[] Noise =
    [
        "Какой сегодня закат над Байтереком! #астана", "Астанадағы ең дәмді кофе қай жерде? Ұсыныңыздар",
        "Кто идёт на концерт в субботу?", "Бүгін ауа райы керемет, балалармен саябаққа бардық",
        "Поздравляю всех с праздником, друзья!", "Жаңа жылға дайындық басталды, ёлка уже стоит",
        "Ищу репетитора по математике для сына, 7 класс", "Марафонға кім қатысады? Давайте вместе",
    ];

    /// <returns>How many posts were written.</returns>
    public static int Write(NpgsqlConnection connection, int seed, double scale, DateTime nowUtc)
    {
        var rng = new Random(seed * 31 + 59);
        var since = nowUtc.AddDays(-120);
        var planted = connection.Query<Planted>("""
            SELECT p.service_type_id AS ServiceTypeId, st.area_id AS AreaId, p.district_id AS DistrictId, p.address AS Address, p.lat AS Lat, p.lon AS Lon,
                   greatest(p.starts_on::timestamp, @since) AS From, least(p.ends_on::timestamp, @nowUtc) AS To,
                   st.name_ru AS TypeRu, st.name_kk AS TypeKk
            FROM planted_problems p JOIN service_types st ON st.id = p.service_type_id
            WHERE p.ends_on >= @since::date AND p.starts_on <= @nowUtc::date
            ORDER BY p.id
            """, new { since, nowUtc }).AsList();
        var quietCount = Math.Max(12, (int)Math.Round(60 * Math.Sqrt(scale)));
        // Buildings with a trouble no appeal of its type reported in the last 30 days anywhere in their district.
        var quiet = connection.Query<Quiet>("""
            SELECT a.id AS AddressId, a.address AS Address, a.district_id AS DistrictId, a.lat AS Lat, a.lon AS Lon,
                   st.id AS ServiceTypeId, st.area_id AS AreaId, st.name_ru AS TypeRu, st.name_kk AS TypeKk
            FROM (SELECT * FROM addresses WHERE address ~ ', \d+$' ORDER BY hashint4(id + @seed) LIMIT @quietCount) a
            CROSS JOIN LATERAL (
                SELECT st.* FROM service_types st
                WHERE NOT EXISTS (SELECT 1 FROM appeals x WHERE x.service_type_id = st.id AND x.district_id = a.district_id
                                  AND x.created_at >= @nowUtc - interval '30 days')
                ORDER BY hashint4(st.id + a.id + @seed) LIMIT 1) st
            ORDER BY a.id
            """, new { seed, quietCount, nowUtc }).AsList();

        var posts = new List<Post>();
        var n = 0;
        string Id() => "demo-" + (++n).ToString(CultureInfo.InvariantCulture);
        string Network() => Networks[rng.Next(Networks.Length)];
        DateTime Between(DateTime from, DateTime to) => from.AddSeconds(rng.NextDouble() * Math.Max(0, (to - from).TotalSeconds));

        foreach (var p in planted)
        {
            foreach (var _ in Enumerable.Range(0, rng.Next(3, 9)))
            {
                var (body, language) = About(rng, p.TypeRu, p.TypeKk, p.Address);
                var reactions = (int)Math.Round(Math.Exp(rng.NextDouble() * 7));   // 1 .. ~1100, most a few dozen
                posts.Add(new Post(Network(), Id(), Handle(rng), Between(p.From, p.To), body, language, p.Address, p.Lat, p.Lon,
                    reactions, reactions / rng.Next(5, 30), p.ServiceTypeId, p.AreaId, p.DistrictId, null, "coordinates"));
            }
        }
        foreach (var q in quiet)
        {
            var (body, language) = About(rng, q.TypeRu, q.TypeKk, q.Address);
            var reactions = rng.Next(800, 25_000);
            posts.Add(new Post(Network(), Id(), Handle(rng), Between(nowUtc.AddDays(-20), nowUtc.AddHours(-1)), body, language, null, q.Lat, q.Lon,
                reactions, reactions / rng.Next(4, 15), q.ServiceTypeId, q.AreaId, q.DistrictId, q.AddressId, "text"));
        }
        foreach (var _ in Enumerable.Range(0, quietCount * 2))
        {
            var body = Noise[rng.Next(Noise.Length)];
            posts.Add(new Post(Network(), Id(), Handle(rng), Between(since, nowUtc.AddHours(-1)), body, LanguageDetector.Detect(body), null, null, null,
                rng.Next(0, 400), rng.Next(0, 20), null, null, null, null, null));
        }

        var ids = connection.Query<long>("""
            INSERT INTO social_posts (network, external_id, author_handle, posted_at, body, language, url, place_text, lat, lon, reactions, reposts,
                                      received_at, updated_at, imported_by, service_type_id, area_id, confidence, model, district_id, address_id, placed_by)
            SELECT network, external_id, author, posted_at, body, language, 'https://' || network || '.example/p/' || external_id, place, lat, lon,
                   reactions, reposts, posted_at + interval '20 minutes', posted_at + interval '20 minutes', @Actor, service_type_id, area_id,
                   CASE WHEN service_type_id IS NOT NULL THEN 1 END, CASE WHEN service_type_id IS NOT NULL THEN 'demo' END, district_id, address_id, placed_by
            FROM unnest(@network::text[], @externalId::text[], @author::text[], @postedAt::timestamptz[], @body::text[], @language::text[], @place::text[],
                        @lat::float8[], @lon::float8[], @reactions::int[], @reposts::int[], @serviceTypeId::int[], @areaId::smallint[],
                        @districtId::smallint[], @addressId::int[], @placedBy::text[])
                 AS x (network, external_id, author, posted_at, body, language, place, lat, lon, reactions, reposts, service_type_id, area_id,
                       district_id, address_id, placed_by)
            RETURNING id
            """, new
        {
            Actor,
            network = posts.Select(p => p.Network).ToArray(), externalId = posts.Select(p => p.ExternalId).ToArray(),
            author = posts.Select(p => p.Author).ToArray(),
            postedAt = posts.Select(p => DateTime.SpecifyKind(p.PostedAt, DateTimeKind.Utc)).ToArray(),
            body = posts.Select(p => p.Body).ToArray(), language = posts.Select(p => p.Language).ToArray(),
            place = posts.Select(p => p.Place).ToArray(), lat = posts.Select(p => p.Lat).ToArray(), lon = posts.Select(p => p.Lon).ToArray(),
            reactions = posts.Select(p => p.Reactions).ToArray(), reposts = posts.Select(p => p.Reposts).ToArray(),
            serviceTypeId = posts.Select(p => p.ServiceTypeId).ToArray(), areaId = posts.Select(p => p.AreaId).ToArray(),
            districtId = posts.Select(p => p.DistrictId).ToArray(), addressId = posts.Select(p => p.AddressId).ToArray(),
            placedBy = posts.Select(p => p.PlacedBy).ToArray(),
        }).ToArray();
        connection.ExecuteScalar<int>("SELECT social_link_posts(@ids, @nowUtc, @Actor)", new { ids, nowUtc = DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc), Actor });
        return ids.Length;
    }

    /// <summary>A resident's words about a trouble at a building, in Russian, Kazakh or both.</summary>
    private static (string Body, string Language) About(Random rng, string typeRu, string typeKk, string address)
    {
        var ru = typeRu.ToLowerInvariant();
        var kk = typeKk.ToLowerInvariant();
        return rng.Next(6) switch
        {
            0 => ($"Опять {ru}, {address}. Жильцы жалуются уже которую неделю, никто не реагирует! @akimat_astana", "ru"),
            1 => ($"{address}: {ru}. Сколько можно терпеть? Отметьте акимат, пусть увидят", "ru"),
            2 => ($"Люди, у кого ещё так? {ru} — {address}, третий день без изменений", "ru"),
            3 => ($"{address} мекенжайында тағы да мәселе: {kk}. Қашан шешіледі? @akimat_astana", "kk"),
            4 => ($"{kk} — {address}. Тұрғындар шаршады, ешкім жауап бермейді", "kk"),
            _ => ($"Кто-нибудь знает, қашан жөндейді? {ru}, {address}, әлі де сол күйі", "mixed"),
        };
    }

    private static string Handle(Random rng)
    {
        string[] first = ["aigerim", "nurlan", "dana", "yerlan", "madina", "sergey", "asel", "timur", "olga", "arman", "zhanna", "daniyar"];
        return "@" + first[rng.Next(first.Length)] + "_" + rng.Next(10, 9999).ToString(CultureInfo.InvariantCulture);
    }
}
