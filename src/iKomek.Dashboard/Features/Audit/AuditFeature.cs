namespace IKomek.Dashboard.Features.Audit;

public static class AuditFeature
{
    public const string PagePath = "/admin/audit";

    /// <summary>The administrators' search over the audit log (the log itself is Platform/Audit: every feature writes it).</summary>
    public static IServiceCollection AddAudit(this IServiceCollection services) => services.AddSingleton<AuditQueries>();
}
