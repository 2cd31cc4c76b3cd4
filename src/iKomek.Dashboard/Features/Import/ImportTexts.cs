using IKomek.Dashboard.Platform.Localization;
namespace IKomek.Dashboard.Features.Import;

[UiTexts]
internal static class ImportTexts
{
    public static readonly Dictionary<string, Text> Entries = new()
    {
        ["import.title"] = new("Импорт обращений из CSV", "Өтініштерді CSV-ден импорттау", "Import appeals from CSV"),
        ["import.button"] = new("Импорт CSV", "CSV импорты", "Import CSV"),
        ["import.adminHint"] = new("Исторические обращения из CSV: наша выгрузка, Open311 или любой город по сопоставлению",
            "CSV-ден тарихи өтініштер: біздің түсірілім, Open311 немесе сәйкестендіру бойынша кез келген қала",
            "Historical appeals from CSV: our export, Open311, or any city's export through a mapping"),
        ["import.file"] = new("Файл CSV", "CSV файлы", "CSV file"),
        ["import.fileHint"] = new("UTF-8, разделитель «,» или «;», до 200 МБ", "UTF-8, бөлгіш «,» немесе «;», 200 МБ-қа дейін", "UTF-8, delimiter ',' or ';', up to 200 MB"),
        ["import.fileSize"] = new("{0} · {1:N1} МБ", "{0} · {1:N1} МБ", "{0} · {1:N1} MB"),
        ["import.preset"] = new("Формат файла", "Файл пішімі", "File format"),
        ["import.preset.ours"] = new("Наша выгрузка (CSV из «Обращений»)", "Біздің түсірілім («Өтініштер» CSV)", "Our export (CSV from Appeals)"),
        ["import.preset.open311"] = new("Выгрузка Open311 / 311", "Open311 / 311 түсірілімі", "Open311 / 311 export"),
        ["import.mapping"] = new("Сопоставление (JSON, необязательно)", "Сәйкестендіру (JSON, міндетті емес)", "Mapping (JSON, optional)"),
        ["import.mappingHint"] = new("Столбцы, формат даты, часовой пояс, словари категорий, районов и статусов; см. docs/import-mapping.md",
            "Бағандар, күн пішімі, уақыт белдеуі, санаттар, аудандар мен мәртебелер сөздіктері; docs/import-mapping.md қараңыз",
            "Columns, date format, time zone, maps of categories, districts and statuses; see docs/import-mapping.md"),
        ["import.start"] = new("Импортировать", "Импорттау", "Import"),
        ["import.running"] = new("Импорт: прочитано {0:N0} строк, добавлено {1:N0}", "Импорт: {0:N0} жол оқылды, {1:N0} қосылды", "Importing: {0:N0} rows read, {1:N0} added"),
        ["import.summary"] = new("Итог импорта", "Импорт қорытындысы", "Import summary"),
        ["import.read"] = new("Прочитано строк", "Оқылған жолдар", "Rows read"),
        ["import.inserted"] = new("Добавлено", "Қосылды", "Added"),
        ["import.skipped"] = new("Уже были в базе", "Дерекқорда бұрыннан бар", "Already present"),
        ["import.rejected"] = new("Отклонено", "Қабылданбады", "Rejected"),
        ["import.speed"] = new("{0:N1} с, {1:N0} строк/с", "{0:N1} с, {1:N0} жол/с", "{0:N1} s, {1:N0} rows/s"),
        ["import.report"] = new("Отклонённые строки", "Қабылданбаған жолдар", "Rejected rows"),
        ["import.reportDownload"] = new("Скачать отчёт CSV", "CSV есебін жүктеу", "Download the CSV report"),
        ["import.reportCapped"] = new("Показаны первые {0:N0} ошибок", "Алғашқы {0:N0} қате көрсетілген", "The first {0:N0} errors are shown"),
        ["import.row"] = new("Строка", "Жол", "Row"),
        ["import.column"] = new("Столбец", "Баған", "Column"),
        ["import.reason"] = new("Причина", "Себебі", "Reason"),
        ["import.noErrors"] = new("Все строки приняты", "Барлық жолдар қабылданды", "Every row was accepted"),
        ["import.runs"] = new("Последние импорты", "Соңғы импорттар", "Recent imports"),
        ["import.when"] = new("Когда", "Қашан", "When"),
        ["import.fileName"] = new("Файл", "Файл", "File"),
        ["import.who"] = new("Кто", "Кім", "Who"),
        ["import.choose"] = new("Выбрать файл", "Файлды таңдау", "Choose a file"),
        ["import.noFile"] = new("Файл не выбран", "Файл таңдалмаған", "No file chosen"),
        ["import.runs.read"] = new("Строк", "Жолдар", "Rows"),
        ["import.runs.inserted"] = new("Добавлено", "Қосылды", "Added"),
        ["import.runs.skipped"] = new("Были", "Бар еді", "Present"),
        ["import.runs.rejected"] = new("Отклонено", "Қабылданбады", "Rejected"),
        ["import.runs.failed"] = new("ошибка файла", "файл қатесі", "file error"),
        ["import.runs.interrupted"] = new("прервано", "үзілді", "interrupted"),
        ["import.seconds"] = new("{0:N1} с", "{0:N1} с", "{0:N1} s"),
        ["import.duration"] = new("Время", "Уақыты", "Time"),
        ["import.fileError"] = new("Файл не импортирован", "Файл импортталмады", "The file was not imported"),
        ["import.mappingError"] = new("Ошибка в сопоставлении: {0}", "Сәйкестендіруде қате: {0}", "Mapping error: {0}"),
        ["import.tooLarge"] = new("Файл больше {0:N0} МБ", "Файл {0:N0} МБ-тан үлкен", "The file is larger than {0:N0} MB"),

        ["import.file.empty"] = new("Файл пуст: нет строки заголовка", "Файл бос: тақырып жолы жоқ", "The file is empty: no header line"),
        ["import.file.header"] = new("Первая строка не похожа на заголовок CSV", "Бірінші жол CSV тақырыбына ұқсамайды", "The first line is not a CSV header"),
        ["import.file.missingColumns"] = new("В заголовке нет столбцов формата «{0}»: {1}", "Тақырыпта «{0}» пішімінің бағандары жоқ: {1}", "The header lacks columns of the '{0}' format: {1}"),
        ["import.file.mappedColumnMissing"] = new("Нет столбца {0} для поля «{1}»", "«{1}» өрісі үшін {0} бағаны жоқ", "No column {0} for the field '{1}'"),

        ["import.reason.unclosedQuote"] = new("кавычка не закрыта до конца файла", "тырнақша файл соңына дейін жабылмаған", "a quoted field is not closed before the end of the file"),
        ["import.reason.recordTooLong"] = new("запись длиннее 100 000 символов (незакрытая кавычка?)", "жазба 100 000 таңбадан ұзын (жабылмаған тырнақша?)", "the record is longer than 100,000 characters (an unclosed quote?)"),
        ["import.reason.textAfterQuote"] = new("текст после закрывающей кавычки", "жабатын тырнақшадан кейін мәтін бар", "text after the closing quote"),
        ["import.reason.strayQuote"] = new("кавычка внутри поля без кавычек", "тырнақшасыз өріс ішінде тырнақша", "a quote inside an unquoted field"),
        ["import.reason.columnCount"] = new("ожидалось полей: {0}, найдено: {1}", "күтілген өрістер: {0}, табылды: {1}", "expected {0} fields, found {1}"),
        ["import.reason.missing"] = new("обязательное значение не заполнено", "міндетті мән толтырылмаған", "a required value is empty"),
        ["import.reason.date"] = new("«{0}» — не дата в формате {1}", "«{0}» — {1} пішіміндегі күн емес", "'{0}' is not a date in the format {1}"),
        ["import.reason.future"] = new("дата «{0}» в будущем", "«{0}» күні болашақта", "the date '{0}' is in the future"),
        ["import.reason.number"] = new("«{0}» — не число", "«{0}» — сан емес", "'{0}' is not a number"),
        ["import.reason.regNumber"] = new("«{0}» — не регистрационный номер (109-ГГГГ-NNNNNNN)", "«{0}» — тіркеу нөмірі емес (109-ЖЖЖЖ-NNNNNNN)", "'{0}' is not a registration number (109-YYYY-NNNNNNN)"),
        ["import.reason.unknownServiceCode"] = new("неизвестный вид услуги или сфера «{0}»", "белгісіз қызмет түрі немесе сала «{0}»", "unknown service type or area '{0}'"),
        ["import.reason.unknownArea"] = new("неизвестная сфера «{0}»", "белгісіз сала «{0}»", "unknown area '{0}'"),
        ["import.reason.areaContradicts"] = new("сфера «{0}» не совпадает со сферой вида услуги «{1}»", "«{0}» саласы «{1}» қызмет түрінің саласына сәйкес емес", "area '{0}' contradicts the area of service type '{1}'"),
        ["import.reason.tooLong"] = new("{0} символов, допустимо не более {1}", "{0} таңба, ең көбі {1} болуы керек", "{0} characters, at most {1} allowed"),
        ["import.reason.latLonPair"] = new("указана только одна из координат (нужны широта и долгота)", "координаттардың біреуі ғана көрсетілген (ендік пен бойлық керек)", "only one of lat and long is given"),
        ["import.reason.outOfCity"] = new("точка {0}, {1} за пределами Астаны", "{0}, {1} нүктесі Астанадан тыс", "the point {0}, {1} is outside Astana"),
        ["import.reason.unknownDistrict"] = new("неизвестный район «{0}»", "белгісіз аудан «{0}»", "unknown district '{0}'"),
        ["import.reason.noPlace"] = new("нет района, координат или известного адреса", "аудан, координаттар немесе белгілі мекенжай жоқ", "no district, coordinates or known address to place it"),
        ["import.reason.unknownChannel"] = new("неизвестный канал «{0}»", "белгісіз арна «{0}»", "unknown channel '{0}'"),
        ["import.reason.unknownDepartment"] = new("неизвестное управление «{0}»", "белгісіз басқарма «{0}»", "unknown department '{0}'"),
        ["import.reason.unknownOrganisation"] = new("неизвестная организация «{0}»", "белгісіз ұйым «{0}»", "unknown organisation '{0}'"),
        ["import.reason.unknownLanguage"] = new("неизвестный язык «{0}» (ru, kk, en, mixed)", "белгісіз тіл «{0}» (ru, kk, en, mixed)", "unknown language '{0}' (ru, kk, en, mixed)"),
        ["import.reason.unknownStatus"] = new("неизвестный статус «{0}»", "белгісіз мәртебе «{0}»", "unknown status '{0}'"),
        ["import.reason.closedButOpen"] = new("есть дата закрытия, но статус «{0}»", "жабылу күні бар, бірақ мәртебесі «{0}»", "a closing date, but the status is '{0}'"),
        ["import.reason.resolvedButOpen"] = new("есть дата решения, но статус «{0}»", "шешілу күні бар, бірақ мәртебесі «{0}»", "a resolution date, but the status is '{0}'"),
        ["import.reason.closedWithoutDate"] = new("статус «{0}», но нет даты закрытия", "мәртебесі «{0}», бірақ жабылу күні жоқ", "the status is '{0}' but there is no closing date"),
        ["import.reason.resolvedWithoutDate"] = new("статус «{0}», но нет даты решения", "мәртебесі «{0}», бірақ шешілу күні жоқ", "the status is '{0}' but there is no resolution date"),
        ["import.reason.closedBeforeCreated"] = new("закрыто раньше, чем поступило", "түскеннен бұрын жабылған", "closed before it was created"),
        ["import.reason.resolvedBeforeCreated"] = new("решено раньше, чем поступило", "түскеннен бұрын шешілген", "resolved before it was created"),
        ["import.reason.closedBeforeResolved"] = new("закрыто раньше, чем решено", "шешілгеннен бұрын жабылған", "closed before it was resolved"),
        ["import.reason.dueBeforeCreated"] = new("срок раньше даты поступления", "мерзімі түскен күннен ерте", "the deadline is before the appeal was created"),
        ["import.reason.duplicateKey"] = new("ключ «{0}» повторяет строку {1}", "«{0}» кілті {1}-жолды қайталайды", "the key '{0}' repeats row {1}"),
    };

    /// <summary>A row error's reason in the reader's language.</summary>
    public static string Reason(Texts t, RowError e) => string.Format(System.Globalization.CultureInfo.CurrentCulture, t["import.reason." + e.Code], e.Args);

    /// <summary>A row error's reason in English, for the command line and its CSV report.</summary>
    public static string ReasonEn(RowError e) => string.Format(System.Globalization.CultureInfo.InvariantCulture, Texts.Get("import.reason." + e.Code).En, e.Args);

    public static string FileErrorEn(ImportFileException e) => string.Format(System.Globalization.CultureInfo.InvariantCulture, Texts.Get("import.file." + e.Code).En, e.Args);
}
