using System.Globalization;
using IKomek.Dashboard.Platform.Privacy;

namespace IKomek.Dashboard.Tests.Platform.Privacy;

/// <summary>The redactor on texts as residents and operators write them, in Russian, Kazakh and English.</summary>
public sealed class PersonalDataTests
{
    private const string Phone = "[телефон скрыт]";

    private static string Ru(string text) => InCulture("ru-KZ", () => PersonalData.Redact(text)!);

    private static T InCulture<T>(string culture, Func<T> run)
    {
        var (ui, current) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo(culture);
        try { return run(); }
        finally { (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, current); }
    }

    [Theory]
    [InlineData("+7 701 123 45 67")]
    [InlineData("+7 (701) 123-45-67")]
    [InlineData("+77011234567")]
    [InlineData("8 701 123 45 67")]
    [InlineData("8 (701) 123-45-67")]
    [InlineData("8(701)123-45-67")]
    [InlineData("87011234567")]
    [InlineData("8-701-123-45-67")]
    [InlineData("8.701.123.45.67")]
    [InlineData("77011234567")]
    [InlineData("+7 777 123 4567")]
    [InlineData("701 123 45 67")]
    [InlineData("8 (7172) 55-66-77")]
    [InlineData("+7 7172 556677")]
    public void Redact_MasksKazakhstanPhonesInEveryCommonForm(string phone)
    {
        Assert.Equal($"Перезвоните по номеру {Phone}, пожалуйста.", Ru($"Перезвоните по номеру {phone}, пожалуйста."));
    }

    [Theory]
    [InlineData("Здравствуйте, меня зовут Айгерим. Нет отопления в кв. 16, тел. 8 (701) 123-45-67.",
        "Здравствуйте, меня зовут [имя скрыто]. Нет отопления в [квартира скрыта], тел. [телефон скрыт].")]
    [InlineData("Меня зовут Ержан Сейткали, живу в квартира №48. Почта erzhan.s@mail.kz",
        "Меня зовут [имя скрыто], живу в [квартира скрыта]. Почта [e-mail скрыт]")]
    [InlineData("Я — Гульнара Ахметова, ИИН 850312400123, кв 7а.", "Я — [имя скрыто], ИИН [ИИН скрыт], [квартира скрыта].")]
    [InlineData("Заявитель сообщает: течёт крыша. Зовут Марат. Звоните 87771234567", "Заявитель сообщает: течёт крыша. Зовут [имя скрыто]. Звоните [телефон скрыт]")]
    [InlineData("С уважением, Ольга.", "С уважением, [имя скрыто].")]
    [InlineData("здравствуйте, меня зовут асель. мусор во дворе", "здравствуйте, меня зовут [имя скрыто]. мусор во дворе")]
    [InlineData("меня зовут марат ахметов, нет света", "меня зовут [имя скрыто], нет света")]
    [InlineData("атым бауыржан, жарық жоқ", "атым [имя скрыто], жарық жоқ")]
    [InlineData("hi, my name is dana and the lift is broken", "hi, my name is [имя скрыто] and the lift is broken")]
    // Kazakh: the number before the word for a flat, and the names a Kazakh writer introduces.
    [InlineData("Сәлеметсіз бе! Менің атым Асель. 16-пәтерде жылу жоқ. Телефоным: +7 747 555 12 34.",
        "Сәлеметсіз бе! Менің атым [имя скрыто]. [квартира скрыта] жылу жоқ. Телефоным: [телефон скрыт].")]
    [InlineData("Атым Бауыржан, пәтер 102, нөмірім 8 705 111 22 33", "Атым [имя скрыто], [квартира скрыта], нөмірім [телефон скрыт]")]
    // English.
    [InlineData("Hello, my name is John Smith. I live in flat 16. Call me at +7 708 765 43 21 or john.smith@example.com.",
        "Hello, my name is [имя скрыто]. I live in [квартира скрыта]. Call me at [телефон скрыт] or [e-mail скрыт].")]
    [InlineData("I am Dana, apt. 5b; apartment 210", "I am [имя скрыто], [квартира скрыта]; [квартира скрыта]")]
    public void Redact_MasksWhatIsPersonalAndKeepsTheRest(string text, string expected)
    {
        Assert.Equal(expected, Ru(text));
    }

    [Theory]
    [InlineData("Обращение 109-2026-0001234 повторно, ранее 2026-000123.")]
    [InlineData("ул. Кенесары, 40, подъезд 3, этаж 5. Дом 12/1.")]
    [InlineData("С 31.03.2026 с 14:00 нет воды, уже 3 дня. 2026-03-31T14:00:00+05:00")]
    [InlineData("Штраф 150 000 тг, ущерб 87 000 000 000 тенге, 7 500 000 ₸.")]
    [InlineData("Площадь 54,5 кв. м, участок 600 кв.м, 120 кв м.")]
    [InlineData("KPI 78,5 % при цели 90 %, 1 250 обращений, 4 600 000 за три года; план на 2 кв. 2026 г.")]
    [InlineData("I am writing about the heating. My name is not important. I am 70 years old.")]
    [InlineData("Зовут жители дома. Я - пенсионер. Линия 10 кВ, 2 квартиры без света, 5 пәтерде су жоқ.")]
    public void Redact_LeavesNumbersAndWordsThatAreNotPersonal(string text)
    {
        Assert.Equal(text, Ru(text));
        Assert.False(PersonalData.Contains(text));
    }

    [Theory]
    [InlineData("ул. Кенесары, 40, кв. 16", "ул. Кенесары, 40")]
    [InlineData("пр. Мангилик Ел 55/20 кв 301", "пр. Мангилик Ел 55/20")]
    [InlineData("Сарайшық көшесі, 5, 12-пәтер", "Сарайшық көшесі, 5")]
    [InlineData("Kabanbay Batyr Ave 11, apt. 42, entrance 2", "Kabanbay Batyr Ave 11")]
    [InlineData("ул. Петрова, 54", "ул. Петрова, 54")]
    [InlineData("ул. Квартальная, 5", "ул. Квартальная, 5")]
    public void RedactAddress_KeepsStreetAndBuildingOnly(string address, string building)
    {
        Assert.Equal(building, PersonalData.RedactAddress(address));
        Assert.Null(PersonalData.RedactAddress(null));
    }

    [Fact]
    public void Redact_SpeaksTheReadersLanguage()
    {
        const string text = "Меня зовут Айгерим, кв. 5, +7 701 123 45 67, a@b.kz, 850312400123";
        Assert.Equal("Меня зовут [аты жасырылған], [пәтер жасырылған], [телефон жасырылған], [e-mail жасырылған], [ЖСН жасырылған]",
            InCulture("kk-KZ", () => PersonalData.Redact(text)));
        Assert.Equal("Меня зовут [name hidden], [flat hidden], [phone hidden], [e-mail hidden], [IIN hidden]",
            InCulture("en-US", () => PersonalData.Redact(text)));
    }
}
