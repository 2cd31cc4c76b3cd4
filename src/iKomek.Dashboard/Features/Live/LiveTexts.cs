using IKomek.Dashboard.Localization;

namespace IKomek.Dashboard.Features.Live;

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
        ["live.overdueByDept"] = new("Просрочки по управлениям", "Басқармалар бойынша мерзімі өткендер", "Overdue by department"),
        ["live.critical"] = new("Критические инциденты (24 ч)", "Сыни оқиғалар (24 сағ)", "Critical incidents (24 h)"),
        ["live.noCritical"] = new("Критических инцидентов за сутки нет", "Тәулікте сыни оқиғалар жоқ", "No critical incidents in 24 hours"),
        ["live.noAppealsToday"] = new("Сегодня обращений ещё нет", "Бүгін әлі өтініш жоқ", "No appeals yet today"),
        ["live.noOverdue"] = new("Просроченных обращений нет", "Мерзімі өткен өтініштер жоқ", "No overdue appeals"),
        ["live.feedOn"] = new("Данные обновляются сразу при поступлении обращений", "Деректер өтініш түскен сәтте жаңартылады", "Updates the moment appeals arrive"),
        ["live.feedOff"] = new("Нет связи с потоком изменений: данные могут быть устаревшими", "Өзгерістер ағынымен байланыс жоқ: деректер ескі болуы мүмкін", "Change feed lost: data may be stale"),
        ["live.appeals"] = new("обращений", "өтініш", "appeals"),
    };
}
