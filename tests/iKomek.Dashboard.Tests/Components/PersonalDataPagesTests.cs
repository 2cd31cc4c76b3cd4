using Bunit;
using IKomek.Dashboard.Features.Appeals;
using IKomek.Dashboard.Features.Intake;
using IKomek.Dashboard.Platform.City;
using IKomek.Dashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace IKomek.Dashboard.Tests.Components;

/// <summary>The appeal page decides, on the server, whether its reader receives the resident's personal data.</summary>
public sealed class PersonalDataPagesTests(DemoCityDatabase city) : MudComponentTest, IClassFixture<DemoCityDatabase>
{
    private const string Text = "Меня зовут Айгерим, звоните +7 701 765 43 21. Нет отопления в кв. 16.";
    private static string? _regNumber;
    private static readonly SemaphoreSlim Registered = new(1, 1);

    public override async Task InitializeAsync()
    {
        UseDatabase(city.DataSource);
        Context.Services.AddSingleton(new AstanaClock(city.Clock));
        Context.Services.AddSingleton(sp => new AppealLifecycle(city.DataSource, city.Clock));
        await Registered.WaitAsync();
        try
        {
            _regNumber ??= (await city.NewIntake().RegisterAsync(new NewAppeal(Text, 3, 1, 51.16, 71.47, Address: "ул. Проверочная, 79, кв. 16"))).RegNumber;
        }
        finally
        {
            Registered.Release();
        }
    }

    private IRenderedComponent<IComponent> AppealPage() => Context.Render(b =>
    {
        b.OpenComponent<MudPopoverProvider>(0);
        b.CloseComponent();
        b.OpenComponent<AppealDetailPage>(1);
        b.AddAttribute(2, nameof(AppealDetailPage.RegNumber), _regNumber);
        b.CloseComponent();
    });

    [Fact]
    public void AnAnonymousReader_ReadsTheTextAndAddressRedacted()
    {
        SignIn(null);
        var cut = AppealPage();

        cut.WaitForAssertion(() => Assert.Contains("Меня зовут [имя скрыто], звоните [телефон скрыт]. Нет отопления в [квартира скрыта].", cut.Markup));
        Assert.Contains("ул. Проверочная, 79", cut.Markup);
        foreach (var personal in new[] { "Айгерим", "701 765", "кв. 16" }) Assert.DoesNotContain(personal, cut.Markup);
    }

    [Fact]
    public void AnOperator_ReadsThemAsWritten()
    {
        SignIn("operator");
        var cut = AppealPage();

        cut.WaitForAssertion(() => Assert.Contains(Text, cut.Markup));
        Assert.Contains("ул. Проверочная, 79, кв. 16", cut.Markup);
    }
}
