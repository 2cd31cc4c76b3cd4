using IKomek.Dashboard.Platform.Localization;

namespace IKomek.Dashboard.Features.Kpis;

/// <summary>Texts of the KPI model's page: the tree, the rankings, the trend with its forecast, the values behind.</summary>
[UiTexts]
internal static class KpiModelTexts
{
    public static readonly Dictionary<string, Text> Entries = new()
    {
        ["kpi.city"] = new("Исполнение города", "Қаланың орындалуы", "City execution"),
        ["kpi.cityHint"] = new("среднее по управлениям за {0}", "{0} басқармалар бойынша орташа", "mean of departments, {0}"),
        ["kpi.green"] = new("В норме (≥ 100 %)", "Қалыпты (≥ 100 %)", "On target (≥ 100 %)"),
        ["kpi.amber"] = new("Близко (90–100 %)", "Жақын (90–100 %)", "Close (90–100 %)"),
        ["kpi.red"] = new("Отстают (< 90 %)", "Артта (< 90 %)", "Behind (< 90 %)"),
        ["kpi.missing"] = new("Нет данных", "Дерек жоқ", "No data"),
        ["kpi.department"] = new("Управление", "Басқарма", "Department"),
        ["kpi.allDepartments"] = new("Все управления", "Барлық басқармалар", "All departments"),
        ["kpi.tree"] = new("Исполнение по управлениям", "Басқармалар бойынша орындалу", "Execution by department"),
        ["kpi.treeCount"] = new("{0} показ., нет данных: {1}", "{0} көрс., дерек жоқ: {1}", "{0} KPIs, no data: {1}"),
        ["kpi.expand"] = new("Показать показатели: {0}", "Көрсеткіштерді көрсету: {0}", "Show the KPIs of {0}"),
        ["kpi.worst"] = new("Пять худших", "Ең нашар бесеу", "Five worst"),
        ["kpi.best"] = new("Пять лучших", "Ең үздік бесеу", "Five best"),
        ["kpi.higher"] = new("больше — лучше", "көп болса — жақсы", "higher is better"),
        ["kpi.lower"] = new("меньше — лучше", "аз болса — жақсы", "lower is better"),
        ["kpi.weight"] = new("вес {0}", "салмағы {0}", "weight {0}"),
        ["kpi.period.month"] = new("месяц", "ай", "month"),
        ["kpi.period.quarter"] = new("квартал", "тоқсан", "quarter"),
        ["kpi.period.year"] = new("год", "жыл", "year"),
        ["kpi.source.manual"] = new("вносится управлением", "басқарма енгізеді", "entered by the department"),
        ["kpi.source.import"] = new("импорт", "импорт", "imported"),
        ["kpi.source.computed"] = new("считается по данным города", "қала деректерінен есептеледі", "computed from the city's data"),
        ["kpi.historical"] = new("цель — среднее прошлых лет", "мақсат — өткен жылдардың орташасы", "target: mean of past years"),
        ["kpi.trend"] = new("Динамика: {0}", "Динамика: {0}", "Trend: {0}"),
        ["kpi.pick"] = new("Выберите показатель", "Көрсеткішті таңдаңыз", "Pick an indicator"),
        ["kpi.target"] = new("План", "Жоспар", "Target"),
        ["kpi.actual"] = new("Факт", "Нақты", "Actual"),
        ["kpi.forecast"] = new("Прогноз", "Болжам", "Forecast"),
        ["kpi.band"] = new("Диапазон прогноза", "Болжам ауқымы", "Forecast band"),
        ["kpi.yearEnd"] = new("Прогноз на конец {0} г.: {1}", "{0} ж. соңына болжам: {1}", "Forecast for the end of {0}: {1}"),
        ["kpi.noForecast"] = new("Недостаточно данных для прогноза", "Болжам үшін дерек жеткіліксіз", "Not enough data for a forecast"),
        ["kpi.values"] = new("Значения", "Мәндер", "Values"),
        ["kpi.periodCol"] = new("Период", "Кезең", "Period"),
        ["kpi.score"] = new("Исполнение", "Орындалу", "Execution"),
        ["kpi.reported"] = new("{0} из {1} мес.", "{1} айдың {0}", "{0} of {1} months"),
        ["kpi.enteredBy"] = new("Внесено", "Енгізілді", "Entered"),
        ["kpi.appeals"] = new("Обращения за этим показателем", "Осы көрсеткіштің өтініштері", "The appeals behind this KPI"),
        ["kpi.appealsOverdue"] = new("Просроченные обращения управления", "Басқарманың мерзімі өткен өтініштері", "The department's overdue appeals"),
        ["kpi.asOf"] = new("на {0}", "{0} бойынша", "as of {0}"),
        ["kpi.rag"] = new("Зелёный — от 100 %, жёлтый — от 90 %, красный — ниже 90 %; исполнение ограничено 125 %.",
            "Жасыл — 100 %-дан, сары — 90 %-дан, қызыл — 90 %-дан төмен; орындалу 125 %-бен шектелген.",
            "Green from 100 %, amber from 90 %, red below 90 %; execution is capped at 125 %."),
        ["kpi.quarterName"] = new("{0} кв. {1}", "{1}, {0}-тоқсан", "Q{0} {1}"),
        ["kpi.job.recount"] = new("Пересчёт вычисляемых KPI", "Есептелетін KPI қайта есептеу", "Recount of the computed KPIs"),
        ["kpi.job.result"] = new("обновлено значений: {0:N0}", "жаңартылған мәндер: {0:N0}", "values updated: {0:N0}"),
        ["kpi.noKpis"] = new("Показателей нет", "Көрсеткіштер жоқ", "No indicators"),
    };
}
