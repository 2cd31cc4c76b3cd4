namespace IKomek.Dashboard.Features.DemoCity;

/// <summary>
/// Probability that an appeal is resolved at the first contact, by service type and year. Each type has a
/// typical rate (questions are answered on the call, outages need a crew); a yearly shift on the log-odds
/// scale is solved so that the expected mix of the year hits the city's reported rate.
/// </summary>
internal sealed class FirstContactModel
{
    // DOMAIN.md: 77% in 2018, 85.4% in 2020; newest year first, older years stay at the first one's level.
    private static readonly double[] Targets = [0.854, 0.812, 0.77];

    /// <summary>Share of ordinary appeals that repeat an earlier one; they are closed on the call as duplicates.</summary>
    public const double DuplicateShare = 0.012;

    private readonly double[][] _probability;   // [period year][service type id - 1]

    public FirstContactModel(int years, IReadOnlyList<ServiceType> types, double[][] expectedByYearAndType)
    {
        _probability = new double[years][];
        for (var year = 0; year < years; year++)
        {
            var target = Target(year);
            var expected = expectedByYearAndType[year];
            var total = expected.Sum();
            // Duplicates count as resolved on the call: the rest must make up the difference.
            var ordinaryTarget = (target - DuplicateShare) / (1 - DuplicateShare);
            double Rate(double shift) =>
                total == 0 ? ordinaryTarget : types.Sum(t => expected[t.Id - 1] * Probability(t.FirstContactBase, shift)) / total;
            double low = -8, high = 8;
            for (var i = 0; i < 60; i++)
            {
                var middle = (low + high) / 2;
                (low, high) = Rate(middle) < ordinaryTarget ? (middle, high) : (low, middle);
            }
            _probability[year] = types.Select(t => Probability(t.FirstContactBase, (low + high) / 2)).ToArray();
        }
    }

    public static double Target(int periodYear) => Targets[Math.Min(periodYear, Targets.Length - 1)];

    public double Probability(ServiceType type, int periodYear) => _probability[periodYear][type.Id - 1];

    private static double Probability(double baseRate, double shift)
    {
        var logit = Math.Log(baseRate / (1 - baseRate)) + shift;
        return 1 / (1 + Math.Exp(-logit));
    }
}
