using IKomek.Dashboard.Platform.Localization;
namespace IKomek.Dashboard.Features.Appeals;

/// <summary>Texts of the appeal page and its actions.</summary>
[UiTexts]
internal static class AppealTexts
{
    public static readonly Dictionary<string, Text> Entries = new()
    {
        ["appeal.notFound"] = new("Обращение {0} не найдено", "{0} өтініші табылмады", "Appeal {0} was not found"),
        ["appeal.back"] = new("Все обращения", "Барлық өтініштер", "All appeals"),
        ["appeal.received"] = new("Поступило", "Түсті", "Received"),
        ["appeal.channel"] = new("Канал", "Арна", "Channel"),
        ["appeal.executor"] = new("Исполнитель", "Орындаушы", "Executor"),
        ["appeal.deadline"] = new("Срок ответа", "Жауап мерзімі", "Answer due"),
        ["appeal.slaUsed"] = new("использовано {0:P0} срока", "мерзімнің {0:P0} пайдаланылды", "{0:P0} of the time used"),
        ["appeal.slaWarning"] = new("Срок на исходе", "Мерзім таяп қалды", "Deadline near"),
        ["appeal.slaOverdue"] = new("Срок нарушен", "Мерзім бұзылды", "Overdue"),
        ["appeal.text"] = new("Текст обращения", "Өтініш мәтіні", "The citizen's words"),
        ["appeal.history"] = new("История", "Тарих", "History"),
        ["appeal.held"] = new("у исполнителя {0}", "орындаушыда {0}", "held {0}"),
        ["appeal.duplicates"] = new("Этот же инцидент: другие обращения", "Сол оқиға: басқа өтініштер", "Same incident: other reports"),
        ["appeal.noDuplicates"] = new("Других обращений об этом инциденте нет", "Бұл оқиға туралы басқа өтініштер жоқ", "No other reports of this incident"),
        ["appeal.firstReport"] = new("Повтор обращения {0}", "{0} өтінішінің қайталануы", "Repeats {0}"),
        ["appeal.position"] = new("Место на карте", "Картадағы орны", "Position"),
        ["appeal.noPosition"] = new("Координаты не указаны", "Координаттар көрсетілмеген", "No coordinates given"),
        ["appeal.forwards"] = new("Перенаправлений: {0}", "Қайта бағыттау: {0}", "Forwarded {0} times"),
        ["appeal.reopens"] = new("Возвратов на доработку: {0}", "Пысықтауға қайтару: {0}", "Returned for rework {0} times"),
        ["appeal.satisfaction"] = new("Оценка заявителя: {0} из 5", "Өтініш берушінің бағасы: 5-тен {0}", "Citizen's rating: {0} of 5"),
        ["appeal.firstContact"] = new("Решено при первом обращении", "Бірінші өтініште шешілді", "Resolved at first contact"),
        ["appeal.actions"] = new("Действия", "Әрекеттер", "Actions"),
        ["appeal.note"] = new("Комментарий", "Түсініктеме", "Note"),
        ["appeal.organisation"] = new("Организация", "Ұйым", "Organisation"),
        ["appeal.rating"] = new("Оценка", "Баға", "Rating"),
        ["appeal.noActions"] = new("Для этого статуса действий нет", "Бұл мәртебе үшін әрекет жоқ", "No actions for this status"),
        ["appeal.done"] = new("Сохранено", "Сақталды", "Saved"),
        ["appeal.doneAction"] = new("{0}: {1} — сохранено", "{0}: {1} — сақталды", "{0}: {1} — saved"),
        ["appeal.confirmTitle"] = new("Подтвердите действие", "Әрекетті растаңыз", "Confirm the action"),
        ["appeal.confirmClose"] = new("Закрыть обращение {0}? Закрытое обращение можно только вернуть на доработку.",
            "{0} өтінішін жабу керек пе? Жабылған өтінішті тек пысықтауға қайтаруға болады.",
            "Close appeal {0}? A closed appeal can only be returned for rework."),
        ["appeal.confirmReopen"] = new("Вернуть обращение {0} на доработку? Срок ответа начнётся заново.",
            "{0} өтінішін пысықтауға қайтару керек пе? Жауап мерзімі қайта басталады.",
            "Return appeal {0} for rework? The answer deadline starts again."),
        ["appeal.cancel"] = new("Отмена", "Болдырмау", "Cancel"),
        ["appeal.days"] = new("{0:N1} сут.", "{0:N1} тәул.", "{0:N1} d"),
        ["appeal.hours"] = new("{0:N1} ч", "{0:N1} сағ", "{0:N1} h"),
        ["appeal.minutes"] = new("{0:N0} мин", "{0:N0} мин", "{0:N0} min"),
        ["appeal.longitude"] = new("долгота", "бойлық", "longitude"),
        ["appeal.latitude"] = new("широта", "ендік", "latitude"),
        ["action.Assign"] = new("Назначить", "Тағайындау", "Assign"),
        ["action.Forward"] = new("Перенаправить", "Қайта бағыттау", "Forward"),
        ["action.StartWork"] = new("В работу", "Жұмысқа", "Start work"),
        ["action.WaitForCitizen"] = new("Ждать заявителя", "Өтініш берушіні күту", "Wait for the citizen"),
        ["action.Resolve"] = new("Решено", "Шешілді", "Resolve"),
        ["action.Close"] = new("Закрыть", "Жабу", "Close"),
        ["action.Reopen"] = new("Вернуть на доработку", "Пысықтауға қайтару", "Return for rework"),
    };
}
