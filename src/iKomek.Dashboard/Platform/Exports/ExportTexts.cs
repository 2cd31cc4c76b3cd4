using IKomek.Dashboard.Platform.Localization;

namespace IKomek.Dashboard.Platform.Exports;

[UiTexts]
internal static class ExportTexts
{
    public static readonly Dictionary<string, Text> Entries = new()
    {
        ["exports.tooMany"] = new(
            "Фильтр выбирает больше {0:N0} обращений, а одна выгрузка вмещает не больше {0:N0}. Сузьте период или добавьте фильтр.",
            "Сүзгі {0:N0}-нан көп өтінішті таңдайды, ал бір жүктеу {0:N0}-нан аспайды. Кезеңді қысқартыңыз немесе сүзгі қосыңыз.",
            "The filter finds more than {0:N0} appeals, and one export holds at most {0:N0}. Narrow the period or add a filter."),
        ["exports.tooOften"] = new(
            "Не больше {0} выгрузок в минуту. Повторите через {1} с.",
            "Минутына {0} жүктеуден артық емес. {1} с кейін қайталаңыз.",
            "At most {0} exports a minute. Try again in {1} s."),
    };
}
