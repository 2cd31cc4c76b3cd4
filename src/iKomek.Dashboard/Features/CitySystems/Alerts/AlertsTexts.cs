using IKomek.Dashboard.Platform.Localization;

namespace IKomek.Dashboard.Features.CitySystems.Alerts;

[UiTexts]
internal static class AlertsTexts
{
    public static readonly Dictionary<string, Text> Entries = new()
    {
        ["alerts.job.sweep"] = new("Оповещения городских систем", "Қалалық жүйелер ескертулері", "City systems' alerts"),
        ["alerts.job.result"] = new("объектов проверено: {0:N0}, оповещений открыто: {1:N0}, закрыто: {2:N0}",
            "тексерілген нысандар: {0:N0}, ашылған ескертулер: {1:N0}, жабылғандары: {2:N0}",
            "objects evaluated: {0:N0}, alerts opened: {1:N0}, closed: {2:N0}"),
        ["audit.action.alert_rule.change"] = new("Правило оповещений", "Ескерту ережесі", "Alert rule"),

        ["alerts.stale"] = new("Нет данных дольше допустимого", "Деректер рұқсат етілгеннен ұзақ жоқ", "No data for longer than allowed"),

        ["alerts.rules.title"] = new("Правила оповещений", "Ескерту ережелері", "Alert rules"),
        ["alerts.rule"] = new("Правило", "Ереже", "Rule"),
        ["alerts.conditions"] = new("Условия", "Шарттар", "Conditions"),
        ["alerts.field"] = new("Поле", "Өріс", "Field"),
        ["alerts.field2"] = new("С полем", "Өріспен", "Against field"),
        ["alerts.op"] = new("Операция", "Амал", "Operator"),
        ["alerts.value"] = new("Порог", "Шек", "Threshold"),
        ["alerts.clearMargin"] = new("Зазор снятия", "Алып тастау аралығы", "Clear margin"),
        ["alerts.clearMarginHint"] = new("Насколько значение должно вернуться за порог, чтобы оповещение закрылось", "Ескерту жабылуы үшін мән шектен қаншалықты қайтуы керек", "How far back past the threshold a value must come to close the alert"),
        ["alerts.confirm"] = new("Подтверждение", "Растау", "Confirm"),
        ["alerts.confirmHint"] = new("Сколько проверок подряд условие должно выполняться", "Шарт қатарынан неше тексеруде орындалуы керек", "How many evaluations in a row the rule must hold"),
        ["alerts.months"] = new("Месяцы", "Айлар", "Months"),
        ["alerts.allYear"] = new("весь год", "жыл бойы", "all year"),
        ["alerts.severity"] = new("Важность", "Маңыздылығы", "Severity"),
        ["alerts.severity.critical"] = new("критическое", "шұғыл", "critical"),
        ["alerts.severity.warning"] = new("предупреждение", "ескерту", "warning"),
        ["alerts.raisesStatus"] = new("Повышает уровень города", "Қала деңгейін көтереді", "Raises the city status"),
        ["alerts.enabled"] = new("Включено", "Қосулы", "Enabled"),
        ["alerts.edit"] = new("Изменить правило", "Ережені өзгерту", "Edit the rule"),
        ["alerts.save"] = new("Сохранить", "Сақтау", "Save"),
        ["alerts.cancel"] = new("Отмена", "Болдырмау", "Cancel"),
        ["alerts.saved"] = new("«{0}» сохранено: открыто {1:N0}, закрыто {2:N0}", "«{0}» сақталды: ашылды {1:N0}, жабылды {2:N0}", "\"{0}\" saved: {1:N0} opened, {2:N0} closed"),
        ["alerts.type.number"] = new("число", "сан", "number"),
        ["alerts.type.integer"] = new("целое число", "бүтін сан", "whole number"),
        ["alerts.type.boolean"] = new("true или false", "true немесе false", "true or false"),
        ["alerts.type.date"] = new("ГГГГ-ММ-ДД или today", "ЖЖЖЖ-АА-КК немесе today", "YYYY-MM-DD or today"),
        ["alerts.type.text"] = new("текст", "мәтін", "text"),
        ["alerts.err.margin"] = new("Зазор снятия должен быть числом не меньше 0", "Алып тастау аралығы 0-ден кем емес сан болуы керек", "The clear margin must be a number of at least 0"),
        ["alerts.err.confirm"] = new("Подтверждение: от 1 до 100 проверок подряд", "Растау: қатарынан 1-ден 100-ге дейін тексеру", "Confirm: 1 to 100 evaluations in a row"),
        ["alerts.err.months"] = new("Месяцы: номера от 1 до 12 (пусто — весь год)", "Айлар: 1-ден 12-ге дейінгі нөмірлер (бос — жыл бойы)", "Months: numbers 1 to 12 (empty: all year)"),
        ["alerts.err.severity"] = new("Важность: critical или warning", "Маңыздылығы: critical немесе warning", "Severity: critical or warning"),
        ["alerts.err.json"] = new("Условия — не JSON", "Шарттар JSON емес", "The conditions are not JSON"),
        ["alerts.err.notArray"] = new("Условия — непустой массив условий", "Шарттар бос емес массив болуы керек", "The conditions must be a non-empty array of clauses"),
        ["alerts.err.clause"] = new("Условие {0}: ожидается объект", "{0}-шарт: объект күтіледі", "Clause {0}: an object is expected"),
        ["alerts.err.key"] = new("Условие {0}: неизвестный ключ «{1}»", "{0}-шарт: белгісіз кілт «{1}»", "Clause {0}: unknown key \"{1}\""),
        ["alerts.err.fieldMissing"] = new("Условие {0}: не указано «{1}»", "{0}-шарт: «{1}» көрсетілмеген", "Clause {0}: \"{1}\" is missing"),
        ["alerts.err.unknownField"] = new("Условие {0}: у системы нет поля «{1}»", "{0}-шарт: жүйеде «{1}» өрісі жоқ", "Clause {0}: the system has no field \"{1}\""),
        ["alerts.err.op"] = new("Условие {0}: недопустимая операция «{1}» (допустимы <, <=, >, >=, =, !=)", "{0}-шарт: рұқсат етілмеген амал «{1}» (<, <=, >, >=, =, !=)", "Clause {0}: invalid operator \"{1}\" (use <, <=, >, >=, =, !=)"),
        ["alerts.err.opType"] = new("Условие {0}: операция «{1}» не применима к полю «{2}» (только = и !=)", "{0}-шарт: «{1}» амалы «{2}» өрісіне қолданылмайды (тек = және !=)", "Clause {0}: operator \"{1}\" does not apply to field \"{2}\" (only = and !=)"),
        ["alerts.err.per"] = new("Условие {0}: «per» делит число на числовое поле", "{0}-шарт: «per» санды сандық өріске бөледі", "Clause {0}: \"per\" divides a number by a numeric field"),
        ["alerts.err.valueOrField2"] = new("Условие {0}: нужно одно из «value» или «field2»", "{0}-шарт: «value» немесе «field2» біреуі керек", "Clause {0}: give exactly one of \"value\" and \"field2\""),
        ["alerts.err.valueType"] = new("Условие {0}: значение {1} не подходит полю «{2}»", "{0}-шарт: {1} мәні «{2}» өрісіне сәйкес емес", "Clause {0}: value {1} does not fit field \"{2}\""),
        ["alerts.err.choice"] = new("Условие {0}: {1} — не вариант поля «{2}» ({3})", "{0}-шарт: {1} — «{2}» өрісінің нұсқасы емес ({3})", "Clause {0}: {1} is not a choice of field \"{2}\" ({3})"),
        ["alerts.err.field2Type"] = new("Условие {0}: поле «{1}» другого типа, чем «{2}»", "{0}-шарт: «{1}» өрісінің түрі «{2}» өрісінен басқа", "Clause {0}: field \"{1}\" is of another type than \"{2}\""),
        ["alerts.err.noRule"] = new("Правило {0} не найдено", "{0} ережесі табылмады", "Rule {0} not found"),
    };
}
