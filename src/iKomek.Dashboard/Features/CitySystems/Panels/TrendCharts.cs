using IKomek.Dashboard.Components.Charts;
using IKomek.Dashboard.Platform.Localization;
using Plotly.Blazor;

namespace IKomek.Dashboard.Features.CitySystems.Panels;

public sealed record TrendChart(string Key, string Title, IList<ITrace> Traces, Layout Layout);

/// <summary>The traces of a system's trend charts, from its daily roll-ups or its objects' counts.</summary>
public static class TrendCharts
{
    /// <summary>A feed's fields charted: a few, the first numeric reading fields of its schema.</summary>
    public const int MaxFields = 4;

    public static IReadOnlyList<TrendChart> Build(Texts t, SystemStatus system, IReadOnlyList<SystemField> fields, IReadOnlyList<DailyValue> daily,
        IReadOnlyList<CountBy> monthly, IReadOnlyList<AggregateRow> byStatus, IReadOnlyDictionary<int, string> districtNames)
    {
        var charts = new List<TrendChart>();
        if (system.IsFeed)
        {
            foreach (var field in fields.Where(f => f.Scope == "reading" && f.IsNumeric).Take(MaxFields))
            {
                var rows = daily.Where(d => d.Field == field.Name).ToList();
                if (rows.Count == 0) continue;
                // The mean of the day's readings: a stock read every hour is not 24 times the stock.
                var city = rows.GroupBy(r => r.Day).OrderBy(g => g.Key)
                    .Select(g => (Day: g.Key, Mean: g.Sum(r => r.Sum) / Math.Max(1, g.Sum(r => r.N)))).ToList();
                List<ITrace> traces = [Traces.Line(t["systems.trendCity"], city.Select(c => c.Day), city.Select(c => Math.Round(c.Mean, 2)), ChartLayout.Palette.Ink)];
                var i = 0;
                foreach (var district in rows.Where(r => r.DistrictId != 0).GroupBy(r => r.DistrictId).OrderBy(g => g.Key))
                {
                    var days = district.OrderBy(r => r.Day).ToList();
                    traces.Add(Traces.Line(districtNames.GetValueOrDefault(district.Key) ?? district.Key.ToString(),
                        days.Select(r => r.Day), days.Select(r => Math.Round(r.Sum / Math.Max(1, r.N), 2)), ChartLayout.Palette.Series[i++ % ChartLayout.Palette.Series.Count]));
                }
                var layout = ChartLayout.Base();
                layout.XAxis = [ChartLayout.DateAxis()];
                charts.Add(new TrendChart(field.Name, t.Format("systems.trendField", FieldFormat.Label(t, field)), traces, layout));
            }
            return charts;
        }
        if (monthly.Count > 0)
        {
            var layout = ChartLayout.Base();
            charts.Add(new TrendChart("monthly", t["systems.trendByMonth"],
                [Traces.Bars(t["systems.count"], monthly.Select(m => m.Key), monthly.Select(m => m.Count))], layout));
        }
        if (byStatus.Count > 0)
        {
            var field = byStatus[0].Field;
            var counts = byStatus.Where(r => r.Field == field).GroupBy(r => r.Value).Select(g => (Value: g.Key, Count: g.Sum(r => r.Count)))
                .OrderByDescending(c => c.Count).ToList();
            var label = fields.FirstOrDefault(f => f.Name == field)?.Label(t) ?? field;
            charts.Add(new TrendChart("status", $"{t["systems.trendByStatus"]}: {label}",
                [Traces.HorizontalBars(t["systems.count"], counts.Select(c => FieldFormat.Choice(t, system.Code, field, c.Value)), counts.Select(c => c.Count))],
                ChartLayout.Base()));
        }
        return charts;
    }
}
