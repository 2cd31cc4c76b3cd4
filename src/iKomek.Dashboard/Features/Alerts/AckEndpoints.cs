using System.Globalization;
using System.Net;
using IKomek.Dashboard.Platform.City;
using IKomek.Dashboard.Platform.Localization;

namespace IKomek.Dashboard.Features.Alerts;

/// <summary>
/// The acknowledgement link of a delivery, <c>/alerts/ack/{token}</c>, opened without signing in (the token is the
/// secret): GET shows the alert and a button and changes nothing, since mail scanners and link previews follow links;
/// POST acknowledges as the person the delivery went to.
/// </summary>
public static class AckEndpoints
{
    public static string Path(string token) => "/alerts/ack/" + token;

    public static void MapAlertAcks(this WebApplication app)
    {
        app.MapGet("/alerts/ack/{token}", async (string token, AlertAcks acks, Texts t, CancellationToken ct) =>
            await acks.FindByTokenAsync(token, ct) is { } view ? Page(t, view, token, justNow: false) : NotFound(t));
        app.MapPost("/alerts/ack/{token}", async (string token, AlertAcks acks, Texts t, HttpContext http, CancellationToken ct) =>
            await acks.AcknowledgeByTokenAsync(token, http.Connection.RemoteIpAddress, ct) is { } view ? Page(t, view, token, justNow: true) : NotFound(t));
    }

    private static IResult NotFound(Texts t) =>
        Results.Content(Document(t, t["notify.ack.title"], $"<p>{E(t["notify.ack.unknown"])}</p>"), "text/html; charset=utf-8", statusCode: 404);

    private static IResult Page(Texts t, AckView v, string token, bool justNow)
    {
        var title = t.Pick(v.TitleRu, v.TitleKk, v.TitleEn);
        var body = $"""
            <h1 class="{(v.Critical ? "critical" : "")}">{E(title)}</h1>
            <p>{E(t.Format("notify.ack.raised", Local(v.RaisedAt)))}</p>
            <p><a href="{E(v.Link)}">{E(t["notify.ack.open"])}</a></p>
            """ + (v.AcknowledgedAt is { } at
            ? $"""<p class="done" data-testid="ack-done">{E(t.Format(justNow ? "notify.ack.done" : "notify.ack.already", Local(at), v.AcknowledgedBy))}</p>"""
            : $"""
              <form method="post" action="{E(Path(token))}">
                <button type="submit" data-testid="ack-button">{E(t["notify.ack.button"])}</button>
              </form>
              """);
        return Results.Content(Document(t, t["notify.ack.title"], body), "text/html; charset=utf-8");
    }

    private static string Local(DateTime utc) =>
        AstanaClock.ToLocal(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToString("dd.MM.yyyy HH:mm", CultureInfo.CurrentCulture);

    private static string Document(Texts t, string title, string body) => $"""
        <!doctype html>
        <html lang="{t.Language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="robots" content="noindex"><title>{E(title)} · iKomek 109</title>
        <style>body{"{"}font-family:Arial,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;color:#1a2b3c{"}"}
        h1{"{"}font-size:1.4rem{"}"} h1.critical{"{"}color:#b3261e{"}"} button{"{"}font-size:1rem;padding:.6rem 1.2rem;background:#0b5394;color:#fff;border:0;border-radius:4px;cursor:pointer{"}"}
        .done{"{"}color:#1b5e20;font-weight:bold{"}"}</style></head>
        <body>{body}</body></html>
        """;

    private static string E(string? s) => WebUtility.HtmlEncode(s ?? "");
}
