using IKomek.Dashboard.Platform.Localization;
namespace IKomek.Dashboard.Features.Appeals;

[UiTexts]
internal static class AppealsTexts
{
    public static readonly Dictionary<string, Text> Entries = new()
    {
        ["appeals.title"] = new("Обращения", "Өтініштер", "Appeals"),
        ["appeals.found"] = new("Найдено: {0:N0}", "Табылды: {0:N0}", "Found: {0:N0}"),
        ["appeals.foundMany"] = new("Найдено: более {0:N0}", "Табылды: {0:N0}-нан астам", "Found: more than {0:N0}"),
        ["appeals.counting"] = new("Считаем…", "Санап жатырмыз…", "Counting…"),
        ["appeals.byRelevance"] = new("сначала самые подходящие", "алдымен ең сәйкестері", "best matches first"),
        ["appeals.period"] = new("Период", "Кезең", "Period"),
        ["appeals.period.today"] = new("Сегодня", "Бүгін", "Today"),
        ["appeals.period.month"] = new("Этот месяц", "Осы ай", "This month"),
        ["appeals.period.7"] = new("7 дней", "7 күн", "7 days"),
        ["appeals.period.30"] = new("30 дней", "30 күн", "30 days"),
        ["appeals.period.90"] = new("90 дней", "90 күн", "90 days"),
        ["appeals.period.365"] = new("Год", "Жыл", "Year"),
        ["appeals.period.all"] = new("Всё время", "Барлық уақыт", "All time"),
        ["appeals.channel"] = new("Канал", "Арна", "Channel"),
        ["appeals.searchHint"] = new("Номер или слова текста и адреса", "Нөмір немесе мәтін мен мекенжай сөздері", "Number, or words of the text and address"),
        ["appeals.reg"] = new("Номер", "Нөмір", "Number"),
        ["appeals.created"] = new("Поступило", "Түсті", "Received"),
        ["appeals.serviceType"] = new("Вид услуги", "Қызмет түрі", "Service type"),
        ["appeals.address"] = new("Адрес", "Мекенжай", "Address"),
        ["appeals.text"] = new("Текст", "Мәтін", "Text"),
        ["appeals.due"] = new("срок", "мерзімі", "due"),
        ["appeals.overdue"] = new("просрочено, срок", "мерзімі өтті:", "overdue since"),
        ["appeals.dueSoon"] = new("срок на исходе:", "мерзім таяп қалды:", "due soon:"),
        ["appeals.statusDue"] = new("Статус и срок", "Мәртебе мен мерзім", "Status and due date"),
        ["appeals.none"] = new("По этим условиям обращений нет", "Бұл шарттар бойынша өтініштер жоқ", "No appeals match these filters"),
        ["appeals.repeats"] = new("Повторы", "Қайталаулар", "Repeats"),
        ["appeals.firstReports"] = new("Только первые сообщения", "Тек алғашқы хабарлар", "First reports only"),
        ["appeals.repeatReports"] = new("Только повторы инцидентов", "Тек оқиға қайталаулары", "Repeat reports only"),
        ["appeals.overdueOnly"] = new("Только просроченные", "Тек мерзімі өткендер", "Overdue only"),
        ["appeals.export"] = new("Выгрузить в CSV", "CSV-ге түсіру", "Export to CSV"),
        ["appeals.exportXlsx"] = new("Выгрузить в Excel", "Excel-ге түсіру", "Export to Excel"),
        ["appeals.mine"] = new("Мои направления", "Менің бағыттарым", "My areas"),
        ["appeals.mineHint"] = new("Только сферы, которые курируют ваши управления", "Тек сіздің басқармаларыңыз жетекшілік ететін салалар",
            "Only the areas your departments handle"),
        ["appeals.reset"] = new("Сбросить", "Тазарту", "Reset"),
        ["appeals.statusOpen"] = new("Все незакрытые", "Барлық ашық", "All open"),
        ["appeals.critical"] = new("Критические", "Сыни", "Critical"),
        ["appeals.criticalOnly"] = new("Только критические", "Тек сыни", "Critical only"),
        ["appeals.pager"] = new("{0:N0}–{1:N0} из {2:N0}", "{0:N0}–{1:N0}, барлығы {2:N0}", "{0:N0}–{1:N0} of {2:N0}"),
        ["appeals.pagerMany"] = new("{0:N0}–{1:N0} из более {2:N0}", "{0:N0}–{1:N0}, {2:N0}-нан астам", "{0:N0}–{1:N0} of more than {2:N0}"),
        ["appeals.pagerCounting"] = new("{0:N0}–{1:N0}, считаем…", "{0:N0}–{1:N0}, санап жатырмыз…", "{0:N0}–{1:N0}, counting…"),
        ["appeals.pages"] = new("Страницы", "Беттер", "Pages"),
        ["appeals.sortBy"] = new("Сортировать", "Сұрыптау", "Sort"),
    };
}
