using System.Globalization;
using Bunit;
using IKomek.Dashboard.Platform.Localization;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace IKomek.Dashboard.Tests.Components;

/// <summary>
/// A bUnit context for components drawn with MudBlazor: loose JS interop (MudBlazor calls its own scripts on render)
/// and asynchronous disposal, which MudBlazor's services require and xunit's synchronous Dispose cannot give.
/// </summary>
public abstract class MudContext : IAsyncLifetime
{
    protected BunitContext Ctx { get; } = new();

    protected MudContext()
    {
        // The panel's default language and number format, whatever the machine's locale.
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ru-KZ");
        Ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        Ctx.Services.AddMudServices();
        Ctx.Services.AddSingleton<Texts>();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Ctx.DisposeAsync();
}
