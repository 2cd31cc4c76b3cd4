using System.Globalization;
using System.Text.Json;
using IKomek.Dashboard.Features.Intake.Open311;
using IKomek.Dashboard.Platform.Audit;
using IKomek.Dashboard.Platform.Database;
using IKomek.Dashboard.Platform.RateLimits;
using IKomek.Dashboard.Platform.Http;

namespace IKomek.Dashboard.Features.CitySystems.Intake;

/// <summary>
/// The systems' intake API: <c>POST /api/systems/{code}/readings</c> (a feed's readings) and
/// <c>POST /api/systems/{code}/objects</c> (a register's rows, a feed's objects), a JSON body <c>{"items": [...]}</c>,
/// the source's key in <c>X-Api-Key</c> (a key works for its own system only). 200 with
/// <c>{accepted, duplicates, rejected: [{index, field, code, description}]}</c>; errors in the Open311 API's form.
/// </summary>
public static class SystemsApi
{
    public const string Root = "/api/systems";
    public const string KeyHeader = "X-Api-Key";

    public static void MapSystemsApi(this WebApplication app)
    {
        var api = app.MapGroup(Root);
        api.AddEndpointFilter(ServiceError);
        api.MapPost("/{code}/readings", (string code, HttpContext http, CancellationToken ct) => PostAsync(code, SystemsPath.Readings, http, ct));
        api.MapPost("/{code}/objects", (string code, HttpContext http, CancellationToken ct) => PostAsync(code, SystemsPath.Objects, http, ct));
    }

    /// <summary>A failure answers in the API's error form, never the web app's error page: 503 with Retry-After while
    /// the database is out of reach (nothing was stored), else 500 with a reference to the log.</summary>
    internal static async ValueTask<object?> ServiceError(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        try
        {
            return await next(context);
        }
        catch (Exception e) when (e is not OperationCanceledException && DatabaseOutage.Is(e))
        {
            http.Response.Headers.RetryAfter = Open311Endpoints.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            return Error(StatusCodes.Status503ServiceUnavailable,
                $"service temporarily unavailable: nothing was stored; retry in {Open311Endpoints.RetryAfterSeconds} seconds (reference {http.TraceIdentifier})");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("IKomek.CitySystems").LogError(e, "City systems intake request failed");
            return Error(StatusCodes.Status500InternalServerError, $"the batch could not be stored (reference {http.TraceIdentifier})");
        }
    }

    private static IResult Error(int status, string description) => Open311Body.Errors("json", status, description);

    /// <summary>Nothing of a batch could be stored: every item's problems, in the API's error form with where each lies.</summary>
    internal static IResult NothingStored(IEnumerable<(int Index, string? Field, string Code, string Description)> rejected) =>
        Open311Body.List("json", "errors", "error", rejected.Select(e => new Open311Item
        {
            { "code", StatusCodes.Status400BadRequest },
            { "description", e.Description },
            { "index", e.Index },
            { "field", e.Field },
            { "reason", e.Code },
        }), StatusCodes.Status400BadRequest);

    private static async Task<IResult> PostAsync(string code, SystemsPath path, HttpContext http, CancellationToken ct)
    {
        var services = http.RequestServices;
        var intake = services.GetRequiredService<SystemsIntake>();
        var options = services.GetRequiredService<SystemsIntakeOptions>();
        var system = await intake.Catalogue.FindAsync(code, ct);
        if (system is null)
            return Error(StatusCodes.Status404NotFound, $"system '{code}' was not found; the systems: {string.Join(", ", (await intake.Catalogue.GetAsync(ct)).Keys)}");
        if (SystemsIntake.PathRefusal(system, path) is { } refusal) return Error(StatusCodes.Status400BadRequest, refusal);

        var key = http.Request.Headers[KeyHeader].ToString();
        if (string.IsNullOrEmpty(key)) return Error(StatusCodes.Status401Unauthorized, $"the source's API key is required in the {KeyHeader} header");
        var sources = services.GetRequiredService<SystemSources>();
        var source = await sources.FindAsync(key, ct);
        if (source is null)
        {
            // An unknown key spends one of the address's guesses, as the Open311 API's do.
            if (await services.GetRequiredService<Open311RateLimits>().GuessAsync(http.Connection.RemoteIpAddress, ct) is { } guessWait)
                return Open311RateLimits.TooMany(http, "json", guessWait, "too many invalid API keys from this address");
            return Error(StatusCodes.Status401Unauthorized, $"the {KeyHeader} is not a key of any active source");
        }
        if (source.SystemCode != system.Code)
            return Error(StatusCodes.Status403Forbidden, $"this key is for the system '{source.SystemCode}', not '{system.Code}'");
        if (await services.GetRequiredService<RateCounters>().TakeAsync("systems-key:" + source.Id.ToString(CultureInfo.InvariantCulture),
                options.PerKeyPerMinute, TimeSpan.FromMinutes(1), ct) is { } keyWait)
            return Open311RateLimits.TooMany(http, "json", keyWait, "this key's limit of requests a minute is used up");

        var (body, error) = await JsonBatchBody.ReadAsync(http, options.MaxBodyBytes, options.MaxBatch, ct);
        if (body is null) return Error(StatusCodes.Status400BadRequest, error!);
        using (body)
        {
            var result = await intake.SubmitAsync(system, path, body.Items.ToList(), Actor.Api(source.Name, http.Connection.RemoteIpAddress), ct);
            if (result.Accepted + result.Duplicates == 0)
                return NothingStored(result.Rejected.Select(e => (e.Index, e.Field, e.Code, e.Description)));
            return Results.Json(new
            {
                accepted = result.Accepted,
                duplicates = result.Duplicates,
                rejected = result.Rejected.Select(e => new { index = e.Index, field = e.Field, code = e.Code, description = e.Description }),
            });
        }
    }
}
