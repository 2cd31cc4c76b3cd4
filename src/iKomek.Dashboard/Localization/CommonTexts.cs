namespace IKomek.Dashboard.Localization;

/// <summary>Texts of the shell (top bar, navigation) and words shared by several pages.</summary>
internal static class CommonTexts
{
    public static readonly Dictionary<string, Text> Entries = new()
    {
        ["app.city"] = new("Астана", "Астана", "Astana"),
        ["app.title"] = new("Панель управления городом", "Қаланы басқару панелі", "City Control Panel"),
        ["app.subtitle"] = new("iKomek 109", "iKomek 109", "iKomek 109"),
        ["app.astanaTime"] = new("Время Астаны", "Астана уақыты", "Astana time"),
        ["app.language"] = new("Язык", "Тіл", "Language"),
        ["app.guest"] = new("Гость", "Қонақ", "Guest"),
        ["app.reconnecting"] = new("Связь с сервером потеряна, переподключаемся…", "Сервермен байланыс үзілді, қайта қосылуда…", "Connection lost, reconnecting…"),
        ["app.reconnectFailed"] = new("Не удалось переподключиться.", "Қайта қосылу мүмкін болмады.", "Could not reconnect."),
        ["app.reload"] = new("Обновить страницу", "Бетті жаңарту", "Reload the page"),
        ["app.error"] = new("Произошла ошибка. Обновите страницу.", "Қате орын алды. Бетті жаңартыңыз.", "An error occurred. Reload the page."),
        ["app.notFound"] = new("Страница не найдена", "Бет табылмады", "Page not found"),
        ["nav.live"] = new("Живая панель", "Тікелей панель", "Live panel"),
        ["nav.appeals"] = new("Обращения", "Өтініштер", "Appeals"),
        ["nav.problems"] = new("Системные проблемы", "Жүйелі мәселелер", "Systemic problems"),
        ["nav.ratings"] = new("Рейтинг руководителей", "Басшылар рейтингі", "Managers' rating"),
        ["nav.projects"] = new("Проекты", "Жобалар", "Projects"),
        ["nav.kpis"] = new("KPI", "KPI", "KPIs"),
        ["nav.admin"] = new("Администрирование", "Әкімшілік", "Administration"),
        ["common.loading"] = new("Загрузка…", "Жүктелуде…", "Loading…"),
        ["common.noData"] = new("Нет данных", "Деректер жоқ", "No data"),
        ["common.total"] = new("Всего", "Барлығы", "Total"),
        ["common.all"] = new("Все", "Барлығы", "All"),
        ["common.district"] = new("Район", "Аудан", "District"),
        ["common.department"] = new("Управление", "Басқарма", "Department"),
        ["common.area"] = new("Сфера", "Сала", "Area"),
        ["common.status"] = new("Статус", "Мәртебе", "Status"),
        ["common.updatedAt"] = new("Обновлено {0:HH:mm:ss}", "Жаңартылды {0:HH:mm:ss}", "Updated {0:HH:mm:ss}"),
        ["common.search"] = new("Поиск", "Іздеу", "Search"),
        ["common.refresh"] = new("Обновить", "Жаңарту", "Refresh"),
        ["status.registered"] = new("Зарегистрировано", "Тіркелді", "Registered"),
        ["status.assigned"] = new("Назначено", "Тағайындалды", "Assigned"),
        ["status.forwarded"] = new("Перенаправлено", "Қайта бағытталды", "Forwarded"),
        ["status.in_progress"] = new("В работе", "Жұмыста", "In progress"),
        ["status.waiting_citizen"] = new("Ждёт заявителя", "Өтініш берушіні күтуде", "Waiting for the citizen"),
        ["status.resolved"] = new("Решено", "Шешілді", "Resolved"),
        ["status.closed"] = new("Закрыто", "Жабылды", "Closed"),
        ["status.reopened"] = new("Возвращено на доработку", "Пысықтауға қайтарылды", "Returned for rework"),
    };
}
