using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using IKomek.Dashboard.Features.Classification;
using Npgsql;
using IKomek.Dashboard.Platform.Audit;
using IKomek.Dashboard.Platform.City;

namespace IKomek.Dashboard.Features.Intake;

/// <summary>
/// Registers an appeal, the one way in for every channel: classify, place in a district, route to an organisation,
/// give a registration number and an SLA deadline, link duplicates, append the first status event. The decisions are
/// made here; the writing is the <see cref="IntakeWriter"/>'s, which commits concurrent appeals together. A client's
/// token makes a resubmission return the first appeal.
/// </summary>
public sealed class AppealIntake(NpgsqlDataSource db, IAppealClassifier classifier, RoutingTable routing, CityReference reference, TimeProvider time)
    : IAsyncDisposable
{
    /// <summary>Same service type, within this distance or at the same address, within <see cref="DuplicateWindow"/>: one incident.</summary>
    public const double DuplicateRadiusMetres = 300;
    public static readonly TimeSpan DuplicateWindow = TimeSpan.FromDays(7);

    private readonly IntakeWriter _writer = new(db);

    public async Task<IntakeResult> RegisterAsync(NewAppeal appeal, CancellationToken ct = default)
    {
        var topic = classifier.Classify(appeal.Description, appeal.ServiceTypeId);
        if (topic.ServiceTypeId is not { } serviceTypeId)
            throw new IntakeRejectedException("service_code", "service_code is required: the text alone could not be filed under a service type.");
        // Service types, district centres and holidays: the node's reference copy, dropped the moment they change.
        var city = await reference.GetAsync(ct);
        if (!city.ServiceTypes.TryGetValue(serviceTypeId, out var type))
            throw new IntakeRejectedException("service_code", $"service_code {serviceTypeId} does not exist.", notFound: true);

        var place = await PlaceAsync(appeal, city, ct);
        var organisationId = await routing.OrganisationForAsync(serviceTypeId, type.DepartmentId, place.DistrictId, ct);
        var createdUtc = time.GetUtcNow().UtcDateTime;
        return await _writer.WriteAsync(new IntakeRow(
            Year: AstanaClock.ToLocal(createdUtc).Year,
            CreatedUtc: createdUtc,
            DueUtc: city.Calendar.AddWorkingDays(createdUtc, type.SlaWorkingDays),
            ChannelId: appeal.ChannelId,
            ServiceTypeId: serviceTypeId,
            AreaId: type.AreaId,
            DistrictId: place.DistrictId,
            OrganisationId: organisationId,
            DepartmentId: type.DepartmentId,
            CitizenId: CitizenId(appeal.CitizenKey),
            Language: appeal.Language ?? LanguageDetector.Detect(appeal.Description),
            Description: appeal.Description,
            Address: place.Address,
            Building: place.Address is null ? null : Buildings.Of(place.Address),
            Lat: place.Lat,
            Lon: place.Lon,
            IsCritical: type.IsCritical || appeal.Critical,
            MediaUrl: appeal.MediaUrl,
            AttributesJson: appeal.AttributesJson,
            Note: topic.Source == "operator" ? null : $"classified by {topic.Source} ({topic.Confidence:0.00})",
            ApiClientId: appeal.Token is null ? null : appeal.ApiClientId,
            Token: appeal.ApiClientId is null ? null : appeal.Token,
            Suggestion: topic.Suggestion is { } suggestion
                ? new IntakeSuggestion(suggestion.ModelId, suggestion.ServiceTypeId, (float)suggestion.Confidence,
                    ClassificationQueries.SuggestionsJson(suggestion), appeal.ServiceTypeId, suggestion.LowConfidence)
                : null,
            SubmittedBy: appeal.SubmittedBy ?? Actor.Anonymous), ct);
    }

    public ValueTask DisposeAsync() => _writer.DisposeAsync();

    private sealed record Place(int DistrictId, double? Lat, double? Lon, string? Address);


    /// <summary>
    /// Where the appeal is: coordinates (district = the nearest district centre unless given), or a building of the
    /// address register by its id or its address (the flat stripped), which brings its district and coordinates.
    /// </summary>
    private async Task<Place> PlaceAsync(NewAppeal appeal, CityReference.Snapshot city, CancellationToken ct)
    {
        if (appeal is { Lat: { } lat, Lon: { } lon })
        {
            var district = appeal.DistrictId ?? city.NearestDistrict(lat, lon);
            return new Place(district, lat, lon, appeal.Address);
        }

        await using var conn = await db.OpenConnectionAsync(ct);
        var building = await conn.QuerySingleOrDefaultAsync<Place>(new CommandDefinition("""
            SELECT district_id::int AS DistrictId, lat AS Lat, lon AS Lon, address AS Address FROM addresses
            WHERE id = @addressId OR address = @building
            ORDER BY id = @addressId DESC LIMIT 1
            """, new { addressId = appeal.AddressId, building = appeal.Address is null ? null : Buildings.Of(appeal.Address) }, cancellationToken: ct));
        if (appeal.AddressId is { } id && building is null)
            throw new IntakeRejectedException("address_id", $"address_id {id} is not in the address register.", notFound: true);
        // The caller's address keeps its flat; the register's is used when only an address_id was given.
        if (building is not null) return building with { DistrictId = appeal.DistrictId ?? building.DistrictId, Address = appeal.Address ?? building.Address };
        if (appeal.DistrictId is { } given) return new Place(given, null, null, appeal.Address);
        throw new IntakeRejectedException("address_string",
            "address_string is not in Astana's address register: add lat and long, or the district extension.");
    }

    /// <summary>A stable pseudonymous resident key from an e-mail, phone or account id; a fresh one for anonymous appeals.</summary>
    private static long CitizenId(string? key) =>
        key is null
            ? Random.Shared.NextInt64(1L << 40, 1L << 50)
            : (long)(BinaryPrimitives.ReadUInt64LittleEndian(SHA256.HashData(Encoding.UTF8.GetBytes(key.Trim().ToLowerInvariant()))) >> 14);
}
