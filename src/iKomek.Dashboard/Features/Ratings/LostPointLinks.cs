using IKomek.Dashboard.Features.Ratings.Pages;
using IKomek.Dashboard.Platform.Localization;

namespace IKomek.Dashboard.Features.Ratings;

/// <summary>
/// The stored link of a lost point: a rating is stored by ids (the formula knows no registration numbers or codes), and
/// an appeal, a KPI or a project opens by its number or code. <c>/ratings/lost/{kind}/{id}</c> sends the reader to the
/// subject's page as it is addressed today; the page itself checks what the reader may see.
/// </summary>
public static class LostPointLinks
{
    public const string Prefix = "/ratings/lost";

    public static string Of(LostPointKind kind, long subjectId) =>
        kind == LostPointKind.OpenProblem ? $"/problems/{subjectId}" : $"{Prefix}/{RatingCodes.Of(kind)}/{subjectId}";

    public static void MapLostPointLinks(this WebApplication app) =>
        app.MapGet(Prefix + "/{kind}/{id:long}", async (string kind, long id, RatingPageQueries queries, CancellationToken ct) =>
        {
            if (Enum.GetValues<LostPointKind>().Where(x => RatingCodes.Of(x) == kind).Cast<LostPointKind?>().FirstOrDefault() is not { } k)
                return Results.NotFound();
            var subjects = await queries.GetSubjectsAsync([new LostPoint(k, id, "", 0)], new Texts(), ct);
            return subjects.TryGetValue((k, id), out var subject) ? Results.Redirect("/" + subject.Href) : Results.NotFound();
        }).RequireAuthorization();
}
