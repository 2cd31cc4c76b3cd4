using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace IKomek.Dashboard.Platform.Localization;

/// <summary>Russian by default, Kazakh and English switchable; numbers and dates always formatted for ru-KZ.</summary>
public static class CultureSettings
{
    public const string FormatCulture = "ru-KZ";
    public static readonly string[] UiLanguages = ["ru", "kk", "en"];

    public static RequestLocalizationOptions LocalizationOptions()
    {
        var format = new[] { new CultureInfo(FormatCulture) };
        return new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(FormatCulture, "ru"),
            SupportedCultures = format,
            SupportedUICultures = UiLanguages.Select(l => new CultureInfo(l)).ToList(),
            // Only our cookie decides; the browser's Accept-Language would switch the wall screen to English.
            RequestCultureProviders = [new CookieRequestCultureProvider()],
        };
    }
}
