using System.Globalization;
using System.Text.Json.Nodes;

namespace IKomek.Dashboard.Features.CitySystems.Alerts;

/// <summary>One clause as the editor shows it: the field, the operator, and the right side as typed (a value) or
/// another field; "per" kept as it was.</summary>
public sealed class ClauseDraft
{
    public string Field { get; set; } = "";
    public string Op { get; set; } = "=";
    public string? Per { get; set; }
    public string? Field2 { get; set; }
    public string Value { get; set; } = "";
}

/// <summary>A rule being edited: its clauses and settings, turned back into the stored JSON for the grammar's check.</summary>
public sealed class AlertRuleDraft
{
    public int Id { get; init; }
    public List<ClauseDraft> Clauses { get; init; } = [];
    public double ClearMargin { get; set; }
    public int Confirm { get; set; }
    public HashSet<short> Months { get; init; } = [];
    public string Severity { get; set; } = "critical";
    public bool RaisesStatus { get; set; }
    public bool IsEnabled { get; set; }

    public static AlertRuleDraft Of(AlertRule rule) => new()
    {
        Id = rule.Id,
        Clauses = JsonNode.Parse(rule.Conditions)!.AsArray().OfType<JsonObject>().Select(c => new ClauseDraft
        {
            Field = (string?)c["field"] ?? "",
            Op = (string?)c["op"] ?? "",
            Per = (string?)c["per"],
            Field2 = (string?)c["field2"],
            Value = c["value"] is JsonValue v ? Text(v) : "",
        }).ToList(),
        ClearMargin = rule.ClearMargin,
        Confirm = rule.Confirm,
        Months = rule.Months?.ToHashSet() ?? [],
        Severity = rule.Severity,
        RaisesStatus = rule.RaisesStatus,
        IsEnabled = rule.IsEnabled,
    };

    /// <summary>The edit to store; a value typed for a numeric field becomes a number (comma or point), "true"/"false"
    /// for a boolean one a boolean; anything else stays text, for the grammar to judge.</summary>
    public AlertRuleEdit ToEdit(IReadOnlyDictionary<string, AlertField> fields)
    {
        var conditions = new JsonArray(Clauses.Select(c =>
        {
            var o = new JsonObject { ["field"] = c.Field, ["op"] = c.Op };
            if (c.Per is not null) o["per"] = c.Per;
            if (c.Field2 is not null) o["field2"] = c.Field2;
            else o["value"] = Value(c.Value.Trim(), c.Per is not null ? "number" : fields.GetValueOrDefault(c.Field)?.Type);
            return (JsonNode)o;
        }).ToArray());
        return new AlertRuleEdit(Id, conditions.ToJsonString(AlertRuleGrammar.Json), ClearMargin, Confirm, Months.Count == 0 ? null : Months.Order().ToArray(),
            Severity, RaisesStatus, IsEnabled);
    }

    private static JsonNode? Value(string text, string? type) => type switch
    {
        "number" or "integer" when double.TryParse(text.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => JsonValue.Create(d),
        "boolean" when bool.TryParse(text, out var b) => JsonValue.Create(b),
        _ => JsonValue.Create(text),
    };

    private static string Text(JsonValue v) => v.GetValueKind() switch
    {
        System.Text.Json.JsonValueKind.Number => v.GetValue<double>().ToString(CultureInfo.InvariantCulture),
        System.Text.Json.JsonValueKind.True => "true",
        System.Text.Json.JsonValueKind.False => "false",
        _ => v.ToString(),
    };
}
