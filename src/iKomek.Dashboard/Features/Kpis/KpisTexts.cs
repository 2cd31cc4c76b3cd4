using IKomek.Dashboard.Platform.Localization;
namespace IKomek.Dashboard.Features.Kpis;

[UiTexts]
internal static class KpisTexts
{
    public static readonly Dictionary<string, Text> Entries = new()
    {
        ["kpis.title"] = new("KPI акимата", "Әкімдіктің KPI", "The akimat's KPIs"),
        ["kpis.count"] = new("Показателей", "Көрсеткіштер", "Indicators"),
        ["kpis.met"] = new("Выполнены в последнем месяце", "Соңғы айда орындалды", "Met last month"),
        ["kpis.lagging"] = new("Отстают (< 90 %)", "Артта қалуда (< 90 %)", "Lagging (< 90 %)"),
        ["kpis.avg"] = new("Среднее исполнение за 12 мес.", "12 айдағы орташа орындалу", "Mean execution, 12 months"),
        ["kpis.list"] = new("Показатели (худшие сверху)", "Көрсеткіштер (нашарлары жоғарыда)", "Indicators (worst first)"),
        ["kpis.name"] = new("Показатель", "Көрсеткіш", "Indicator"),
        ["kpis.month"] = new("Месяц", "Ай", "Month"),
        ["kpis.target"] = new("План", "Жоспар", "Target"),
        ["kpis.actual"] = new("Факт", "Нақты", "Actual"),
        ["kpis.execution"] = new("Исполнение", "Орындалу", "Execution"),
        ["kpis.year"] = new("За 12 мес.", "12 айда", "12 months"),
        ["kpis.history"] = new("Динамика: {0}", "Динамика: {0}", "Trend: {0}"),
        ["kpis.unit.count"] = new("количество", "саны", "number"),
        ["kpis.unit.days"] = new("дни", "күн", "days"),
        ["kpis.unit.hours"] = new("часы", "сағат", "hours"),
        ["kpis.unit.minutes"] = new("минуты", "минут", "minutes"),
        ["kpis.unit.percent"] = new("проценты", "пайыз", "per cent"),
        ["kpis.unit.tenge"] = new("тенге", "теңге", "tenge"),
        ["kpis.unit.people"] = new("человек", "адам", "people"),
        ["kpis.pick"] = new("Выберите показатель в таблице", "Кестеден көрсеткішті таңдаңыз", "Pick an indicator in the table"),
    };
}
