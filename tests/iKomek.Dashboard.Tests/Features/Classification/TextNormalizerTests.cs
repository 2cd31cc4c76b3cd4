using IKomek.Dashboard.Features.Classification;

namespace IKomek.Dashboard.Tests.Features.Classification;

public sealed class TextNormalizerTests
{
    [Theory]
    [InlineData("Нет ОТОПЛЕНИЯ в квартире!!!", "нет отопления в квартире")]
    [InlineData("Всё ещё ЁЛКА", "все еще елка")]
    [InlineData("Пәтерде ЖЫЛУ жоқ. Құрметпен, Әлия", "пәтерде жылу жоқ құрметпен әлия")]
    [InlineData("No heating in the flat, PLEASE help", "no heating in the flat please help")]
    [InlineData("  много   пробелов\t\nи строк ", "много пробелов и строк")]
    public void Normalize_LowersCaseAndKeepsKazakhLetters(string text, string expected) =>
        Assert.Equal(expected, TextNormalizer.Normalize(text));

    [Theory]
    [InlineData("Мой номер +7 701 123 45 67.", "мой номер _tel_")]
    [InlineData("Перезвоните 8 (777) 123-45-67", "перезвоните _tel_")]
    [InlineData("Звоните 87011234567", "звоните _tel_")]
    [InlineData("Живу в кв. 57, подъезд 3", "живу в кв _flat_ подъезд _num_")]
    [InlineData("15-пәтерде тұрамын", "_flat_ пәтерде тұрамын")]
    [InlineData("Обращение 109-2026-0001234 не решено", "обращение _reg_ не решено")]
    [InlineData("дом 14а", "дом _num_ а")]
    public void Normalize_MasksPhonesFlatsAndRegistrationNumbers(string text, string expected) =>
        Assert.Equal(expected, TextNormalizer.Normalize(text));

    [Theory]
    [InlineData("<p>Нет <b>света</b></p>", "нет света")]
    [InlineData("<script>alert('лифт')</script>Сломан лифт", "сломан лифт")]
    [InlineData("<style>p { color: red }</style>Мусор &amp; грязь", "мусор грязь")]
    [InlineData("<SCRIPT src=x>никогда не закрыт", "")]
    public void Normalize_StripsHtmlAndScripts(string text, string expected) =>
        Assert.Equal(expected, TextNormalizer.Normalize(text));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("😡😡😡 🔥")]
    [InlineData("!!! ??? ...")]
    public void Normalize_NothingToRead_IsEmpty(string? text) => Assert.Equal("", TextNormalizer.Normalize(text));

    [Fact]
    public void Normalize_OnlyDigits_LeavesPlaceholdersOnly()
    {
        var words = TextNormalizer.Normalize("12345 678 9").Split(' ');
        Assert.All(words, w => Assert.True(TextNormalizer.IsPlaceholder(w), w));
    }

    [Fact]
    public void Normalize_VeryLongText_IsCut()
    {
        var text = string.Concat(Enumerable.Repeat("батарея ", 2000));
        Assert.True(TextNormalizer.Normalize(text).Length <= TextNormalizer.MaxChars);
    }
}
