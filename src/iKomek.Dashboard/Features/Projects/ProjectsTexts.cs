using IKomek.Dashboard.Platform.Localization;
namespace IKomek.Dashboard.Features.Projects;

[UiTexts]
internal static class ProjectsTexts
{
    public static readonly Dictionary<string, Text> Entries = new()
    {
        ["projects.title"] = new("Проектный офис", "Жобалық кеңсе", "Project office"),
        ["projects.active"] = new("Активных проектов", "Белсенді жобалар", "Active projects"),
        ["projects.delayed"] = new("С задержкой", "Кешігумен", "Delayed"),
        ["projects.completed"] = new("Завершено и в архиве", "Аяқталған және мұрағатта", "Completed and archived"),
        ["projects.budget"] = new("Бюджет активных, млрд ₸", "Белсенділердің бюджеті, млрд ₸", "Budget of active, bn ₸"),
        ["projects.byGroup"] = new("Проекты по группам и статусам", "Топтар мен мәртебелер бойынша жобалар", "Projects by group and status"),
        ["projects.list"] = new("Портфель проектов", "Жобалар портфелі", "Project portfolio"),
        ["projects.name"] = new("Проект", "Жоба", "Project"),
        ["projects.group"] = new("Группа", "Топ", "Group"),
        ["projects.progress"] = new("Выполнение", "Орындалуы", "Progress"),
        ["projects.plan"] = new("план {0:N0} %", "жоспар {0:N0} %", "plan {0:N0} %"),
        ["projects.end"] = new("Окончание", "Аяқталуы", "End"),
        ["projects.delay"] = new("+{0} дн.", "+{0} күн", "+{0} d"),
        ["projects.budgetCol"] = new("Бюджет, млн ₸", "Бюджет, млн ₸", "Budget, m ₸"),
        ["projects.risks"] = new("Риски", "Тәуекелдер", "Risks"),
        ["group.roads"] = new("Дороги и транспорт", "Жолдар мен көлік", "Roads and transport"),
        ["group.construction"] = new("Строительство", "Құрылыс", "Construction"),
        ["group.engineering"] = new("Инженерные сети", "Инженерлік желілер", "Engineering networks"),
        ["group.improvement"] = new("Благоустройство", "Абаттандыру", "Improvement"),
        ["group.social"] = new("Социальный блок", "Әлеуметтік блок", "Social block"),
        ["pstatus.planned"] = new("Планируется", "Жоспарлануда", "Planned"),
        ["pstatus.active"] = new("В работе", "Жұмыста", "Active"),
        ["pstatus.delayed"] = new("Задержка", "Кешігу", "Delayed"),
        ["pstatus.completed"] = new("Завершён", "Аяқталды", "Completed"),
        ["pstatus.archived"] = new("В архиве", "Мұрағатта", "Archived"),
    };
}
