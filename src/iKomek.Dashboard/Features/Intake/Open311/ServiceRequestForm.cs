using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Primitives;
using IKomek.Dashboard.Platform.City;

namespace IKomek.Dashboard.Features.Intake.Open311;

/// <summary>
/// The fields of POST requests, from a form (as the specification says) or a JSON object, with every check an
/// edge owes: each problem becomes one precise error naming its field, and nothing is stored unless all pass.
/// </summary>
public sealed partial class ServiceRequestForm
{
    public const int MaxBodyBytes = 64 * 1024;
    public const int MaxDescription = 4000;

    private readonly Dictionary<string, StringValues> _fields;

    private ServiceRequestForm(Dictionary<string, StringValues> fields) => _fields = fields;

    public string? this[string name] => _fields.TryGetValue(name, out var v) && !StringValues.IsNullOrEmpty(v) ? v.ToString().Trim() : null;

    /// <summary>attribute[code]=value and attribute[code][]=value pairs.</summary>
    public IReadOnlyDictionary<string, string[]> Attributes =>
        _fields.Select(kv => (Match: AttributeKey().Match(kv.Key), kv.Value))
            .Where(x => x.Match.Success)
            .GroupBy(x => x.Match.Groups["code"].Value)
            .ToDictionary(g => g.Key, g => g.SelectMany(x => x.Value.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim())).ToArray());

    public static async Task<ServiceRequestForm> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.HasFormContentType)
        {
            // The form reader would turn bytes that are not UTF-8 into U+FFFD and store the text mangled: the body
            // (at most MaxBodyBytes) is checked first, field by field, and refused with the place of the first bad byte.
            var body = new MemoryStream();
            await request.Body.CopyToAsync(body, ct);
            CheckUtf8(body.GetBuffer().AsSpan(0, (int)body.Length));
            body.Position = 0;
            request.Body = body;
            var form = await request.ReadFormAsync(ct);
            return new ServiceRequestForm(form.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal));
        }
        if (request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true)
        {
            using var doc = await JsonDocument.ParseAsync(request.Body, cancellationToken: ct);
            if (doc.RootElement.ValueKind != JsonValueKind.Object) throw new FormatException("the JSON body must be an object of fields");
            var fields = new Dictionary<string, StringValues>(StringComparer.Ordinal);
            foreach (var p in doc.RootElement.EnumerateObject())
            {
                if (p.Name == "attribute" && p.Value.ValueKind == JsonValueKind.Object)
                {
                    foreach (var a in p.Value.EnumerateObject()) fields[$"attribute[{a.Name}]"] = JsonValues(a.Value);
                }
                else fields[p.Name] = JsonValues(p.Value);
            }
            return new ServiceRequestForm(fields);
        }
        throw new FormatException("send the fields as application/x-www-form-urlencoded (or application/json)");
    }

    private static readonly System.Text.UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Every name and value of a urlencoded form, once percent-decoded, must be UTF-8.</summary>
    private static void CheckUtf8(ReadOnlySpan<byte> body)
    {
        foreach (var pair in System.Text.Encoding.Latin1.GetString(body).Split('&'))
        {
            var bytes = System.Net.WebUtility.UrlDecodeToBytes(System.Text.Encoding.Latin1.GetBytes(pair), 0, pair.Length);
            try
            {
                StrictUtf8.GetString(bytes);
            }
            catch (System.Text.DecoderFallbackException e)
            {
                var name = pair.Split('=')[0];
                throw new FormatException($"field '{(name.All(c => c < 128) ? name : "?")}' is not valid UTF-8 (byte 0x{e.BytesUnknown?.FirstOrDefault():X2} at byte {e.Index + 1} of the decoded field): send the fields in UTF-8");
            }
        }
    }

    private static StringValues JsonValues(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Array => new StringValues(e.EnumerateArray().Select(Scalar).ToArray()),
        _ => new StringValues(Scalar(e)),
    };

    private static string? Scalar(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => e.GetString(),
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => e.GetRawText(),
        JsonValueKind.Null => null,
        _ => throw new FormatException("field values must be strings, numbers, booleans or lists of them"),
    };

    /// <summary>Checks every field that needs no database; returns the errors found (empty when all is well).</summary>
    public List<string> Validate(out ParsedFields parsed)
    {
        var errors = new List<string>();
        parsed = new ParsedFields();

        var description = this["description"] ?? "";
        if (description.Length > MaxDescription)
            errors.Add($"description is {description.Length} characters long; at most {MaxDescription} are allowed");
        else if (Html().IsMatch(description))
            errors.Add("description must be plain text: HTML or code is not accepted");
        parsed.Description = description;

        var lat = Number("lat", -90, 90, errors);
        var lon = Number("long", -180, 180, errors);
        if ((this["lat"] is null) != (this["long"] is null))
            errors.Add("lat and long must be sent together");
        else if (lat is { } la && lon is { } lo && !CityGeography.IsInCity(la, lo))
            errors.Add($"lat/long {la.ToString(CultureInfo.InvariantCulture)}, {lo.ToString(CultureInfo.InvariantCulture)} is outside the city's bounds");
        (parsed.Lat, parsed.Lon) = (lat, lon);

        parsed.Address = this["address_string"];
        if (parsed.Address is { Length: > 300 }) errors.Add("address_string is longer than 300 characters");
        if (this["address_id"] is { } addressId)
        {
            if (int.TryParse(addressId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0) parsed.AddressId = id;
            else errors.Add($"address_id '{addressId}' is not a positive whole number");
        }
        if (this["lat"] is null && this["long"] is null && parsed.Address is null && this["address_id"] is null)
            errors.Add("a location is required: lat and long, address_string or address_id");

        if (this["media_url"] is { } media)
        {
            if (media.Length > 2000 || !Uri.TryCreate(media, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                errors.Add("media_url must be an absolute http or https URL of at most 2000 characters");
            else parsed.MediaUrl = media;
        }
        if (this["email"] is { } email && !Email().IsMatch(email)) errors.Add($"email '{email}' is not an e-mail address");
        if (this["phone"] is { } phone && !Phone().IsMatch(phone)) errors.Add($"phone '{phone}' is not a phone number");
        parsed.CitizenKey = this["email"] ?? this["phone"] ?? this["account_id"] ?? this["device_id"];

        if (this["language"] is { } language)
        {
            if (language is "ru" or "kk" or "en" or "mixed") parsed.Language = language;
            else errors.Add($"language '{language}' is not one of ru, kk, en, mixed");
        }
        if (this["token"] is { Length: > 200 }) errors.Add("token is longer than 200 characters");
        parsed.Token = this["token"];
        return errors;
    }

    private double? Number(string name, double min, double max, List<string> errors)
    {
        if (this[name] is not { } raw) return null;
        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            errors.Add($"{name} '{raw}' is not a number (use a decimal point: 51.1283)");
            return null;
        }
        if (value < min || value > max)
        {
            errors.Add($"{name} {raw} is out of range [{min}, {max}]");
            return null;
        }
        return value;
    }

    /// <summary>Fields that passed the checks, typed.</summary>
    public sealed class ParsedFields
    {
        public string Description { get; set; } = "";
        public double? Lat { get; set; }
        public double? Lon { get; set; }
        public string? Address { get; set; }
        public int? AddressId { get; set; }
        public string? MediaUrl { get; set; }
        public string? CitizenKey { get; set; }
        public string? Language { get; set; }
        public string? Token { get; set; }
    }

    [GeneratedRegex(@"^attribute\[(?<code>[A-Za-z0-9_]+)\](\[\])?$")]
    private static partial Regex AttributeKey();

    [GeneratedRegex(@"<\s*[a-zA-Z!/?]")]
    private static partial Regex Html();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex Email();

    [GeneratedRegex(@"^\+?[0-9 ()\-]{5,20}$")]
    private static partial Regex Phone();
}
