using IKomek.Dashboard.Platform.Localization;

namespace IKomek.Dashboard.Features.CitySystems.Intake;

/// <summary>The city systems' CSV import page and the reasons its report gives ({0} the column, {1} the check's own words).</summary>
[UiTexts]
internal static class IntakeTexts
{
    public static readonly Dictionary<string, Text> Entries = new()
    {
        ["systems.import.title"] = new("Импорт данных городской системы", "Қалалық жүйе деректерін импорттау", "City system data import"),
        ["systems.import.unknown"] = new("Системы «{0}» нет.", "«{0}» жүйесі жоқ.", "There is no system \"{0}\"."),
        ["systems.import.file"] = new("Файл CSV", "CSV файлы", "CSV file"),
        ["systems.import.help"] = new(
            "Первая строка — названия столбцов: source_id (код объекта в системе-источнике), для потоков observed_at (время с часовым поясом, например 2026-03-31T10:00:00+05:00), lat и lon (или district) и поля системы. Каждая строка проверяется как в API; повторный импорт ничего не добавляет.",
            "Бірінші жол — бағандар атаулары: source_id (дереккөз жүйесіндегі объект коды), ағындар үшін observed_at (уақыт белдеуімен, мысалы 2026-03-31T10:00:00+05:00), lat және lon (немесе district) және жүйенің өрістері. Әр жол API-дағыдай тексеріледі; қайта импорттау ештеңе қоспайды.",
            "The first row names the columns: source_id (the object's id in the source system), for feeds observed_at (a time with its offset, e.g. 2026-03-31T10:00:00+05:00), lat and lon (or district) and the system's fields. Every row is checked as the API checks it; importing the same file again adds nothing."),
        ["systems.import.tooLarge"] = new("Файл больше {0} МБ.", "Файл {0} МБ-тан үлкен.", "The file is larger than {0} MB."),
        ["systems.import.fileError"] = new("Файл не импортирован", "Файл импортталмады", "The file was not imported"),
        ["import.reason.systems.required"] = new("«{0}»: обязательное значение отсутствует ({1})", "«{0}»: міндетті мән жоқ ({1})", "\"{0}\": a required value is missing ({1})"),
        ["import.reason.systems.length"] = new("«{0}»: недопустимая длина ({1})", "«{0}»: ұзындығы жарамсыз ({1})", "\"{0}\": wrong length ({1})"),
        ["import.reason.systems.type"] = new("«{0}»: значение не того типа ({1})", "«{0}»: мән түрі дұрыс емес ({1})", "\"{0}\": a value of the wrong type ({1})"),
        ["import.reason.systems.range"] = new("«{0}»: значение вне допустимого диапазона ({1})", "«{0}»: мән рұқсат етілген ауқымнан тыс ({1})", "\"{0}\": out of range ({1})"),
        ["import.reason.systems.choice"] = new("«{0}»: значения нет в списке ({1})", "«{0}»: мән тізімде жоқ ({1})", "\"{0}\": not one of the choices ({1})"),
        ["import.reason.systems.unknown_field"] = new("«{0}»: такого поля у системы нет ({1})", "«{0}»: жүйеде мұндай өріс жоқ ({1})", "\"{0}\": no such field ({1})"),
        ["import.reason.systems.scope"] = new("«{0}»: это показание, а не свойство объекта ({1})", "«{0}»: бұл объект қасиеті емес, көрсеткіш ({1})", "\"{0}\": a reading, not an object's attribute ({1})"),
        ["import.reason.systems.unit"] = new("«{0}»: не та единица измерения ({1})", "«{0}»: өлшем бірлігі дұрыс емес ({1})", "\"{0}\": the wrong unit ({1})"),
        ["import.reason.systems.format"] = new("«{0}»: неверный формат ({1})", "«{0}»: пішімі дұрыс емес ({1})", "\"{0}\": wrong format ({1})"),
        ["import.reason.systems.future"] = new("«{0}»: время в будущем, проверьте часы источника ({1})", "«{0}»: уақыт болашақта, дереккөз сағатын тексеріңіз ({1})", "\"{0}\": a time in the future: check the source's clock ({1})"),
        ["import.reason.systems.too_old"] = new("«{0}»: слишком раннее время ({1})", "«{0}»: уақыт тым ерте ({1})", "\"{0}\": too early ({1})"),
        ["import.reason.systems.outside_city"] = new("«{0}»: точка вне города ({1})", "«{0}»: нүкте қаладан тыс ({1})", "\"{0}\": a point outside the city ({1})"),
        ["import.reason.systems.place"] = new("«{0}»: место указано не так, как принято в системе ({1})", "«{0}»: орын жүйедегідей көрсетілмеген ({1})", "\"{0}\": the place is not given as this system places it ({1})"),
        ["import.reason.systems.unknown_district"] = new("«{0}»: такого района нет ({1})", "«{0}»: мұндай аудан жоқ ({1})", "\"{0}\": no such district ({1})"),
    };
}
