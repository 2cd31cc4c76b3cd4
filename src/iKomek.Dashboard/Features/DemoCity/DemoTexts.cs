using IKomek.Dashboard.Features.DemoCity;
using IKomek.Dashboard.Features.Classification;
namespace IKomek.Dashboard.Features.DemoCity;

/// <summary>The demo city's appeal texts with their true topics: the data the benchmark and the tests train on.</summary>
public static class DemoTexts
{
    /// <summary>
    /// The appeals the demo generator writes for these options, in order (same options, same texts), labeled with
    /// their service type code and area code; at most <paramref name="max"/>.
    /// </summary>
    public static IEnumerable<LabeledText> Generate(DemoCityOptions options, int max = int.MaxValue)
    {
        var plan = DemoCityPlan.Create(options, new DateTimeOffset(2026, 6, 30, 12, 0, 0, TimeSpan.Zero));
        var types = plan.Reference.ServiceTypes.ToDictionary(t => t.Id);
        var n = 0;
        foreach (var day in plan.AppealDays())
        {
            foreach (var appeal in day.Appeals)
            {
                if (n++ >= max) yield break;
                var type = types[appeal.ServiceTypeId];
                yield return new LabeledText(appeal.Description, type.AreaCode, type.Code, appeal.Language, appeal.Phrasing);
            }
        }
    }

    /// <summary>The catalog's keywords of every service type, heavier types first: the keyword-rule baseline.</summary>
    public static KeywordBaseline KeywordBaseline()
    {
        var catalog = ServiceTypeCatalog.Build();
        return new KeywordBaseline(catalog.ServiceTypes
            .OrderByDescending(t => t.WeightInArea * catalog.AreaWeights[t.AreaId - 1])
            .Select(t => (t.Code, t.AreaCode, (IEnumerable<string>)t.Keywords)));
    }
}
