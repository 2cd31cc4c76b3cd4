using System.Globalization;
using System.Text.Json;
using IKomek.Dashboard.Features.CitySystems.Intake;
using IKomek.Dashboard.Features.Intake.Open311;
using IKomek.Dashboard.Platform.Audit;
using IKomek.Dashboard.Platform.RateLimits;
using IKomek.Dashboard.Platform.Http;

namespace IKomek.Dashboard.Features.Social.Intake;

/// <summary>
/// The posts' intake API for a monitoring service: <c>POST /api/social/posts</c>, a JSON body <c>{"items": [...]}</c>
/// (<see cref="SocialItemValidator"/>), the service's key (verb <c>social-key</c>) in <c>X-Api-Key</c>. 200 with
/// <c>{added, updated, linked, rejected: [{index, field, code, description}]}</c>: the valid items are stored, the
/// others reported; 400 with every item's errors when none could be stored. Errors in the Open311 API's form, as the
/// city systems' API answers.
/// </summary>
public static class SocialApi
{
    public const string Path = "/api/social/posts";
    public const string KeyHeader = "X-Api-Key";

    public static void MapSocialApi(this WebApplication app) =>
        app.MapPost(Path, PostAsync).AddEndpointFilter(SystemsApi.ServiceError);

    private static IResult Error(int status, string description) => Open311Body.Errors("json", status, description);

    private static async Task<IResult> PostAsync(HttpContext http, CancellationToken ct)
    {
        var services = http.RequestServices;
        var options = services.GetRequiredService<SocialIntakeOptions>();
        var key = http.Request.Headers[KeyHeader].ToString();
        if (string.IsNullOrEmpty(key)) return Error(StatusCodes.Status401Unauthorized, $"the monitoring service's API key is required in the {KeyHeader} header");
        var source = await services.GetRequiredService<SocialSources>().FindAsync(key, ct);
        if (source is null)
        {
            // An unknown key spends one of the address's guesses, as the other APIs' do.
            if (await services.GetRequiredService<Open311RateLimits>().GuessAsync(http.Connection.RemoteIpAddress, ct) is { } guessWait)
                return Open311RateLimits.TooMany(http, "json", guessWait, "too many invalid API keys from this address");
            return Error(StatusCodes.Status401Unauthorized, $"the {KeyHeader} is not a key of any active monitoring service");
        }
        if (await services.GetRequiredService<RateCounters>().TakeAsync("social-key:" + source.Id.ToString(CultureInfo.InvariantCulture),
                options.PerKeyPerMinute, TimeSpan.FromMinutes(1), ct) is { } keyWait)
            return Open311RateLimits.TooMany(http, "json", keyWait, "this key's limit of requests a minute is used up");

        var (body, error) = await JsonBatchBody.ReadAsync(http, options.MaxBodyBytes, options.MaxBatch, ct);
        if (body is null) return Error(StatusCodes.Status400BadRequest, error!);
        using (body)
        {
            var result = await services.GetRequiredService<SocialIntake>().SubmitAsync(body.Items.ToList(),
                Actor.Api(source.Name, http.Connection.RemoteIpAddress), ct);
            if (result.Stored == 0)
                return SystemsApi.NothingStored(result.Rejected.Select(e => (e.Index, (string?)e.Field, e.Code, e.Description)));
            return Results.Json(new
            {
                added = result.Added,
                updated = result.Updated,
                linked = result.Linked,
                rejected = result.Rejected.Select(e => new { index = e.Index, field = e.Field, code = e.Code, description = e.Description }),
            });
        }
    }
}
