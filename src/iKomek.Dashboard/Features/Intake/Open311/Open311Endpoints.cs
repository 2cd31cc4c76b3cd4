using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Npgsql;
using IKomek.Dashboard.Platform.Audit;
using IKomek.Dashboard.Platform.City;
using IKomek.Dashboard.Platform.Database;
using IKomek.Dashboard.Platform.Localization;
using IKomek.Dashboard.Platform.Privacy;

namespace IKomek.Dashboard.Features.Intake.Open311;

/// <summary>
/// The Open311 GeoReport v2 server under /open311/v2 (shared/open311/GeoReport_v2.md): discovery, services,
/// service definitions, POST and GET requests, tokens; .json and .xml; errors in the specification's form.
/// Extensions are documented in docs/open311.md.
/// </summary>
public static class Open311Endpoints
{
    public const string Root = "/open311/v2";
    private const int DefaultDays = 90;
    private const int MaxPageSize = 1000;

    public static void MapOpen311(this WebApplication app)
    {
        var api = app.MapGroup(Root);
        api.AddEndpointFilter(GeneralServiceError);
        api.AddEndpointFilter(PerAddress);
        api.MapGet("/discovery.{format}", Discovery);
        api.MapGet("/services.{format}", Services);
        api.MapGet("/services/{code}.{format}", ServiceDefinition);
        api.MapPost("/requests.{format}", PostRequest);
        api.MapGet("/requests.{format}", GetRequests);
        api.MapGet("/requests/{id}.{format}", GetRequest);
        api.MapGet("/tokens/{token}.{format}", GetToken);
        // Anything else under the API answers in the API's own error form.
        api.Map("/{**rest}", (string? rest, HttpContext http) =>
            Open311Body.Errors(FormatOf(http), StatusCodes.Status404NotFound, $"{Root}/{rest} is not a resource of this API (see {Root}/discovery.json)"));
    }

    /// <summary>A failure inside the API answers in the API's error form (never the web app's HTML error page).</summary>
    private static async ValueTask<object?> GeneralServiceError(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (Exception e) when (e is not OperationCanceledException && DatabaseOutage.Is(e))
        {
            // The database is down or restarting: nothing was stored, and the client should come back soon. The log
            // names the failure only (never the request's fields: they are a resident's).
            var http = context.HttpContext;
            http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("IKomek.Open311")
                .LogWarning("Open311 request refused: the database is unavailable ({Error})", e.GetBaseException().Message);
            http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            return Open311Body.Errors(FormatOf(http), StatusCodes.Status503ServiceUnavailable,
                $"Service temporarily unavailable: nothing was stored; please retry in {RetryAfterSeconds} seconds (reference {http.TraceIdentifier})");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var http = context.HttpContext;
            http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("IKomek.Open311").LogError(e, "Open311 request failed");
            return Open311Body.Errors(FormatOf(http), 400, $"General service error: the request could not be processed (reference {http.TraceIdentifier}). Please notify iKomek 109.");
        }
    }

    public const int RetryAfterSeconds = 10;

    /// <summary>Every request of the API, reads too, counts against its address's limit, over all app nodes.</summary>
    private static async ValueTask<object?> PerAddress(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var limits = http.RequestServices.GetRequiredService<Open311RateLimits>();
        if (await limits.AddressUseAsync(http.Connection.RemoteIpAddress, http.RequestAborted) is { } wait)
            return limits.TooManyFromAddress(http, FormatOf(http), wait);
        return await next(context);
    }

    private static string FormatOf(HttpContext http) => http.Request.Path.Value?.EndsWith(".xml", StringComparison.Ordinal) == true ? "xml" : "json";

    private static IResult? BadFormat(string format) =>
        Open311Body.IsKnownFormat(format) ? null : Open311Body.Errors("json", 400, $"format '{format}' is not supported: use .json or .xml");

