using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using IKomek.Dashboard.Platform.Access;
using IKomek.Dashboard.Platform.Http;
using IKomek.Dashboard.Platform.Localization;
using Microsoft.AspNetCore.Localization;
using MudBlazor.Services;
using IKomek.Dashboard.Platform.City;

namespace IKomek.Dashboard.Hosting;

public static class DashboardUiExtensions
{
    public static void AddDashboardUi(this WebApplicationBuilder builder)
    {
        // Serve package assets (MudBlazor, Plotly.Blazor, scoped CSS) from the build output in every environment, not only
        // Development: `dotnet run` is how the panel is started. A published app has them in wwwroot already.
        // From the build output MapStaticAssets would also watch the files for edits (ReloadStaticAssetsAtRuntime): it
        // sends every asset "no-cache", fingerprinted ones included, and takes a package file whose time stamp differs by
        // a second from its package's manifest (zip times) for an edited one, sent "compressed" at level 0. The panel is
        // run, not edited, from there: appsettings.json turns that off, and the build's headers and compressed copies
        // (package assets' too: build/PackageAssetsCompression.targets) are served as they are. Set it to true to see
        // edits of wwwroot without a rebuild.
        builder.WebHost.UseStaticWebAssets();
        builder.AddHttpHardening();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        // Write Cyrillic and Kazakh letters as they are, not as &#x...; entities: half the page weight.
        builder.Services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));
        builder.Services.AddMudServices();
        builder.Services.AddTransient<MudBlazor.MudLocalizer, MudTexts>();
        builder.Services.AddSingleton(CityClock.FromConfiguration(builder.Configuration));
        builder.Services.AddSingleton<AstanaClock>();
        builder.Services.AddScoped<Texts>();
    }

    public static void UseDashboardUi(this WebApplication app)
    {
        app.UseHttpHardening();
        if (!app.Environment.IsDevelopment()) app.UseExceptionHandler("/error", createScopeForErrors: true);
        app.UseRequestLocalization(CultureSettings.LocalizationOptions());
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapCultureSwitch();
    }

    /// <summary>Prints where the panel is once Kestrel listens.</summary>
    public static void LogReadyUrl(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var urls = string.Join(", ", app.Urls);
            app.Logger.LogInformation("iKomek City Control Panel is ready at {Urls}", urls);
        });
    }

    /// <summary>GET /culture?ui=kk&amp;redirect=/appeals stores the language in a cookie and goes back.</summary>
    private static void MapCultureSwitch(this WebApplication app) =>
        app.MapGet("/culture", (string ui, string? redirect, HttpContext http) =>
        {
            if (!CultureSettings.UiLanguages.Contains(ui)) return Results.BadRequest($"Unknown language '{ui}'");
            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(CultureSettings.FormatCulture, ui)),
                new CookieOptions { Expires = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax });
            // Only a page of this panel: "/\\evil.example" and "//evil.example" are other sites to a browser.
            return Results.LocalRedirect(ReturnUrl.Local(redirect));
        });
}
