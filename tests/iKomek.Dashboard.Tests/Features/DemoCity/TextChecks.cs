namespace IKomek.Dashboard.Tests.Features.DemoCity;

internal static class TextChecks
{
    private const string KazakhLetters = "әғқңөұүһіӘҒҚҢӨҰҮҺІ";

    public static bool HasKazakhLetter(string text) => text.AsSpan().IndexOfAny(KazakhLetters) >= 0;

    public static bool HasCyrillic(string text) => text.Any(c => c is >= 'А' and <= 'я');
}
