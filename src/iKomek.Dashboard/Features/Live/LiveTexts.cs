using IKomek.Dashboard.Localization;

namespace IKomek.Dashboard.Features.Live;

[UiTexts]
internal static class LiveTexts
{
    public static readonly Dictionary<string, Text> Entries = new()
    {
        ["live.title"] = new("Живая панель города", "Қаланың тікелей панелі", "Live city panel"),
        ["live.today"] = new("Обращений сегодня", "Бүгінгі өтініштер", "Appeals today"),
        ["live.typical"] = new("обычно к этому часу {0:N0}", "әдетте осы сағатқа {0:N0}", "typically {0:N0} by now"),
        ["live.fcrToday"] = new("Решено при первом обращении, сегодня", "Бірінші өтініште шешілді, бүгін", "Resolved at first contact, today"),
        ["live.fcrMonth"] = new("Решено при первом обращении, месяц", "Бірінші өтініште шешілді, ай", "Resolved at first contact, month"),
        ["live.target90"] = new("цель ≥ 90 %", "мақсат ≥ 90 %", "target ≥ 90 %"),
        ["live.open"] = new("В работе сейчас", "Қазір жұмыста", "Open now"),
        ["live.overdue"] = new("Просрочено сейчас", "Қазір мерзімі өткен", "Overdue now"),
        ["live.overdueShare"] = new("{0:P1} от открытых", "ашықтардың {0:P1}", "{0:P1} of open"),
        ["live.hourly"] = new("По часам: сегодня и обычный день", "Сағат бойынша: бүгін және әдеттегі күн", "By hour: today vs a typical day"),
        ["live.hourlyToday"] = new("Сегодня", "Бүгін", "Today"),
        ["live.hourlyTypical"] = new("Обычно (4 таких же дня недели)", "Әдетте (апта күнінің 4 күні)", "Typical (last 4 same weekdays)"),
        ["live.byChannel"] = new("Каналы сегодня", "Бүгінгі арналар", "Channels today"),
        ["live.byDistrict"] = new("Районы сегодня", "Бүгінгі аудандар", "Districts today"),
        ["live.topAreas"] = new("Главные сферы сегодня", "Бүгінгі негізгі салалар", "Top areas today"),
        ["live.topTypes"] = new("Главные темы", "Негізгі тақырыптар", "Top topics"),
        ["live.overdueByDept"] = new("Просрочки по управлениям", "Басқармалар бойынша мерзімі өткендер", "Overdue by department"),
        ["live.critical"] = new("Критические инциденты (24 ч)", "Сыни оқиғалар (24 сағ)", "Critical incidents (24 h)"),
        ["live.noCritical"] = new("Критических инцидентов за сутки нет", "Тәулікте сыни оқиғалар жоқ", "No critical incidents in 24 hours"),
        ["live.noAppealsToday"] = new("Сегодня обращений ещё нет", "Бүгін әлі өтініш жоқ", "No appeals yet today"),
        ["live.noOverdue"] = new("Просроченных обращений нет", "Мерзімі өткен өтініштер жоқ", "No overdue appeals"),
        ["live.feedOn"] = new("Данные обновляются сразу при поступлении обращений", "Деректер өтініш түскен сәтте жаңартылады", "Updates the moment appeals arrive"),
        ["live.feedOff"] = new("Нет связи с потоком изменений: данные могут быть устаревшими", "Өзгерістер ағынымен байланыс жоқ: деректер ескі болуы мүмкін", "Change feed lost: data may be stale"),
        ["live.level"] = new("Уровень обстановки", "Жағдай деңгейі", "City status"),
        ["live.level.1"] = new("штатная", "қалыпты", "normal"),
        ["live.level.2"] = new("повышенное внимание", "жоғары назар", "heightened attention"),
        ["live.level.3"] = new("осложнённая", "күрделенген", "strained"),
        ["live.level.4"] = new("угроза ЧС", "ТЖ қаупі", "emergency threat"),
        ["live.level.5"] = new("чрезвычайная ситуация", "төтенше жағдай", "emergency"),
        ["live.levelIncidents"] = new("{0:N0} крит. инцидентов в работе", "жұмыста {0:N0} сыни оқиға", "{0:N0} critical incidents open"),
        ["live.levelRule"] = new("Правило: критические инциденты в работе (повторы одного инцидента не считаются): до {0} — 1, от {0} — 2, от {1} — 3, от {2} — 4, от {3} — 5.",
            "Ереже: жұмыстағы сыни оқиғалар (бір оқиғаның қайталануы есептелмейді): {0}-ге дейін — 1, {0}-ден — 2, {1}-ден — 3, {2}-ден — 4, {3}-тен — 5.",
            "Rule: critical incidents in progress (repeat reports of one incident count once): below {0} — 1, from {0} — 2, from {1} — 3, from {2} — 4, from {3} — 5."),
        ["live.answerDays"] = new("Срок ответа за месяц, раб. дней", "Айдағы жауап мерзімі, жұмыс күні", "Answer time this month, working days"),
        ["live.target7"] = new("цель ≤ 7 рабочих дней", "мақсат ≤ 7 жұмыс күні", "target ≤ 7 working days"),
        ["live.wall"] = new("Режим стены", "Қабырға режимі", "Wall mode"),
        ["live.wallExit"] = new("Выйти из режима стены", "Қабырға режимінен шығу", "Leave wall mode"),
        ["live.appeals"] = new("обращений", "өтініш", "appeals"),
        ["live.sampleOf"] = new("из {0:N0} обращ.", "{0:N0} өтініштен", "of {0:N0} appeals"),
        ["live.sampleSmall"] = new("всего {0:N0} обращ. — мало для вывода", "барлығы {0:N0} өтініш — қорытындыға аз", "only {0:N0} appeals — too few to judge"),
        ["live.answeredOf"] = new("{0:N0} ответов за месяц", "айда {0:N0} жауап", "{0:N0} answers this month"),
        ["live.drill"] = new("Открыть обращения за этим числом", "Осы санның артындағы өтініштерді ашу", "Open the appeals behind this number"),
        ["live.reports"] = new("{0:N0} сообщений об одном инциденте", "бір оқиға туралы {0:N0} хабар", "{0:N0} reports of one incident"),
        ["live.moreIncidents"] = new("ещё {0:N0} →", "тағы {0:N0} →", "{0:N0} more →"),
        ["live.allCritical"] = new("Все критические за сегодня →", "Бүгінгі барлық сыни →", "All critical today →"),
    };
}
