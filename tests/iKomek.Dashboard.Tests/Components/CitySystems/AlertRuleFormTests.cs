using Bunit;
using IKomek.Dashboard.Features.CitySystems.Alerts;

namespace IKomek.Dashboard.Tests.Components.CitySystems;

/// <summary>The rule editor's form: a threshold typed as the city writes numbers, months, and bad input refused with
/// the error that names the clause and the field, before anything is stored.</summary>
public sealed class AlertRuleFormTests : MudContext
{
    private static readonly AlertRule Tilted = new()
    {
        Id = 4, SystemCode = "manholes", Code = "manholes.cover_tilted", NameRu = "Крышка люка наклонена более 15°", NameKk = "Люк", NameEn = "Tilted",
        Conditions = """[{"op": ">", "field": "tilt_deg", "value": 15}]""", ClearMargin = 3, Confirm = 2, Severity = "critical", IsEnabled = true,
    };

    private static readonly Dictionary<string, AlertField> Fields = new()
    {
        ["state"] = new("state", "choice", ["closed", "open"]),
        ["tilt_deg"] = new("tilt_deg", "number", null),
    };

    private IRenderedComponent<AlertRuleForm> Render(List<AlertRuleEdit> saved, IReadOnlyList<RuleError>? errors = null) =>
        Ctx.Render<AlertRuleForm>(p => p
            .Add(x => x.Rule, Tilted)
            .Add(x => x.Fields, Fields)
            .Add(x => x.Errors, errors)
            .Add(x => x.OnSave, (AlertRuleEdit e) => saved.Add(e)));

    [Fact]
    public async Task ThresholdTypedWithAComma_MonthsAndConfirm_AreHandedOnAsTheRule()
    {
        var saved = new List<AlertRuleEdit>();
        var cut = Render(saved);
        Assert.Equal("15", cut.Find("input[data-testid=rule-value-1]").GetAttribute("value"));

        await cut.InvokeAsync(() => cut.Find("input[data-testid=rule-value-1]").Input("12,5"));
        await cut.InvokeAsync(() => cut.Find("input[data-testid=rule-confirm]").Input("3"));
        await cut.InvokeAsync(() => cut.Find("[data-testid=rule-month-1]").Click());
        await cut.InvokeAsync(() => cut.Find("[data-testid=rule-month-12]").Click());
        await cut.InvokeAsync(() => cut.Find("button[data-testid=rule-save]").Click());

        var edit = Assert.Single(saved);
        Assert.Equal("""[{"field":"tilt_deg","op":">","value":12.5}]""", edit.Conditions);
        Assert.Equal((4, 3, 3.0, "critical", true), (edit.Id, edit.Confirm, edit.ClearMargin, edit.Severity, edit.IsEnabled));
        Assert.Equal([1, 12], edit.Months!);
        Assert.Empty(cut.FindAll("[data-testid=rule-errors]"));
    }

    [Fact]
    public async Task ThresholdThatIsNoNumber_IsRefusedNamingTheClauseAndField_AndNothingIsHandedOn()
    {
        var saved = new List<AlertRuleEdit>();
        var cut = Render(saved);

        await cut.InvokeAsync(() => cut.Find("input[data-testid=rule-value-1]").Input("пятнадцать"));
        await cut.InvokeAsync(() => cut.Find("input[data-testid=rule-confirm]").Input("0"));
        await cut.InvokeAsync(() => cut.Find("button[data-testid=rule-save]").Click());

        Assert.Empty(saved);
        var errors = cut.FindAll("[data-testid=rule-errors] li").Select(li => li.TextContent).ToList();
        Assert.Equal(["Подтверждение: от 1 до 100 проверок подряд", "Условие 1: значение \"пятнадцать\" не подходит полю «tilt_deg»"], errors);
    }

    [Fact]
    public void ErrorsOfTheStore_AreShown()
    {
        var cut = Render([], [new RuleError("alerts.err.unknownField", 1, "tilt")]);
        Assert.Equal("Условие 1: у системы нет поля «tilt»", cut.Find("[data-testid=rule-errors] li").TextContent);
    }
}
