using System.Text.Json.Nodes;

namespace IKomek.Dashboard.Features.CitySystems.Alerts;

/// <summary>A rule as stored (city_alert_rules); <see cref="Conditions"/> is its JSON array of clauses.</summary>
public sealed record AlertRule
{
    public int Id { get; init; }
    public string SystemCode { get; init; } = "";
    public string Code { get; init; } = "";
    public string NameRu { get; init; } = "";
    public string NameKk { get; init; } = "";
    public string NameEn { get; init; } = "";
    public string Conditions { get; init; } = "[]";
    public double ClearMargin { get; init; }
    public int Confirm { get; init; }
    /// <summary>The months it applies in (1..12, Astana time); null: all year.</summary>
    public short[]? Months { get; init; }
    public string Severity { get; init; } = "critical";
    public bool RaisesStatus { get; init; }
    public bool IsEnabled { get; init; }
    public DateTime UpdatedAt { get; init; }
    public string UpdatedBy { get; init; } = "";

    public string Name(string language) => language switch { "kk" => NameKk, "en" => NameEn, _ => NameRu };
}

/// <summary>A field of a system's schema, as far as the rules need it (city_system_fields).</summary>
public sealed record AlertField(string Name, string Type, string[]? Choices);

/// <summary>One error of a rule: a text key (AlertsTexts) and what it names, shown in the editor's language.</summary>
public sealed record RuleError(string Key, params object[] Args);

/// <summary>
/// The grammar of a rule's conditions (Features/CitySystems/README.md, "Alert rules"), checked against its system's
/// fields before a rule is stored: the evaluator in SQL treats what does not fit as "does not hold", silently; an
/// administrator must hear why instead.
/// </summary>
public static class AlertRuleGrammar
{
    public static readonly string[] Ops = ["<", "<=", ">", ">=", "=", "!="];

    /// <summary>Conditions written as read: operators and Cyrillic values unescaped (stored as jsonb either way).</summary>
    public static readonly System.Text.Json.JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly string[] Ordered = ["number", "integer", "date", "text"];

    public static IReadOnlyList<RuleError> Validate(string conditions, IReadOnlyDictionary<string, AlertField> fields,
        double clearMargin, int confirm, IReadOnlyCollection<short>? months, string severity)
    {
        var errors = new List<RuleError>();
        if (clearMargin is < 0 or double.NaN or double.PositiveInfinity) errors.Add(new("alerts.err.margin"));
        if (confirm is < 1 or > 100) errors.Add(new("alerts.err.confirm"));
        if (months is not null && (months.Count == 0 || months.Any(m => m is < 1 or > 12))) errors.Add(new("alerts.err.months"));
        if (severity is not ("critical" or "warning")) errors.Add(new("alerts.err.severity"));

        JsonNode? root;
        try { root = JsonNode.Parse(conditions); }
        catch (System.Text.Json.JsonException) { errors.Add(new("alerts.err.json")); return errors; }
        if (root is not JsonArray clauses || clauses.Count == 0) { errors.Add(new("alerts.err.notArray")); return errors; }

        for (var i = 0; i < clauses.Count; i++)
        {
            var n = i + 1;
            if (clauses[i] is not JsonObject clause) { errors.Add(new("alerts.err.clause", n)); continue; }
            foreach (var key in clause.Select(p => p.Key).Where(k => k is not ("field" or "op" or "value" or "field2" or "per")))
                errors.Add(new("alerts.err.key", n, key));

            var field = Field(clause, "field", n, fields, errors);
            var op = clause["op"] is JsonValue o && o.TryGetValue<string>(out var s) ? s : null;
            if (op is null || !Ops.Contains(op)) errors.Add(new("alerts.err.op", n, op ?? ""));

            var per = clause.ContainsKey("per") ? Field(clause, "per", n, fields, errors) : null;
            if (per is not null && (!IsNumeric(per) || field is not null && !IsNumeric(field)))
                errors.Add(new("alerts.err.per", n));
            // Divided, the left side is a number whatever the field's own type.
            var leftType = per is not null ? "number" : field?.Type;

            var hasValue = clause.ContainsKey("value");
            if (hasValue == clause.ContainsKey("field2")) { errors.Add(new("alerts.err.valueOrField2", n)); continue; }
            if (leftType is null) continue;

            string? rightType;
            if (hasValue)
            {
                rightType = ValueType(clause["value"], field!, per is not null, n, errors);
            }
            else
            {
                var other = Field(clause, "field2", n, fields, errors);
                rightType = other?.Type;
                if (other is not null && Family(other.Type) != Family(leftType)) errors.Add(new("alerts.err.field2Type", n, other.Name, field!.Name));
            }
            if (op is not null && Ops.Contains(op) && rightType is not null && op is not ("=" or "!=") && !Ordered.Contains(leftType))
                errors.Add(new("alerts.err.opType", n, op, field!.Name));
        }
        return errors;
    }

    private static AlertField? Field(JsonObject clause, string key, int n, IReadOnlyDictionary<string, AlertField> fields, List<RuleError> errors)
    {
        var name = clause[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        if (name is null) { errors.Add(new("alerts.err.fieldMissing", n, key)); return null; }
        if (!fields.TryGetValue(name, out var field)) { errors.Add(new("alerts.err.unknownField", n, name)); return null; }
        return field;
    }

    /// <summary>The value's type against the field's, or null (an error added) when it cannot be compared with it.</summary>
    private static string? ValueType(JsonNode? value, AlertField field, bool divided, int n, List<RuleError> errors)
    {
        var type = divided ? "number" : field.Type;
        var ok = value is JsonValue v && type switch
        {
            "number" or "integer" => v.TryGetValue<double>(out _),
            "boolean" => v.TryGetValue<bool>(out _),
            "date" => v.TryGetValue<string>(out var d) && (d == "today" || DateOnly.TryParseExact(d, "yyyy-MM-dd", out _)),
            "choice" => v.TryGetValue<string>(out var c) && field.Choices!.Contains(c),
            _ => v.TryGetValue<string>(out _),
        };
        if (ok) return type;
        errors.Add(type == "choice"
            ? new RuleError("alerts.err.choice", n, value?.ToJsonString(Json) ?? "null", field.Name, string.Join(", ", field.Choices!))
            : new RuleError("alerts.err.valueType", n, value?.ToJsonString(Json) ?? "null", field.Name));
        return null;
    }

    private static bool IsNumeric(AlertField f) => f.Type is "number" or "integer";

    private static string Family(string type) => type is "number" or "integer" ? "number" : type is "choice" or "text" ? "text" : type;
}
