using IKomek.Dashboard.Localization;

namespace IKomek.Dashboard.Features.SystemicProblems;

internal static class SystemicProblemsTexts
{
    public static readonly Dictionary<string, Text> Entries = new()
    {
        ["problems.title"] = new("Системные проблемы", "Жүйелі мәселелер", "Systemic problems"),
        ["problems.identified"] = new("Выявлено", "Анықталды", "Identified"),
        ["problems.inWork"] = new("В работе", "Жұмыста", "In work"),
        ["problems.workedOut"] = new("Отработано", "Пысықталды", "Worked out"),
        ["problems.places"] = new("Повторяющихся мест за полгода", "Жарты жылда қайталанатын орындар", "Recurring places, half a year"),
        ["problems.recurring"] = new("Повторяющиеся адреса: один вид проблемы в разные недели",
            "Қайталанатын мекенжайлар: бір мәселе әр түрлі апталарда", "Recurring addresses: one kind of trouble in many weeks"),
        ["problems.recurringNote"] = new("Адреса, где обращения одного вида шли не менее 4 разных недель за последние 182 дня. Рейтинг с оценкой повторяемости, резонанса и критичности строит задание поиска системных проблем.",
            "Соңғы 182 күнде бір түрдегі өтініштер кемінде 4 түрлі аптада түскен мекенжайлар. Қайталану, резонанс және сыни бағалауы бар рейтингті жүйелі мәселелерді іздеу тапсырмасы құрады.",
            "Addresses where appeals of one kind came in at least 4 distinct weeks of the last 182 days. The ranked rating with recurrence, resonance and criticality comes from the mining job."),
        ["problems.byArea"] = new("Повторяющиеся места по сферам", "Салалар бойынша қайталанатын орындар", "Recurring places by area"),
        ["problems.weeks"] = new("Недель", "Апта", "Weeks"),
        ["problems.appeals"] = new("Обращений", "Өтініштер", "Appeals"),
        ["problems.citizens"] = new("Жителей", "Тұрғындар", "Residents"),
        ["problems.reopened"] = new("Возвратов", "Қайтарулар", "Reopened"),
        ["problems.last"] = new("Последнее", "Соңғы", "Latest"),
        ["problems.none"] = new("Повторяющихся адресов нет", "Қайталанатын мекенжайлар жоқ", "No recurring addresses"),
    };
}
