using IKomek.Dashboard.Platform.Localization;

namespace IKomek.Dashboard.Features.Projects.OpenData;

[UiTexts]
internal static class OpenDataTexts
{
    public static readonly Dictionary<string, Text> Entries = new()
    {
        ["opendata.portal"] = new("Открытые данные", "Ашық деректер", "Open data"),
        ["opendata.title"] = new("Инфраструктурные проекты Астаны", "Астананың инфрақұрылымдық жобалары", "Astana's infrastructure projects"),
        ["opendata.intro"] = new(
            "Проекты, которые акимат публикует: куратор, руководитель, сроки, объём, результаты и ход исполнения. Данные можно скачать в CSV и JSON.",
            "Әкімдік жариялайтын жобалар: жетекші, басшы, мерзімдер, көлем, нәтижелер және орындалу барысы. Деректерді CSV және JSON түрінде жүктеуге болады.",
            "The projects the akimat publishes: supervisor, head, dates, scope, results and progress. The data can be downloaded as CSV and JSON."),
        ["opendata.count"] = new("Проектов", "Жобалар", "Projects"),
        ["opendata.completed"] = new("Завершено", "Аяқталды", "Completed"),
        ["opendata.budget"] = new("Плановый бюджет, млрд ₸", "Жоспарлы бюджет, млрд ₸", "Planned budget, bn ₸"),
        ["opendata.avgProgress"] = new("Среднее исполнение", "Орташа орындалуы", "Average progress"),
        ["opendata.group"] = new("Направление", "Бағыт", "Group"),
        ["opendata.district"] = new("Район", "Аудан", "District"),
        ["opendata.all"] = new("Все", "Барлығы", "All"),
        ["opendata.download"] = new("Скачать:", "Жүктеу:", "Download:"),
        ["opendata.none"] = new("По этим условиям опубликованных проектов нет", "Осы шарттар бойынша жарияланған жобалар жоқ", "No published projects match"),
        ["opendata.progress"] = new("Исполнение", "Орындалуы", "Progress"),
        ["opendata.deputy"] = new("Куратор", "Жетекші", "Supervisor"),
        ["opendata.deputyHint"] = new("Курирующий заместитель акима", "Жетекші әкім орынбасары", "Supervising deputy akim"),
        ["opendata.head"] = new("Руководитель", "Басшы", "Head"),
        ["opendata.dates"] = new("Сроки", "Мерзімдері", "Dates"),
        ["opendata.forecast"] = new("прогноз {0:dd.MM.yyyy}", "болжам {0:dd.MM.yyyy}", "forecast {0:dd.MM.yyyy}"),
        ["opendata.budgetPlanned"] = new("Бюджет", "Бюджет", "Budget"),
        ["opendata.mln"] = new("{0:N0} млн ₸", "{0:N0} млн ₸", "{0:N0} m ₸"),
        ["opendata.scope"] = new("Объём", "Көлемі", "Scope"),
        ["opendata.storeys"] = new("{0} эт.", "{0} қабат", "{0} storeys"),
        ["opendata.area"] = new("{0:N2} га", "{0:N2} га", "{0:N2} ha"),
        ["opendata.results"] = new("Результаты", "Нәтижелер", "Results"),
        ["opendata.result.direct"] = new("Прямой:", "Тікелей:", "Direct:"),
        ["opendata.result.final"] = new("Конечный:", "Түпкілікті:", "Final:"),
        ["opendata.unit.places"] = new("мест", "орын", "places"),
        ["opendata.unit.beds"] = new("коек", "төсек", "beds"),
        ["opendata.unit.visits_per_shift"] = new("посещений в смену", "ауысымына келу", "visits per shift"),
        ["opendata.unit.km"] = new("км", "км", "km"),
        ["opendata.unit.gcal_h"] = new("Гкал/ч", "Гкал/сағ", "Gcal/h"),
        ["opendata.unit.m3_day"] = new("м³/сут", "м³/тәул", "m³/day"),
        ["opendata.unit.mva"] = new("МВА", "МВА", "MVA"),
        ["opendata.unit.m2"] = new("м²", "м²", "m²"),
        ["opendata.unit.flats"] = new("квартир", "пәтер", "flats"),
        ["opendata.unit.ha"] = new("га", "га", "ha"),
        ["opendata.unit.units"] = new("ед.", "бірлік", "units"),
        ["opendata.error.group"] = new("Направления «{0}» нет: roads, construction, engineering, improvement или social.",
            "«{0}» бағыты жоқ: roads, construction, engineering, improvement немесе social.",
            "There is no group '{0}': roads, construction, engineering, improvement or social."),
        ["opendata.error.district"] = new("Района с кодом «{0}» нет.", "«{0}» кодты аудан жоқ.", "There is no district with code '{0}'."),
    };
}
