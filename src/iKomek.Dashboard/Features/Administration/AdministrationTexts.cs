using IKomek.Dashboard.Platform.Localization;
namespace IKomek.Dashboard.Features.Administration;

[UiTexts]
internal static class AdministrationTexts
{
    public static readonly Dictionary<string, Text> Entries = new()
    {
        ["admin.title"] = new("Администрирование", "Әкімшілік", "Administration"),
        ["admin.database"] = new("База данных", "Дерекқор", "Database"),
        ["admin.server"] = new("Сервер", "Сервер", "Server"),
        ["admin.size"] = new("Размер базы", "Дерекқор көлемі", "Database size"),
        ["admin.mbUnit"] = new("МБ", "МБ", "MB"),
        ["admin.megabytes"] = new("{0:N0} МБ", "{0:N0} МБ", "{0:N0} MB"),
        ["admin.started"] = new("Сервер запущен", "Сервер іске қосылды", "Server started"),
        ["admin.tables"] = new("Таблицы", "Кестелер", "Tables"),
        ["admin.table"] = new("Таблица", "Кесте", "Table"),
        ["admin.rows"] = new("Строк (оценка)", "Жолдар (бағалау)", "Rows (estimate)"),
        ["admin.tableSize"] = new("Размер, МБ", "Көлемі, МБ", "Size, MB"),
        ["admin.migrations"] = new("Миграции схемы", "Схема миграциялары", "Schema migrations"),
        ["admin.file"] = new("Файл", "Файл", "File"),
        ["admin.checksum"] = new("Контрольная сумма", "Бақылау сомасы", "Checksum"),
        ["admin.appliedAt"] = new("Применена", "Қолданылды", "Applied"),
        ["admin.demo"] = new("Демо-город", "Демо-қала", "Demo city"),
        ["admin.demoLine"] = new("seed {0}, масштаб {1}, лет {2}, по {3:dd.MM.yyyy}: {4:N0} обращений", "seed {0}, масштаб {1}, жыл {2}, {3:dd.MM.yyyy} дейін: {4:N0} өтініш", "seed {0}, scale {1}, {2} years to {3:dd.MM.yyyy}: {4:N0} appeals"),
        ["admin.noDemo"] = new("Данные не из генератора демо-города", "Деректер демо-қала генераторынан емес", "Data did not come from the demo generator"),
        ["admin.holidays"] = new("Праздничные дни (сроки SLA их пропускают)", "Мереке күндері (SLA мерзімдері оларды өткізіп жібереді)", "Public holidays (SLA deadlines skip them)"),
        ["admin.holidayDay"] = new("Дата", "Күні", "Date"),
        ["admin.holidayName"] = new("Название", "Атауы", "Name"),
        ["admin.holidayAdd"] = new("Добавить", "Қосу", "Add"),
        ["admin.holidayRemove"] = new("Удалить", "Жою", "Remove"),
        ["admin.holidayNeedsDay"] = new("Укажите дату", "Күнді көрсетіңіз", "Choose the date"),
        ["admin.holidayNeedsName"] = new("Укажите название праздника", "Мереке атауын көрсетіңіз", "Name the holiday"),
        ["admin.holidayExists"] = new("Этот день уже праздничный", "Бұл күн мереке болып тұр", "That day is a holiday already"),
        ["admin.users"] = new("Пользователи", "Пайдаланушылар", "Users"),
        ["admin.login"] = new("Логин", "Логин", "Login"),
        ["admin.name"] = new("Имя", "Аты", "Name"),
        ["admin.role"] = new("Роль", "Рөлі", "Role"),
        ["admin.signIn"] = new("Вход", "Кіру", "Sign-in"),
        ["admin.signInNever"] = new("ещё не входил", "әлі кірмеген", "never yet"),
        ["admin.signInDisabled"] = new("отключён", "өшірілген", "disabled"),
    };
}
