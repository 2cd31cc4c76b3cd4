using IKomek.Dashboard.Platform.Localization;

namespace IKomek.Dashboard.Features.Digests;

[UiTexts]
internal static class DigestsTexts
{
    public static readonly Dictionary<string, Text> Entries = new()
    {
        // The digests themselves (the e-mail and its workbook).
        ["digests.kind.daily"] = new("Утренний дайджест", "Таңғы дайджест", "Morning digest"),
        ["digests.kind.weekly"] = new("Недельный отчёт", "Апталық есеп", "Weekly report"),
        ["digests.kind.monthly"] = new("Месячный отчёт", "Айлық есеп", "Monthly report"),
        ["digests.subject"] = new("iKomek 109 · {0} · {1} · {2}", "iKomek 109 · {0} · {1} · {2}", "iKomek 109 · {0} · {1} · {2}"),
        ["digests.scope.city"] = new("Город Астана", "Астана қаласы", "Astana city"),
        ["digests.scope.deputy"] = new("Курируемые управления и сферы", "Жетекшілік ететін басқармалар мен салалар", "Supervised departments and areas"),
        ["digests.period"] = new("Период", "Кезең", "Period"),
        ["digests.previous"] = new("Предыдущий период", "Алдыңғы кезең", "Previous period"),
        ["digests.change"] = new("Изменение", "Өзгеріс", "Change"),
        ["digests.indicator"] = new("Показатель", "Көрсеткіш", "Indicator"),
        ["digests.received"] = new("Поступило обращений", "Түскен өтініштер", "Appeals received"),
        ["digests.resolved"] = new("Решено", "Шешілді", "Resolved"),
        ["digests.onTime"] = new("Решено в срок", "Мерзімінде шешілді", "Resolved on time"),
        ["digests.firstContact"] = new("Решено при первом обращении", "Бірінші өтініште шешілді", "Resolved at the first contact"),
        ["digests.critical"] = new("Критические обращения", "Шұғыл өтініштер", "Critical appeals"),
        ["digests.overdueNow"] = new("Просрочено сейчас", "Қазір мерзімі өткен", "Overdue now"),
        ["digests.section.critical"] = new("Критические инциденты", "Шұғыл оқиғалар", "Critical incidents"),
        ["digests.section.alerts"] = new("Критические сигналы городских систем", "Қалалық жүйелердің шұғыл белгілері", "Critical alerts of the city systems"),
        ["digests.section.emerging"] = new("Возникающие системные проблемы", "Пайда болып жатқан жүйелік мәселелер", "Systemic problems emerging"),
        ["digests.section.top"] = new("Главные проблемы периода", "Кезеңнің басты мәселелері", "Top problems of the period"),
        ["digests.section.departments"] = new("Управления и рейтинг руководителей", "Басқармалар және басшылар рейтингі", "Departments and the managers' rating"),
        ["digests.points"] = new("п.п.", "п.т.", "pp"),
        ["digests.none"] = new("Нет", "Жоқ", "None"),
        ["digests.regNumber"] = new("Номер", "Нөмір", "Number"),
        ["digests.time"] = new("Время", "Уақыт", "Time"),
        ["digests.serviceType"] = new("Вид услуги", "Қызмет түрі", "Service type"),
        ["digests.address"] = new("Адрес (дом)", "Мекенжай (үй)", "Address (building)"),
        ["digests.reports"] = new("Сообщений", "Хабарлар", "Reports"),
        ["digests.system"] = new("Система", "Жүйе", "System"),
        ["digests.alert"] = new("Сигнал", "Белгі", "Alert"),
        ["digests.problem"] = new("Проблема", "Мәселе", "Problem"),
        ["digests.score"] = new("Балл", "Балл", "Score"),
        ["digests.inPeriod"] = new("Обращений за период", "Кезеңдегі өтініштер", "Appeals in the period"),
        ["digests.inPrevious"] = new("За предыдущий", "Алдыңғы кезеңде", "In the previous one"),
        ["digests.overdue"] = new("Просрочено", "Мерзімі өткен", "Overdue"),
        ["digests.rating"] = new("Рейтинг, %", "Рейтинг, %", "Rating, %"),
        ["digests.ratingBefore"] = new("Месяцем ранее, %", "Бір ай бұрын, %", "A month before, %"),
        ["digests.rank"] = new("Место", "Орын", "Rank"),
        ["digests.notRated"] = new("не оценён", "бағаланбаған", "not rated"),
        ["digests.emerging"] = new("возникает", "пайда болуда", "emerging"),
        ["digests.openPanel"] = new("Открыть панель", "Панельді ашу", "Open the panel"),
        ["digests.footer"] = new(
            "Составлено {0} по времени Астаны. Личных данных жителей в письме нет. Подписки: {1}",
            "Астана уақытымен {0} құрастырылды. Хатта тұрғындардың жеке деректері жоқ. Жазылымдар: {1}",
            "Made {0} Astana time. The e-mail holds no residents' personal data. Subscriptions: {1}"),
        ["digests.attachment"] = new("Таблицы — во вложении (Excel).", "Кестелер — тіркемеде (Excel).", "The tables are attached (Excel)."),
        ["digests.sheet.summary"] = new("Сводка", "Жиынтық", "Summary"),
        ["digests.sheet.critical"] = new("Инциденты", "Оқиғалар", "Incidents"),
        ["digests.sheet.alerts"] = new("Сигналы систем", "Жүйе белгілері", "System alerts"),
        ["digests.sheet.emerging"] = new("Возникающие проблемы", "Пайда болатын мәселелер", "Emerging problems"),
        ["digests.sheet.top"] = new("Главные проблемы", "Басты мәселелер", "Top problems"),
        ["digests.sheet.departments"] = new("Управления", "Басқармалар", "Departments"),

        // The person's page.
        ["digests.page.title"] = new("Мои дайджесты", "Менің дайджесттерім", "My digests"),
        ["digests.page.intro"] = new(
            "Сводки по электронной почте в 08:00 по времени Астаны, с таблицами в Excel. Содержание — по вашей роли: руководитель управления получает своё управление, заместитель акима — курируемые, остальные — город.",
            "Астана уақытымен 08:00-де электрондық поштамен жиынтықтар, Excel кестелерімен. Мазмұны рөліңізге сай: басқарма басшысы — өз басқармасын, әкім орынбасары — жетекшілік ететіндерін, қалғандары — қаланы.",
            "Summaries by e-mail at 08:00 Astana time, with the tables in Excel. What they hold follows your role: a department head gets the own department, a deputy akim the supervised ones, everyone else the city."),
        ["digests.page.daily"] = new("Утренний дайджест — каждый день за вчера", "Таңғы дайджест — күн сайын кешегі күн үшін", "Morning digest: every day, for yesterday"),
        ["digests.page.weekly"] = new("Недельный отчёт — по понедельникам за прошлую неделю", "Апталық есеп — дүйсенбі сайын өткен апта үшін", "Weekly report: on Mondays, for the past week"),
        ["digests.page.monthly"] = new("Месячный отчёт — 1-го числа за прошлый месяц", "Айлық есеп — айдың 1-і өткен ай үшін", "Monthly report: on the 1st, for the past month"),
        ["digests.page.address"] = new("Адрес e-mail", "E-mail мекенжайы", "E-mail address"),
        ["digests.page.noAddress"] = new(
            "Нет подтверждённого адреса e-mail. Добавьте и подтвердите его на странице «Каналы».",
            "Расталған e-mail мекенжайы жоқ. Оны «Арналар» бетінде қосып, растаңыз.",
            "No confirmed e-mail address. Add and confirm one on the Channels page."),
        ["digests.page.language"] = new("Язык писем", "Хаттар тілі", "Language of the e-mails"),
        ["digests.page.save"] = new("Сохранить", "Сақтау", "Save"),
        ["digests.page.saved"] = new("Подписки сохранены", "Жазылымдар сақталды", "Subscriptions saved"),
        ["digests.page.sendNow"] = new("Прислать сейчас", "Қазір жіберу", "Send me one now"),
        ["digests.page.sent"] = new("Отправлено на {0}", "{0} мекенжайына жіберілді", "Sent to {0}"),
        ["digests.page.sendFailed"] = new("Не удалось отправить: {0}", "Жіберу мүмкін болмады: {0}", "Could not send: {0}"),
        ["digests.page.lastSent"] = new("последний — за {0}", "соңғысы — {0} үшін", "last one for {0}"),
        ["digests.page.badAddress"] = new("Выберите один из своих подтверждённых адресов", "Өзіңіздің расталған мекенжайыңызды таңдаңыз", "Choose one of your confirmed addresses"),
        ["digests.lang.ru"] = new("Русский", "Орысша", "Russian"),
        ["digests.lang.kk"] = new("Қазақша", "Қазақша", "Kazakh"),
        ["digests.lang.en"] = new("English", "Ағылшынша", "English"),

        ["audit.action.digest.subscriptions"] = new("Подписки на дайджесты", "Дайджесттерге жазылым", "Digest subscriptions"),
        ["audit.action.digest.send"] = new("Дайджест отправлен по запросу", "Дайджест сұраныс бойынша жіберілді", "Digest sent on request"),

        // The jobs page.
        ["digests.job.daily"] = new("Утренние дайджесты", "Таңғы дайджесттер", "Morning digests"),
        ["digests.job.weekly"] = new("Недельные отчёты", "Апталық есептер", "Weekly reports"),
        ["digests.job.monthly"] = new("Месячные отчёты", "Айлық есептер", "Monthly reports"),
        ["digests.job.result"] = new("Отправлено {0}, уже были {1}, ошибок {2}", "Жіберілді {0}, бұрын жіберілген {1}, қате {2}", "Sent {0}, already sent {1}, failed {2}"),
    };
}
