using System.Security.Claims;
using IKomek.Dashboard.Platform.Access;
using IKomek.Dashboard.Platform.Audit;

namespace IKomek.Dashboard.Features.CitySystems.Panels;

/// <summary>
/// What a reader sees of residents in the city systems: a personal system's individual records (and personal fields)
/// only with <see cref="CityAction.SeePersonalData"/>, never on the wall; everyone else gets counts by district. Every
/// opening of individual personal records is audited, with what was opened (never the records' contents).
/// </summary>
public sealed class PersonalView(AuditLog audit)
{
    public const string AuditAction = "systems.personal_view";

    /// <summary>Whether this reader may see the system's individual records (points, names, rows).</summary>
    public static bool ShowsRecords(SystemStatus system, ClaimsPrincipal user, bool wall = false) =>
        !system.Personal || (!wall && user.May(CityAction.SeePersonalData));

    /// <summary>Whether this reader may see a personal field's values.</summary>
    public static bool ShowsField(SystemField field, ClaimsPrincipal user) => !field.Personal || user.May(CityAction.SeePersonalData);

    /// <summary>The fields this reader may see.</summary>
    public static IReadOnlyList<SystemField> Visible(IEnumerable<SystemField> fields, ClaimsPrincipal user) =>
        [.. fields.Where(f => ShowsField(f, user))];

    /// <summary>Records that a reader opened individual personal records: a system's list (with the filter) or one object.</summary>
    public Task RecordAsync(SystemStatus system, IReadOnlyList<SystemField> fields, ClaimsPrincipal user, System.Net.IPAddress? address,
        string? sourceId, object details, CancellationToken ct = default) =>
        system.Personal || fields.Any(f => f.Personal)
            ? audit.RecordAsync(Actor.Of(user, address), AuditAction, sourceId is null ? "city_system" : "city_object",
                sourceId is null ? system.Code : $"{system.Code}/{sourceId}", details, ct)
            : Task.CompletedTask;
}
