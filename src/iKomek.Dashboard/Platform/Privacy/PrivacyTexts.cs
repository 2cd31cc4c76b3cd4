using IKomek.Dashboard.Platform.Localization;

namespace IKomek.Dashboard.Platform.Privacy;

/// <summary>What the redactor puts where a resident's personal data was, in the reader's language.</summary>
[UiTexts]
internal static class PrivacyTexts
{
    public static readonly Dictionary<string, Text> Entries = new()
    {
        ["privacy.phone"] = new("[телефон скрыт]", "[телефон жасырылған]", "[phone hidden]"),
        ["privacy.email"] = new("[e-mail скрыт]", "[e-mail жасырылған]", "[e-mail hidden]"),
        ["privacy.name"] = new("[имя скрыто]", "[аты жасырылған]", "[name hidden]"),
        ["privacy.flat"] = new("[квартира скрыта]", "[пәтер жасырылған]", "[flat hidden]"),
        ["privacy.iin"] = new("[ИИН скрыт]", "[ЖСН жасырылған]", "[IIN hidden]"),
        ["privacy.searchRefused"] = new(
            "Поиск по телефону, e-mail, ИИН, имени или квартире доступен после входа операторам, аналитикам и администраторам.",
            "Телефон, e-mail, ЖСН, аты немесе пәтер бойынша іздеу кіргеннен кейін операторларға, талдаушыларға және әкімшілерге қолжетімді.",
            "Searching by phone, e-mail, IIN, name or flat is open to signed-in operators, analysts and administrators."),
    };
}
