using IKomek.Dashboard.Platform.Localization;

namespace IKomek.Dashboard.Features.Intake;

[UiTexts]
internal static class IntakeTexts
{
    public static readonly Dictionary<string, Text> Entries = new()
    {
        ["nav.newAppeal"] = new("Новое обращение", "Жаңа өтініш", "New appeal"),
        ["intake.form.title"] = new("Новое обращение", "Жаңа өтініш", "New appeal"),
        ["intake.form.text"] = new("Текст обращения", "Өтініш мәтіні", "The appeal's text"),
        ["intake.form.type"] = new("Вид услуги", "Қызмет түрі", "Service type"),
        ["intake.form.typeHint"] = new("Если не выбран, определит модель тем", "Таңдалмаса, тақырып моделі анықтайды", "If not chosen, the topic model decides"),
        ["intake.form.district"] = new("Район", "Аудан", "District"),
        ["intake.form.address"] = new("Адрес", "Мекенжай", "Address"),
        ["intake.form.register"] = new("Зарегистрировать", "Тіркеу", "Register"),
        ["intake.form.textRequired"] = new("Нужен текст обращения", "Өтініш мәтіні қажет", "The appeal's text is required"),
        ["intake.form.districtRequired"] = new("Выберите район", "Ауданды таңдаңыз", "Choose the district"),
        ["intake.form.typeRequired"] = new("Модель не определила вид услуги: выберите его", "Модель қызмет түрін анықтамады: оны таңдаңыз",
            "The topic model could not tell the service type: choose it"),
    };
}
