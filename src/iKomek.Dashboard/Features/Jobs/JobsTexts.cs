using IKomek.Dashboard.Localization;

namespace IKomek.Dashboard.Features.Jobs;

internal static class JobsTexts
{
    public static readonly Dictionary<string, Text> Entries = new()
    {
        ["nav.jobs"] = new("Задания", "Тапсырмалар", "Jobs"),
        ["jobs.title"] = new("Регламентные задания", "Жоспарлы тапсырмалар", "Scheduled jobs"),
        ["jobs.job"] = new("Задание", "Тапсырма", "Job"),
        ["jobs.schedule"] = new("Расписание", "Кесте", "Schedule"),
        ["jobs.lastRun"] = new("Последний запуск", "Соңғы іске қосу", "Last run"),
        ["jobs.duration"] = new("Длительность", "Ұзақтығы", "Duration"),
        ["jobs.outcome"] = new("Итог", "Нәтиже", "Outcome"),
        ["jobs.nextFire"] = new("Следующий запуск", "Келесі іске қосу", "Next run"),
        ["jobs.failures"] = new("Сбои", "Ақаулар", "Failures"),
        ["jobs.runNow"] = new("Запустить", "Іске қосу", "Run now"),
        ["jobs.started"] = new("Задание «{0}» запущено", "«{0}» тапсырмасы іске қосылды", "Job '{0}' started"),
        ["jobs.disabled"] = new("Планировщик на этом узле выключен (City:Scheduler:Enabled)", "Бұл түйінде жоспарлағыш өшірулі (City:Scheduler:Enabled)", "The scheduler is off on this node (City:Scheduler:Enabled)"),
        ["jobs.never"] = new("ещё не запускалось", "әлі іске қосылмаған", "not run yet"),
        ["jobs.runs"] = new("Последние запуски на всех узлах", "Барлық түйіндердегі соңғы іске қосулар", "Latest runs on all nodes"),
        ["jobs.node"] = new("Узел", "Түйін", "Node"),
        ["jobs.summary"] = new("Результат или ошибка", "Нәтиже немесе қате", "Result or error"),
        ["jobs.manual"] = new("вручную", "қолмен", "manual"),
        ["jobs.clusterNote"] = new("Задания хранятся в PostgreSQL и выполняются один раз на весь кластер узлов; время — астанинское.",
            "Тапсырмалар PostgreSQL-да сақталады және бүкіл түйіндер кластеріне бір рет орындалады; уақыт — Астана уақыты.",
            "Jobs live in PostgreSQL and run once across the cluster of nodes; times are Astana's."),
        ["jobs.outcome.running"] = new("выполняется", "орындалуда", "running"),
        ["jobs.outcome.succeeded"] = new("успешно", "сәтті", "succeeded"),
        ["jobs.outcome.failed"] = new("сбой", "ақау", "failed"),
        ["jobs.outcome.vetoed"] = new("отменено", "болдырылмады", "vetoed"),
        ["jobs.miningIncremental"] = new("Поиск системных проблем (новые обращения)", "Жүйелі мәселелерді іздеу (жаңа өтініштер)", "Systemic problems mining (new appeals)"),
        ["jobs.miningFull"] = new("Поиск системных проблем (полный пересчёт)", "Жүйелі мәселелерді іздеу (толық қайта есептеу)", "Systemic problems mining (full recount)"),
        ["jobs.classifierRetrain"] = new("Переобучение классификатора тем (по воскресеньям)", "Тақырып жіктеуішін қайта оқыту (жексенбі сайын)", "Topic classifier retraining (Sundays)"),
        ["jobs.slaSweep"] = new("Контроль сроков SLA (75 % и просрочка)", "SLA мерзімдерін бақылау (75 % және мерзімі өткен)", "SLA sweep (75 % and overdue)"),
        ["jobs.cron"] = new("cron {0}", "cron {0}", "cron {0}"),
    };
}