    /// <summary>
    /// The address clients are told to use: the setting Open311:PublicBaseUrl, else the first address the app listens
    /// on. Never the request's Host header, which any client may set (a cached discovery would send others elsewhere).
    /// </summary>
    public static string PublicBaseUrl(IConfiguration config)
    {
        var configured = config["Open311:PublicBaseUrl"];
        if (string.IsNullOrWhiteSpace(configured))
            configured = config["Urls"]?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        return (string.IsNullOrWhiteSpace(configured) ? "http://127.0.0.1:5080" : configured).TrimEnd('/');
    }

    private static IResult Discovery(string format, IConfiguration config)
    {
        if (BadFormat(format) is { } bad) return bad;
        var url = PublicBaseUrl(config) + Root;
        var endpoint = new Open311Item
        {
            { "specification", "http://wiki.open311.org/GeoReport_v2" },
            { "url", url },
            { "changeset", new DateTime(2026, 11, 21, 0, 0, 0, DateTimeKind.Utc) },
            { "type", "production" },
            { "formats", new Open311List("format", [new Open311Item { { "format", "text/xml" } }, new Open311Item { { "format", "application/json" } }]) },
        };
        return Open311Body.Single(format, "discovery", new Open311Item
        {
            { "changeset", new DateTime(2026, 11, 21, 0, 0, 0, DateTimeKind.Utc) },
            { "contact", "iKomek 109, Astana akimat: call 109" },
            { "key_service", "API keys are issued by the akimat's administrators" },
            { "endpoints", new Open311List("endpoint", [endpoint]) },
        });
    }

    private static async Task<IResult> Services(string format, string? lang, Open311Queries queries, CancellationToken ct)
    {
        if (BadFormat(format) is { } bad) return bad;
        var rows = await queries.GetServicesAsync(null, ct);
        return Open311Body.List(format, "services", "service", rows.Select(s => new Open311Item
        {
            { "service_code", s.Code },
            { "service_name", Pick(lang, s.NameRu, s.NameKk, s.NameEn) },
            { "description", $"{Pick(lang, s.AreaRu, s.AreaKk, s.AreaEn)} · SLA {s.SlaWorkingDays} working days" },
            { "metadata", ServiceAttributes.For(s).Count > 0 },
            { "type", "realtime" },
            { "keywords", s.Keywords },
            { "group", s.AreaCode },
        }));
    }

    private static async Task<IResult> ServiceDefinition(string code, string format, Open311Queries queries, CancellationToken ct)
    {
        if (BadFormat(format) is { } bad) return bad;
        var service = (await queries.GetServicesAsync(code, ct)).FirstOrDefault();
        if (service is null) return Open311Body.Errors(format, 404, $"service_code '{code}' was not found");
        return Open311Body.Single(format, "service_definition", new Open311Item
        {
            { "service_code", service.Code },
            { "attributes", new Open311List("attribute", ServiceAttributes.For(service).Select(a => new Open311Item
                {
                    { "variable", true },
                    { "code", a.Code },
                    { "datatype", a.Datatype },
                    { "required", a.Required },
                    { "datatype_description", a.Datatype == "number" ? "a number, e.g. 14" : null },
                    { "order", a.Order },
                    { "description", a.Description },
                    { "values", new Open311List("value", a.Values.Select(v => new Open311Item { { "key", v.Key }, { "name", v.Name } }).ToList()) },
                }).ToList()) },
        });
    }

