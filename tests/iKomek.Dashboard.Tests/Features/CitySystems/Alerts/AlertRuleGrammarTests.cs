using IKomek.Dashboard.Features.CitySystems.Alerts;

namespace IKomek.Dashboard.Tests.Features.CitySystems.Alerts;

/// <summary>Bad rules are refused with the error that names what is wrong; the seed rules' shapes pass.</summary>
public sealed class AlertRuleGrammarTests
{
    private static readonly Dictionary<string, AlertField> Manholes = new()
    {
        ["network"] = new("network", "choice", ["sewer", "water"]),
        ["state"] = new("state", "choice", ["closed", "open"]),
        ["tilt_deg"] = new("tilt_deg", "number", null),
        ["battery_pct"] = new("battery_pct", "number", null),
        ["fault"] = new("fault", "boolean", null),
        ["resettle_by"] = new("resettle_by", "date", null),
        ["note"] = new("note", "text", null),
    };

    private static IReadOnlyList<RuleError> Check(string conditions, double margin = 0, int confirm = 1, short[]? months = null, string severity = "critical") =>
        AlertRuleGrammar.Validate(conditions, Manholes, margin, confirm, months, severity);

    [Theory]
    [InlineData("""[{"field": "tilt_deg", "op": ">", "value": 15}]""")]
    [InlineData("""[{"field": "state", "op": "=", "value": "open"}, {"field": "network", "op": "!=", "value": "water"}]""")]
    [InlineData("""[{"field": "tilt_deg", "per": "battery_pct", "op": "<", "value": 0.5}]""")]
    [InlineData("""[{"field": "tilt_deg", "op": "<=", "field2": "battery_pct"}]""")]
    [InlineData("""[{"field": "resettle_by", "op": "<", "value": "today"}, {"field": "fault", "op": "=", "value": true}]""")]
    [InlineData("""[{"field": "resettle_by", "op": ">=", "value": "2026-01-31"}]""")]
    public void GoodRules_Pass(string conditions) => Assert.Empty(Check(conditions));

    [Theory]
    [InlineData("not json", "alerts.err.json")]
    [InlineData("[]", "alerts.err.notArray")]
    [InlineData("""{"field": "tilt_deg"}""", "alerts.err.notArray")]
    [InlineData("""[15]""", "alerts.err.clause")]
    [InlineData("""[{"field": "tilt", "op": ">", "value": 15}]""", "alerts.err.unknownField")]
    [InlineData("""[{"op": ">", "value": 15}]""", "alerts.err.fieldMissing")]
    [InlineData("""[{"field": "tilt_deg", "op": "=>", "value": 15}]""", "alerts.err.op")]
    [InlineData("""[{"field": "tilt_deg", "value": 15}]""", "alerts.err.op")]
    [InlineData("""[{"field": "state", "op": ">", "value": "closed"}]""", "alerts.err.opType")]
    [InlineData("""[{"field": "fault", "op": "<", "value": true}]""", "alerts.err.opType")]
    [InlineData("""[{"field": "state", "op": "=", "value": "ajar"}]""", "alerts.err.choice")]
    [InlineData("""[{"field": "tilt_deg", "op": ">", "value": "15"}]""", "alerts.err.valueType")]
    [InlineData("""[{"field": "resettle_by", "op": "<", "value": "31.01.2026"}]""", "alerts.err.valueType")]
    [InlineData("""[{"field": "fault", "op": "=", "value": "yes"}]""", "alerts.err.valueType")]
    [InlineData("""[{"field": "tilt_deg", "op": ">"}]""", "alerts.err.valueOrField2")]
    [InlineData("""[{"field": "tilt_deg", "op": ">", "value": 1, "field2": "battery_pct"}]""", "alerts.err.valueOrField2")]
    [InlineData("""[{"field": "tilt_deg", "op": ">", "field2": "state"}]""", "alerts.err.field2Type")]
    [InlineData("""[{"field": "state", "per": "tilt_deg", "op": "<", "value": 1}]""", "alerts.err.per")]
    [InlineData("""[{"field": "tilt_deg", "op": ">", "value": 15, "over": 3}]""", "alerts.err.key")]
    public void BadConditions_AreRefusedWithTheirError(string conditions, string error) =>
        Assert.Contains(error, Check(conditions).Select(e => e.Key));

    [Fact]
    public void BadSettings_AreRefusedEachWithItsError()
    {
        const string ok = """[{"field": "tilt_deg", "op": ">", "value": 15}]""";
        Assert.Equal(["alerts.err.margin"], Check(ok, margin: -1).Select(e => e.Key));
        Assert.Equal(["alerts.err.confirm"], Check(ok, confirm: 0).Select(e => e.Key));
        Assert.Equal(["alerts.err.confirm"], Check(ok, confirm: 101).Select(e => e.Key));
        Assert.Equal(["alerts.err.months"], Check(ok, months: [1, 13]).Select(e => e.Key));
        Assert.Equal(["alerts.err.months"], Check(ok, months: []).Select(e => e.Key));
        Assert.Equal(["alerts.err.severity"], Check(ok, severity: "urgent").Select(e => e.Key));
    }

    [Fact]
    public void UnknownField_NamesTheClauseAndTheField()
    {
        var error = Assert.Single(Check("""[{"field": "tilt_deg", "op": ">", "value": 1}, {"field": "cover", "op": "=", "value": "open"}]"""));
        Assert.Equal(new object[] { 2, "cover" }, error.Args);
    }
}
