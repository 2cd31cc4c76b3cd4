using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Xml;
using IKomek.Dashboard.Platform.City;

namespace IKomek.Dashboard.Features.Intake.Open311;

/// <summary>One object of an Open311 response: fields in the order the specification lists them.</summary>
public sealed class Open311Item : List<KeyValuePair<string, object?>>
{
    public void Add(string name, object? value) => Add(new KeyValuePair<string, object?>(name, value));
}

/// <summary>A nested list (notes, attributes, values): a JSON array, or in XML a wrapper of repeated elements.</summary>
public sealed record Open311List(string ItemName, IReadOnlyList<Open311Item> Items);

/// <summary>
/// Writes Open311 bodies in both formats from one model: JSON by the Spark convention the specification names
/// (a list is an array), XML with the UTF-8 declaration and no namespace. Times are ISO 8601 in Astana's offset.
/// </summary>
public static class Open311Body
{
    private static readonly JsonWriterOptions JsonOptions = new()
    {
        // Cyrillic and Kazakh letters travel as they are, not as \u escapes (the body is JSON, never HTML).
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    public static bool IsKnownFormat(string format) => format is "json" or "xml";

    /// <summary>A list body: a JSON array, or &lt;root&gt;&lt;item&gt;...&lt;/item&gt;&lt;/root&gt;.</summary>
    public static IResult List(string format, string root, string item, IEnumerable<Open311Item> items, int status = StatusCodes.Status200OK) =>
        Respond(format, status, json => WriteArray(json, items), xml =>
        {
            xml.WriteStartElement(root);
            foreach (var i in items) WriteXmlItem(xml, item, i);
            xml.WriteEndElement();
        });

    /// <summary>A single-object body (service_definition, discovery).</summary>
    public static IResult Single(string format, string root, Open311Item body) =>
        Respond(format, StatusCodes.Status200OK, json => WriteObject(json, body), xml => WriteXmlItem(xml, root, body));

    /// <summary>The specification's error body: [{"code":400,"description":"..."}] with the HTTP status.</summary>
    public static IResult Errors(string format, int status, params string[] descriptions) =>
        List(IsKnownFormat(format) ? format : "json", "errors", "error",
            descriptions.Select(d => new Open311Item { { "code", status }, { "description", d } }), status);

    private static IResult Respond(string format, int status, Action<Utf8JsonWriter> json, Action<XmlWriter> xml)
    {
        using var stream = new MemoryStream();
        if (format == "xml")
        {
            using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false }))
            {
                writer.WriteStartDocument();
                xml(writer);
                writer.WriteEndDocument();
            }
            return new BodyResult(stream.ToArray(), "text/xml; charset=utf-8", status);
        }
        using (var writer = new Utf8JsonWriter(stream, JsonOptions))
        {
            json(writer);
        }
        return new BodyResult(stream.ToArray(), "application/json; charset=utf-8", status);
    }

    private static void WriteArray(Utf8JsonWriter json, IEnumerable<Open311Item> items)
    {
        json.WriteStartArray();
        foreach (var item in items) WriteObject(json, item);
        json.WriteEndArray();
    }

    private static void WriteObject(Utf8JsonWriter json, Open311Item item)
    {
        json.WriteStartObject();
        foreach (var (name, value) in item)
        {
            json.WritePropertyName(name);
            switch (value)
            {
                case null: json.WriteNullValue(); break;
                case string s: json.WriteStringValue(s); break;
                case bool b: json.WriteBooleanValue(b); break;
                case int i: json.WriteNumberValue(i); break;
                case long l: json.WriteNumberValue(l); break;
                case double d: json.WriteNumberValue(d); break;
                case DateTime t: json.WriteStringValue(Timestamp(t)); break;
                case Open311List list: WriteArray(json, list.Items); break;
                case Open311Item nested: WriteObject(json, nested); break;
                default: json.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture)); break;
            }
        }
        json.WriteEndObject();
    }

    private static void WriteXmlItem(XmlWriter xml, string element, Open311Item item)
    {
        xml.WriteStartElement(element);
        foreach (var (name, value) in item)
        {
            xml.WriteStartElement(name);
            switch (value)
            {
                case null: break;
                case bool b: xml.WriteString(b ? "true" : "false"); break;
                case DateTime t: xml.WriteString(Timestamp(t)); break;
                case Open311List list:
                    foreach (var nested in list.Items) WriteXmlItem(xml, list.ItemName, nested);
                    break;
                case Open311Item nested:
                    foreach (var (n, v) in nested) xml.WriteElementString(n, Convert.ToString(v, CultureInfo.InvariantCulture));
                    break;
                default: xml.WriteString(Convert.ToString(value, CultureInfo.InvariantCulture)); break;
            }
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    /// <summary>2026-11-21T14:03:00+05:00: w3 format with the offset the specification requires.</summary>
    public static string Timestamp(DateTime utc) => AstanaClock.ToLocal(utc).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private sealed class BodyResult(byte[] body, string contentType, int status) : IResult
    {
        public async Task ExecuteAsync(HttpContext http)
        {
            http.Response.StatusCode = status;
            http.Response.ContentType = contentType;
            http.Response.ContentLength = body.Length;
            await http.Response.Body.WriteAsync(body);
        }
    }
}