    private static async Task<IResult> PostRequest(string format, HttpContext http, Open311Queries queries, AppealIntake intake,
        Open311RateLimits limits, CancellationToken ct)
    {
        if (BadFormat(format) is { } bad) return bad;
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = ServiceRequestForm.MaxBodyBytes;
        ServiceRequestForm form;
        try
        {
            form = await ServiceRequestForm.ReadAsync(http.Request, ct);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Open311Body.Errors(format, 400, $"the request is larger than {ServiceRequestForm.MaxBodyBytes / 1024} KB");
        }
        catch (Exception e) when (e is FormatException or JsonException or InvalidDataException)
        {
            return Open311Body.Errors(format, 400, "the request body could not be read: " + e.Message);
        }

        if (form["api_key"] is not { } apiKey) return Open311Body.Errors(format, 403, "api_key is required to create a service request");
        if (!queries.TryFindInMemory(apiKey, out var client)) client = await queries.FindClientAsync(apiKey, ct);
        if (client is null)
        {
            // An unknown key: the address spends one of its guesses before the table may be read again.
            if (await limits.GuessAsync(http.Connection.RemoteIpAddress, ct) is { } wait)
                return Open311RateLimits.TooMany(http, format, wait, "too many invalid api_key values from this address");
            client = await queries.FindClientAsync(apiKey, ct);
            if (client is null) return Open311Body.Errors(format, 403, "Invalid api_key received -- can't proceed with create_request.");
        }
        if (await limits.KeyUseAsync(client!.Id, client.RequestsPerMinute, ct) is { } keyWait)
            return Open311RateLimits.TooMany(http, format, keyWait, "this api_key's limit of requests a minute is used up");

        var errors = form.Validate(out var fields);
        var serviceCode = form["service_code"];
        ServiceRow? service = null;
        if (serviceCode is null) errors.Insert(0, "service_code is required (GET services.json lists them)");
        else if ((service = (await queries.GetServicesAsync(serviceCode, ct)).FirstOrDefault()) is null)
            return Open311Body.Errors(format, 404, $"service_code '{serviceCode}' was not found");

        var (channels, districts) = await queries.GetCodesAsync(ct);
        var channelId = client.ChannelId;
        if (form["channel"] is { } channel && !channels.TryGetValue(channel, out channelId))
            errors.Add($"channel '{channel}' is not one of {string.Join(", ", channels.Keys.Order())}");
        int? districtId = null;
        if (form["district"] is { } district)
        {
            if (districts.TryGetValue(district, out var d)) districtId = d;
            else errors.Add($"district '{district}' is not one of {string.Join(", ", districts.Keys.Order())}");
        }
        var attributes = service is null ? null : CheckAttributes(service, form.Attributes, errors);
        if (errors.Count > 0) return Open311Body.Errors(format, 400, [.. errors]);

        try
        {
            var result = await intake.RegisterAsync(new NewAppeal(
                fields.Description, service!.Id, channelId, fields.Lat, fields.Lon, fields.Address, fields.AddressId, districtId,
                fields.Language, fields.MediaUrl, fields.CitizenKey, client.Id, fields.Token, attributes?.Json, attributes?.Critical ?? false,
                Actor.Api(client.Name, http.Connection.RemoteIpAddress)), ct);
            var body = new Open311Item
            {
                { "service_request_id", result.RegNumber },
                { "service_notice", $"Обращение зарегистрировано. Срок ответа: {AstanaClock.ToLocal(result.SlaDueAt):dd.MM.yyyy HH:mm}" },
                { "account_id", form["account_id"] },
            };
            if (result.DuplicateOf is not null) body.Add("duplicate_of", result.DuplicateOf);
            return Open311Body.List(format, "service_requests", "request", [body], result.Replayed ? 200 : 201);
        }
        catch (IntakeRejectedException e)
        {
            return Open311Body.Errors(format, e.NotFound ? 404 : 400, e.Message);
        }
    }

