using Microsoft.Extensions.Localization;
using MudBlazor;

namespace IKomek.Dashboard.Platform.Localization;

/// <summary>
/// MudBlazor's own words (pagers, grid menus, dialogs) in the reader's language: MudBlazor ships English only. A key
/// without a Russian or Kazakh text here, or an English reader, falls back to MudBlazor's English.
/// </summary>
public sealed class MudTexts(Texts texts) : MudLocalizer
{
    // MudBlazor's resource names; the values take MudBlazor's own placeholders ({0} ...).
    public static readonly Dictionary<string, Text> Entries = new()
    {
        ["MudDataGridPager_RowsPerPage"] = new("Строк на странице:", "Беттегі жолдар:", "Rows per page:"),
        ["MudDataGridPager_InfoFormat"] = new("{0}–{1} из {2}", "{2} ішінен {0}–{1}", "{0}-{1} of {2}"),
        ["MudDataGridPager_AllItems"] = new("Все", "Барлығы", "All"),
        ["MudDataGridPager_FirstPage"] = new("Первая страница", "Бірінші бет", "First page"),
        ["MudDataGridPager_PreviousPage"] = new("Предыдущая страница", "Алдыңғы бет", "Previous page"),
        ["MudDataGridPager_NextPage"] = new("Следующая страница", "Келесі бет", "Next page"),
        ["MudDataGridPager_LastPage"] = new("Последняя страница", "Соңғы бет", "Last page"),
        ["MudTablePager_FirstPage"] = new("Первая страница", "Бірінші бет", "First page"),
        ["MudTablePager_PreviousPage"] = new("Предыдущая страница", "Алдыңғы бет", "Previous page"),
        ["MudTablePager_NextPage"] = new("Следующая страница", "Келесі бет", "Next page"),
        ["MudTablePager_LastPage"] = new("Последняя страница", "Соңғы бет", "Last page"),
        ["MudPagination_FirstPage"] = new("Первая страница", "Бірінші бет", "First page"),
        ["MudPagination_PreviousPage"] = new("Предыдущая страница", "Алдыңғы бет", "Previous page"),
        ["MudPagination_NextPage"] = new("Следующая страница", "Келесі бет", "Next page"),
        ["MudPagination_LastPage"] = new("Последняя страница", "Соңғы бет", "Last page"),
        ["MudPagination_PageIndex"] = new("Страница {0}", "{0}-бет", "Page {0}"),
        ["MudPagination_CurrentPage"] = new("Текущая страница {0}", "Ағымдағы бет {0}", "Current page {0}"),
        ["MudDataGrid_Loading"] = new("Загрузка…", "Жүктелуде…", "Loading…"),
        ["MudTable_Loading"] = new("Загрузка…", "Жүктелуде…", "Loading…"),
        ["MudDataGrid_Filter"] = new("Фильтр", "Сүзгі", "Filter"),
        ["MudDataGrid_FilterValue"] = new("Значение фильтра", "Сүзгі мәні", "Filter value"),
        ["MudDataGrid_ClearFilter"] = new("Сбросить фильтр", "Сүзгіні тазалау", "Clear filter"),
        ["MudDataGrid_Contains"] = new("содержит", "құрамында бар", "contains"),
        ["MudDataGrid_NotContains"] = new("не содержит", "құрамында жоқ", "not contains"),
        ["MudDataGrid_Equals"] = new("равно", "тең", "equals"),
        ["MudDataGrid_NotEquals"] = new("не равно", "тең емес", "not equals"),
        ["MudDataGrid_StartsWith"] = new("начинается с", "басталады", "starts with"),
        ["MudDataGrid_EndsWith"] = new("заканчивается на", "аяқталады", "ends with"),
        ["MudDataGrid_IsEmpty"] = new("пусто", "бос", "is empty"),
        ["MudDataGrid_IsNotEmpty"] = new("не пусто", "бос емес", "is not empty"),
        ["MudDataGrid_Sort"] = new("Сортировать", "Сұрыптау", "Sort"),
        ["MudDataGrid_Unsort"] = new("Без сортировки", "Сұрыптаусыз", "Unsort"),
        ["MudDataGrid_Apply"] = new("Применить", "Қолдану", "Apply"),
        ["MudDataGrid_Cancel"] = new("Отмена", "Болдырмау", "Cancel"),
        ["MudDataGrid_Clear"] = new("Очистить", "Тазалау", "Clear"),
        ["MudDataGrid_Value"] = new("Значение", "Мән", "Value"),
        ["MudDataGrid_Operator"] = new("Условие", "Шарт", "Operator"),
        ["MudDataGrid_Column"] = new("Столбец", "Баған", "Column"),
        ["MudDataGrid_Columns"] = new("Столбцы", "Бағандар", "Columns"),
        ["MudDataGrid_Hide"] = new("Скрыть", "Жасыру", "Hide"),
        ["MudDataGrid_ShowAll"] = new("Показать все", "Барлығын көрсету", "Show all"),
        ["MudDataGrid_HideAll"] = new("Скрыть все", "Барлығын жасыру", "Hide all"),
        ["MudDataGrid_True"] = new("да", "иә", "true"),
        ["MudDataGrid_False"] = new("нет", "жоқ", "false"),
        ["MudDialog_Close"] = new("Закрыть", "Жабу", "Close"),
        ["MudSnackbar_Close"] = new("Закрыть", "Жабу", "Close"),
        ["MudAlert_Close"] = new("Закрыть", "Жабу", "Close"),
        ["MudChip_Close"] = new("Убрать", "Алып тастау", "Remove"),
        ["MudInput_Clear"] = new("Очистить", "Тазалау", "Clear"),
        ["MudSelect_SelectAll"] = new("Выбрать все", "Барлығын таңдау", "Select all"),
        ["MudBaseDatePicker_Open"] = new("Открыть календарь", "Күнтізбені ашу", "Open calendar"),
        ["MudBaseDatePicker_PrevMonth"] = new("Предыдущий месяц", "Алдыңғы ай", "Previous month"),
        ["MudBaseDatePicker_NextMonth"] = new("Следующий месяц", "Келесі ай", "Next month"),
        ["MudBaseDatePicker_PrevYear"] = new("Предыдущий год", "Алдыңғы жыл", "Previous year"),
        ["MudBaseDatePicker_NextYear"] = new("Следующий год", "Келесі жыл", "Next year"),
        ["MudFileUpload_Button"] = new("Выбрать файл", "Файлды таңдау", "Choose file"),
    };

    public override LocalizedString this[string key] => Find(key) is { } text
        ? new LocalizedString(key, text)
        : new LocalizedString(key, key, resourceNotFound: true);

    public override LocalizedString this[string key, params object[] arguments] => Find(key) is { } text
        ? new LocalizedString(key, string.Format(System.Globalization.CultureInfo.CurrentCulture, text, arguments))
        : new LocalizedString(key, key, resourceNotFound: true);

    // English readers get MudBlazor's own English; the table's English column documents the key.
    private string? Find(string key) =>
        texts.Language != "en" && Entries.TryGetValue(key.Replace('.', '_'), out var t) ? texts.Pick(t.Ru, t.Kk, t.En) : null;
}
