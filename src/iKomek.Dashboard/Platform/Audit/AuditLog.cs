using System.Net;
using System.Security.Claims;
using System.Text.Json;
using Dapper;
using IKomek.Dashboard.Platform.Access;
using Npgsql;

namespace IKomek.Dashboard.Platform.Audit;

/// <summary>Who acted: a signed-in person (login and role), a job (<c>system:</c>), an API client (<c>api:</c>), a verb run
/// at the server's console (<c>console:</c>), or an anonymous reader; and from where.</summary>
public sealed record Actor(string Name, string? Role = null, IPAddress? Address = null)
{
    public static readonly Actor Anonymous = new("anonymous");

    public static Actor Of(ClaimsPrincipal user, IPAddress? address = null) =>
        user.Login() is { } login ? new Actor(login, user.Role(), address) : Anonymous with { Address = address };

    public static Actor Job(string jobId) => new($"system:{jobId}");

    public static Actor Api(string client, IPAddress? address = null) => new($"api:{client}", null, address);

    /// <summary>Someone at the server's console running one of the app's verbs, by the system account that ran it.</summary>
    public static Actor Console(string systemUser) => new($"console:{systemUser}");
}

/// <summary>
/// The append-only audit log (sql/schema/0025_audit_log.sql). A change and its record commit together: pass the
/// change's connection and transaction. Details are the act's facts (statuses, counts, file names), never a
/// resident's personal data.
/// </summary>
public sealed class AuditLog(NpgsqlDataSource db)
{
    public async Task RecordAsync(Actor actor, string action, string? subjectKind = null, string? subjectId = null,
        object? details = null, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await RecordAsync(conn, null, actor, action, subjectKind, subjectId, details, ct);
    }

    public static Task RecordAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, Actor actor, string action,
        string? subjectKind = null, string? subjectId = null, object? details = null, CancellationToken ct = default) =>
        conn.ExecuteAsync(new CommandDefinition("""
            INSERT INTO audit_log (actor, actor_role, address, action, subject_kind, subject_id, details)
            VALUES (@Name, @Role, @address::inet, @action, @subjectKind, @subjectId, @details::jsonb)
            """,
            new
            {
                actor.Name, actor.Role, address = actor.Address?.ToString(), action, subjectKind, subjectId,
                details = details is null ? "{}" : JsonSerializer.Serialize(details),
            }, tx, cancellationToken: ct));
}

/// <summary>The actions the log knows, one name each, so that the audit page can search them.</summary>
public static class AuditActions
{
    public const string SignIn = "sign_in.success";
    public const string SignInFailed = "sign_in.failure";
    public const string SignInRefused = "sign_in.refused";
    public const string SignOut = "sign_out";
    public const string AppealStatus = "appeal.status";
    public const string ProblemChange = "problem.change";
    public const string KpiValue = "kpi.value";
    public const string KpiTarget = "kpi.target";
    public const string KpiWeight = "kpi.weight";
    public const string KpiPeriod = "kpi.period";
    public const string ProjectChange = "project.change";
    public const string ProjectCreate = "project.create";
    public const string ProjectPhoto = "project.photo";
    public const string ProjectImport = "project.import";
    public const string ExportProjects = "export.projects";
    public const string RatingWeights = "rating.weights";
    public const string UserChange = "user.change";
    public const string HolidayChange = "holiday.change";
    public const string JobTrigger = "job.trigger";
    public const string TopicReview = "topic.review";
    public const string ExportAppeals = "export.appeals";
    public const string ExportProblems = "export.problems";
    public const string Import = "import";
    public const string SystemsSourceKey = "systems.key";
    public const string SystemsImport = "systems.import";
    public const string AlertRuleChange = "alert_rule.change";
    public const string DigestSubscriptions = "digest.subscriptions";
    public const string DigestSend = "digest.send";
    public const string KnowledgeChange = "knowledge.change";
    public const string NotifyEndpoint = "notify.endpoint";
    public const string SocialSourceKey = "social.key";
    public const string SocialImport = "social.import";
    public const string CityProfileApply = "city_profile.apply";
}