    /// <summary>Answers to the service type's attributes: required ones present, values of the right kind.</summary>
    private static (string Json, bool Critical)? CheckAttributes(ServiceRow service, IReadOnlyDictionary<string, string[]> given, List<string> errors)
    {
        var definitions = ServiceAttributes.For(service);
        foreach (var code in given.Keys.Where(k => definitions.All(d => d.Code != k)))
            errors.Add($"attribute[{code}] is not an attribute of service_code '{service.Code}'");
        var answers = new Dictionary<string, object>();
        var critical = false;
        foreach (var d in definitions)
        {
            var values = given.GetValueOrDefault(d.Code) ?? [];
            if (values.Length == 0)
            {
                if (d.Required) errors.Add($"attribute[{d.Code}] is required for service_code '{service.Code}'");
                continue;
            }
            if (d.Datatype == "number")
            {
                if (double.TryParse(values[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && double.IsFinite(n)) answers[d.Code] = n;
                else errors.Add($"attribute[{d.Code}] '{values[0]}' is not a number");
            }
            else if (d.Values.Count > 0)
            {
                var unknown = values.Where(v => d.Values.All(x => x.Key != v)).ToList();
                if (unknown.Count > 0) errors.Add($"attribute[{d.Code}] '{unknown[0]}' is not one of {string.Join(", ", d.Values.Select(v => v.Key))}");
                else if (d.Datatype == "singlevaluelist" && values.Length > 1) errors.Add($"attribute[{d.Code}] takes one value");
                else
                {
                    answers[d.Code] = d.Datatype == "singlevaluelist" ? values[0] : values;
                    critical |= d.MakesCritical && values[0] == "yes";
                }
            }
            else answers[d.Code] = values[0];
        }
        return answers.Count == 0 ? null : (JsonSerializer.Serialize(answers), critical);
    }

    private static async Task<IResult> GetRequests(string format, HttpRequest request, Open311Queries queries, TimeProvider time, CancellationToken ct)
    {
        if (BadFormat(format) is { } bad) return bad;
        var q = request.Query;
        var errors = new List<string>();
        var ids = List(q["service_request_id"]);
        if (ids is { Count: > MaxPageSize }) errors.Add($"at most {MaxPageSize} service_request_id values at once");
        var from = Date(q["start_date"], "start_date", errors);
        var to = Date(q["end_date"], "end_date", errors);
        var now = time.GetUtcNow().UtcDateTime;
        // Defaults of the specification: the most recent 90 days, and never a span of more than 90 days.
        var toUtc = to ?? (from is { } f ? Min(f.AddDays(DefaultDays), now) : now);
        var fromUtc = from ?? toUtc.AddDays(-DefaultDays);
        if (fromUtc > toUtc) errors.Add("start_date is after end_date");
        else if (toUtc - fromUtc > TimeSpan.FromDays(DefaultDays)) errors.Add($"start_date and end_date may not span more than {DefaultDays} days");
        bool? open = null;
        if (List(q["status"]) is { } statuses)
        {
            var unknown = statuses.Where(s => s is not ("open" or "closed")).ToList();
            if (unknown.Count > 0) errors.Add($"status '{unknown[0]}' is not one of open, closed");
            else if (statuses.Distinct().Count() == 1) open = statuses[0] == "open";
        }
        var page = Int(q["page"], "page", 1, 1, int.MaxValue, errors);
        var pageSize = Int(q["page_size"], "page_size", MaxPageSize, 1, MaxPageSize, errors);
        if (errors.Count > 0) return Open311Body.Errors(format, 400, [.. errors]);

        var (rows, notes) = await queries.GetRequestsAsync(new RequestsQuery(ids, List(q["service_code"]), fromUtc, toUtc, open, page, pageSize), ct);
        return Open311Body.List(format, "service_requests", "request", rows.Select(r => Request(r, notes.GetValueOrDefault(r.Id))));
    }

    private static async Task<IResult> GetRequest(string id, string format, Open311Queries queries, CancellationToken ct)
    {
        if (BadFormat(format) is { } bad) return bad;
        var (rows, notes) = await queries.GetRequestsAsync(new RequestsQuery([id], null, DateTime.MinValue, DateTime.MaxValue, null, 1, 1), ct);
        return rows.Count == 0
            ? Open311Body.Errors(format, 404, $"service_request_id '{id}' was not found")
            : Open311Body.List(format, "service_requests", "request", [Request(rows[0], notes.GetValueOrDefault(rows[0].Id))]);
    }

    private static async Task<IResult> GetToken(string token, string format, string? api_key, Open311Queries queries, CancellationToken ct)
    {
        if (BadFormat(format) is { } bad) return bad;
        var found = await queries.FindTokenAsync(token, api_key, ct);
        return found.Count switch
        {
            0 => Open311Body.Errors(format, 404, $"token '{token}' was not found"),
            > 1 => Open311Body.Errors(format, 400, $"token '{token}' was used by several clients: add your api_key"),
            _ => Open311Body.List(format, "service_requests", "request", [new Open311Item { { "service_request_id", found[0].RegNumber }, { "token", found[0].Token } }]),
        };
    }

    /// <summary>
    /// A request as GET answers it, to anyone, key or no key: the public API carries no resident's personal data (the
    /// description and notes are redacted, the address is the building's).
    /// </summary>
    private static Open311Item Request(RequestRow r, List<NoteRow>? notes)
    {
        var closed = r.Status is "resolved" or "closed";
        return new Open311Item
        {
            { "service_request_id", r.RegNumber },
            { "status", closed ? "closed" : "open" },
            { "status_notes", PersonalData.Redact(notes?.LastOrDefault(n => n.Note is not null)?.Note) ?? StatusName(r.Status) },
            { "service_name", r.ServiceName },
            { "service_code", r.ServiceCode },
            { "description", PersonalData.Redact(r.Description) },
            { "agency_responsible", r.Agency },
            { "service_notice", null },
            { "requested_datetime", r.CreatedAt },
            { "updated_datetime", r.UpdatedAt },
            { "expected_datetime", r.SlaDueAt },
            { "address", PersonalData.RedactAddress(r.Address) },
            { "address_id", null },
            { "zipcode", null },
            { "lat", r.Lat },
            { "long", r.Lon },
            { "media_url", r.MediaUrl },
            // Extensions (docs/open311.md).
            { "channel", r.Channel },
            { "language", r.Language },
            { "district", r.District },
            { "duplicate_of", r.DuplicateOfReg },
            { "systemic_problem_id", r.SystemicProblemId },
            { "notes", new Open311List("note", (notes ?? []).Select(n => new Open311Item
                {
                    { "datetime", n.At }, { "type", n.Status }, { "description", PersonalData.Redact(n.Note) ?? StatusName(n.Status) },
                }).ToList()) },
        };
    }

    private static string StatusName(string status) => Texts.Get("status." + status).Ru;

    private static string Pick(string? lang, string ru, string kk, string en) => lang switch { "kk" => kk, "en" => en, _ => ru };

    private static List<string>? List(Microsoft.Extensions.Primitives.StringValues values)
    {
        var items = values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        return items.Count == 0 ? null : items;
    }

    private static DateTime? Date(Microsoft.Extensions.Primitives.StringValues raw, string name, List<string> errors)
    {
        var text = raw.ToString();
        if (string.IsNullOrWhiteSpace(text)) return null;
        // w3 format with a time zone (Z or ±HH:MM), as the specification requires.
        if (DateTimeOffset.TryParseExact(text, ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK"],
                CultureInfo.InvariantCulture, DateTimeStyles.None, out var value) && (text.EndsWith('Z') || text.Length > 19 && text[^6] is '+' or '-'))
            return value.UtcDateTime;
        errors.Add($"{name} '{text}' is not a w3 date-time with a time zone, e.g. 2026-01-01T00:00:00Z");
        return null;
    }

    private static int Int(Microsoft.Extensions.Primitives.StringValues raw, string name, int fallback, int min, int max, List<string> errors)
    {
        var text = raw.ToString();
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max) return value;
        errors.Add($"{name} '{text}' must be a whole number from {min} to {max}");
        return fallback;
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
}
