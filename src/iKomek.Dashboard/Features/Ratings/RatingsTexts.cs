using IKomek.Dashboard.Platform.Localization;
namespace IKomek.Dashboard.Features.Ratings;

[UiTexts]
internal static class RatingsTexts
{
    public static readonly Dictionary<string, Text> Entries = new()
    {
        ["rating.job.update"] = new("Рейтинг руководителей (изменения)", "Басшылар рейтингі (өзгерістер)", "Managers' rating (changes)"),
        ["rating.job.full"] = new("Рейтинг руководителей (полный пересчёт года)", "Басшылар рейтингі (жылды толық қайта есептеу)", "Managers' rating (full recompute of the year)"),
        ["rating.job.result"] = new("обращений обновлено: {0:N0}, оценок рассчитано: {1:N0}, сохранено изменённых: {2:N0}",
            "жаңартылған өтініштер: {0:N0}, есептелген бағалар: {1:N0}, сақталған өзгерістер: {2:N0}",
            "appeals refreshed: {0:N0}, ratings computed: {1:N0}, changed ones stored: {2:N0}"),
        ["ratings.title"] = new("Рейтинг руководителей", "Басшылар рейтингі", "Managers' rating"),
        ["ratings.rule"] = new("Четыре показателя поровну: исполнение KPI за 12 месяцев, проекты против плана, обращения за 90 дней в срок, отработанные системные проблемы.",
            "Төрт көрсеткіш тең: 12 айдағы KPI орындалуы, жоспарға қарсы жобалар, 90 күндегі мерзімінде қаралған өтініштер, пысықталған жүйелі мәселелер.",
            "Four equal indicators: KPI execution over 12 months, projects against plan, appeals of 90 days answered in time, systemic problems worked out."),
        ["ratings.rank"] = new("Место", "Орын", "Rank"),
        ["ratings.manager"] = new("Руководитель", "Басшы", "Manager"),
        ["ratings.kpi"] = new("KPI", "KPI", "KPIs"),
        ["ratings.projects"] = new("Проекты", "Жобалар", "Projects"),
        ["ratings.appeals"] = new("Обращения", "Өтініштер", "Appeals"),
        ["ratings.systemic"] = new("Системные проблемы", "Жүйелі мәселелер", "Systemic problems"),
        ["ratings.total"] = new("Итог", "Қорытынды", "Total"),
        ["ratings.chart"] = new("Вклад показателей в итог", "Көрсеткіштердің қорытындыға үлесі", "How the indicators make up the total"),
        ["ratings.average"] = new("Средний итог", "Орташа қорытынды", "Average total"),
        ["ratings.at100"] = new("Достигли 100 %", "100 %-ға жетті", "Reached 100 %"),
        ["ratings.below70"] = new("Ниже 70 %", "70 %-дан төмен", "Below 70 %"),
        ["ratings.managers"] = new("Руководителей в рейтинге", "Рейтингтегі басшылар", "Managers rated"),
    };
}
