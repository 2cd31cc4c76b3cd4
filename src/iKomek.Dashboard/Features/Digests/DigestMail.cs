using System.Globalization;
using System.Net;
using System.Text;
using IKomek.Dashboard.Platform.City;
using IKomek.Dashboard.Platform.Exports;
using IKomek.Dashboard.Platform.Localization;
using MimeKit;

namespace IKomek.Dashboard.Features.Digests;

/// <summary>
/// A digest as an e-mail in one language: HTML with inline styles (mail clients drop style sheets) and the same
/// tables in an .xlsx attachment. Numbers in the city's format (ru-KZ), times in Astana's.
/// </summary>
public static class DigestMail
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static readonly CultureInfo Format = CultureInfo.GetCultureInfo(CultureSettings.FormatCulture);

    /// <summary>One table of a digest: the header and the rows as shown (text), in the e-mail and in the workbook.</summary>
    public sealed record Table(string SheetKey, string? TitleKey, IReadOnlyList<string> Header, IReadOnlyList<string?[]> Rows);

    public static MimeMessage Compose(Digest digest, string language, string to, string panelUrl, CityReference.Snapshot reference)
    {
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = Format;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
        try
        {
            var t = new Texts();
            var tables = Tables(digest, t, reference);
            var kind = t["digests.kind." + digest.Period.Kind];
            var scope = digest.Scope is { Kind: DigestScope.Department, Departments: [var department] } && reference.Departments.TryGetValue(department, out var d)
                ? d.Name(t) : t["digests.scope." + digest.Scope.Kind];
            var message = new MimeMessage { Subject = t.Format("digests.subject", kind, scope, PeriodText(digest.Period)) };
            message.To.Add(MailboxAddress.Parse(to));
            var body = new BodyBuilder { HtmlBody = Html(digest, t, kind, scope, tables, panelUrl) };
            body.Attachments.Add($"ikomek-{digest.Period.Kind}-{digest.Period.From:yyyy-MM-dd}.xlsx", Workbook(t, tables), ContentType.Parse(XlsxType));
            message.Body = body.ToMessageBody();
            return message;
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }

    /// <summary>The days covered: one day, or the first and last day.</summary>
    public static string PeriodText(DigestPeriod p) => p.To.DayNumber - p.From.DayNumber == 1
        ? p.From.ToString("dd.MM.yyyy", Format)
        : $"{p.From.ToString("dd.MM.yyyy", Format)} – {p.To.AddDays(-1).ToString("dd.MM.yyyy", Format)}";

    public static IReadOnlyList<Table> Tables(Digest d, Texts t, CityReference.Snapshot r)
    {
        string Name(IReadOnlyDictionary<int, RefItem> items, int? id) => id is { } i && items.TryGetValue(i, out var item) ? item.Name(t) : "";
        string Type(int id) => r.ServiceTypes.TryGetValue(id, out var s) ? t.Pick(s.NameRu, s.NameKk, s.NameEn) : "";
        static string N(long n) => n.ToString("N0", Format);
        static string Share(double? s) => s is { } v ? v.ToString("P1", Format) : "—";
        string Pct(decimal? p) => p is { } v ? v.ToString("N1", Format) : t["digests.notRated"];
        static string Delta(long now, long before) => before == 0 ? "—" : ((double)(now - before) / before).ToString("+0.0 %;-0.0 %;0 %", Format);
        string DeltaShare(double? now, double? before) =>
            now is { } a && before is { } b ? (100 * (a - b)).ToString("+0.0;-0.0;0.0", Format) + " " + t["digests.points"] : "—";

        var (c, b) = (d.Current, d.Before);
        var summary = new Table("digests.sheet.summary", null,
            [t["digests.indicator"], t["digests.period"] + " " + PeriodText(d.Period), t["digests.previous"] + " " + PeriodText(d.Period.Previous), t["digests.change"]],
            [
                [t["digests.received"], N(c.Received), N(b.Received), Delta(c.Received, b.Received)],
                [t["digests.resolved"], N(c.Resolved), N(b.Resolved), Delta(c.Resolved, b.Resolved)],
                [t["digests.onTime"], $"{N(c.OnTime)} ({Share(c.OnTimeShare)})", $"{N(b.OnTime)} ({Share(b.OnTimeShare)})", DeltaShare(c.OnTimeShare, b.OnTimeShare)],
                [t["digests.firstContact"], $"{N(c.FirstContact)} ({Share(c.FirstContactShare)})", $"{N(b.FirstContact)} ({Share(b.FirstContactShare)})", DeltaShare(c.FirstContactShare, b.FirstContactShare)],
                [t["digests.critical"], N(c.Critical), N(b.Critical), Delta(c.Critical, b.Critical)],
                [t["digests.overdueNow"], N(d.OverdueNow), null, null],
            ]);
        var critical = new Table("digests.sheet.critical", "digests.section.critical",
            [t["digests.regNumber"], t["digests.time"], t["digests.serviceType"], t["common.district"], t["digests.address"], t["digests.reports"]],
            d.Critical.Select(i => new string?[] { i.RegNumber, AstanaClock.ToLocal(i.CreatedAt).ToString("dd.MM HH:mm", Format), Type(i.ServiceTypeId),
                Name(r.Districts, i.DistrictId), i.Address, N(i.Reports) }).ToList());
        var alerts = new Table("digests.sheet.alerts", "digests.section.alerts",
            [t["digests.time"], t["digests.system"], t["digests.alert"], t["common.district"]],
            d.Alerts.Select(a => new string?[] { AstanaClock.ToLocal(a.OpenedAt).ToString("dd.MM HH:mm", Format), a.SystemCode,
                t.Pick(a.NameRu, a.NameKk, a.NameEn), Name(r.Districts, a.DistrictId) }).ToList());
        string?[] Problem(DigestProblem p) => [$"#{p.Id} {p.Title}" + (p.IsEmerging ? $" ({t["digests.emerging"]})" : ""), Name(r.Areas, p.AreaId),
            Name(r.Districts, p.DistrictId), p.Score.ToString("N2", Format), N(p.InPeriod), N(p.InPrevious)];
        string[] problemHeader = [t["digests.problem"], t["common.area"], t["common.district"], t["digests.score"], t["digests.inPeriod"], t["digests.inPrevious"]];
        var emerging = new Table("digests.sheet.emerging", "digests.section.emerging", problemHeader, d.Emerging.Select(Problem).ToList());
        var top = new Table("digests.sheet.top", "digests.section.top", problemHeader, d.TopProblems.Select(Problem).ToList());
        var departments = new Table("digests.sheet.departments", "digests.section.departments",
            [t["common.department"], t["digests.received"], t["digests.resolved"], t["digests.onTime"], t["digests.overdue"], t["digests.rating"], t["digests.ratingBefore"], t["digests.rank"]],
            d.Departments.Select(x => new string?[] { Name(r.Departments, x.Id), N(x.Received), N(x.Resolved),
                Share(x.Resolved == 0 ? null : (double)x.OnTime / x.Resolved), N(x.Overdue), Pct(x.Rating), Pct(x.RatingBefore),
                x.Rank is { } rank ? rank + (x.RankBefore is { } before && before != rank ? $" ({(before > rank ? "▲" : "▼")}{Math.Abs(before - rank)})" : "") : "—" }).ToList());
        // The morning digest names yesterday's incidents; the reports compare periods and rank the problems.
        return d.Period.Kind == DigestKinds.Daily
            ? [summary, critical, alerts, emerging, departments]
            : [summary, critical, alerts, emerging, top, departments];
    }

    private static string Html(Digest d, Texts t, string kind, string scope, IReadOnlyList<Table> tables, string panelUrl)
    {
        static string E(string? s) => WebUtility.HtmlEncode(s ?? "");
        var html = new StringBuilder();
        html.Append($"""
            <!DOCTYPE html><html lang="{t.Language}"><head><meta charset="utf-8"><title>{E(kind)}</title></head>
            <body style="margin:0;padding:0;background:#f3f5f8;">
            <div style="max-width:760px;margin:0 auto;padding:16px;font-family:Segoe UI,Arial,sans-serif;font-size:14px;color:#1f2933;">
            <div style="background:#0b4f8a;color:#ffffff;padding:14px 18px;border-radius:6px 6px 0 0;">
            <div style="font-size:12px;opacity:.85;">iKomek 109 · {E(scope)}</div>
            <div style="font-size:20px;font-weight:600;">{E(kind)} · {E(PeriodText(d.Period))}</div></div>
            <div style="background:#ffffff;padding:12px 18px 18px;border-radius:0 0 6px 6px;">
            """);
        foreach (var table in tables)
        {
            if (table.TitleKey is { } title)
                html.Append($"""<h2 style="font-size:16px;margin:18px 0 6px;color:#0b4f8a;">{E(t[title])}</h2>""");
            if (table.Rows.Count == 0)
            {
                html.Append($"""<p style="margin:0;color:#616e7c;">{E(t["digests.none"])}</p>""");
                continue;
            }
            html.Append("""<table cellpadding="0" cellspacing="0" style="border-collapse:collapse;width:100%;font-size:13px;"><tr>""");
            foreach (var h in table.Header)
                html.Append($"""<th style="text-align:left;padding:5px 6px;border-bottom:2px solid #cbd2d9;color:#3e4c59;">{E(h)}</th>""");
            html.Append("</tr>");
            foreach (var row in table.Rows)
            {
                html.Append("<tr>");
                // Numbers and registration numbers stay on one line; names and addresses wrap.
                foreach (var cell in row)
                    html.Append($"""<td style="padding:5px 6px;border-bottom:1px solid #e4e7eb;{((cell?.Length ?? 0) <= 16 ? "white-space:nowrap;" : "")}">{E(cell)}</td>""");
                html.Append("</tr>");
            }
            html.Append("</table>");
        }
        var made = AstanaClock.ToLocal(d.MadeAt).ToString("dd.MM.yyyy HH:mm", Format);
        html.Append($"""
            <p style="margin:18px 0 0;"><a href="{E(panelUrl)}" style="background:#0b4f8a;color:#ffffff;padding:8px 14px;border-radius:4px;text-decoration:none;">{E(t["digests.openPanel"])}</a></p>
            <p style="margin:14px 0 0;color:#616e7c;font-size:12px;">{E(t["digests.attachment"])} {E(t.Format("digests.footer", made, panelUrl.TrimEnd('/') + "/me/digests"))}</p>
            </div></div></body></html>
            """);
        return html.ToString();
    }

    /// <summary>The tables as a workbook, a sheet each.</summary>
    private static byte[] Workbook(Texts t, IReadOnlyList<Table> tables)
    {
        var bytes = new MemoryStream();
        using (var xlsx = new XlsxRowWriter(bytes, t[tables[0].SheetKey]))
        {
            foreach (var table in tables)
            {
                if (table != tables[0]) xlsx.NextSheet(t[table.SheetKey]);
                xlsx.Write(table.Header);
                foreach (var row in table.Rows) xlsx.Write(row);
            }
        }
        return bytes.ToArray();
    }
}
