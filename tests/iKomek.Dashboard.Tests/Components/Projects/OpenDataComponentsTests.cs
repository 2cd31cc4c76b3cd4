using System.Globalization;
using Bunit;
using IKomek.Dashboard.Features.Projects.OpenData;
using IKomek.Dashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace IKomek.Dashboard.Tests.Components.Projects;

/// <summary>The public view's card and page, for an anonymous reader, in the reader's language.</summary>
public sealed class OpenDataComponentsTests(DemoCityDatabase city) : MudComponentTest, IClassFixture<DemoCityDatabase>
{
    public override Task InitializeAsync()
    {
        UseDatabase(city.DataSource);
        Context.Services.AddSingleton<OpenDataQueries>();
        SignIn(null);
        return Task.CompletedTask;
    }

    private static OpenProject Project() =>
        new(7, "RD-007", "Реконструкция улицы", "Көшені реконструкциялау", "Reconstruction of a street", "roads", "esil", "transport_roads",
            "delayed", "Deputy Name", "Head Name", "2,4 км", new DateTime(2025, 5, 1), new DateTime(2026, 10, 1), new DateTime(2026, 12, 1),
            new DateTime(2025, 5, 10), null, 1_250_000_000m, 42.5m, null, null, 2.4m, "km", 51.1, 71.4)
        {
            Results = [new OpenResult(7, "direct", "Дорога", "Жол", "Road", "км", 2.4m, 1m)],
            Photos = [new OpenPhoto(31, 7, new DateTime(2026, 3, 1), "Площадка"), new OpenPhoto(32, 7, new DateTime(2026, 3, 2), "")],
        };

    [Fact]
    public void Card_ShowsWhatIsPublished_WithThumbnailsFromThePhotoAddress()
    {
        var cut = Context.Render<OpenProjectCard>(p => p.Add(c => c.Project, Project()).Add(c => c.DistrictName, "Есиль"));

        Assert.Equal("Реконструкция улицы", cut.Find("[data-testid=open-project-name]").TextContent);
        Assert.Equal("/projects/photos/31/thumb", cut.Find("[data-testid=open-photo]").GetAttribute("src"));
        Assert.Contains(cut.FindAll("img"), i => i.GetAttribute("src") == "/projects/photos/32/thumb");
        Assert.Equal("2,4 км", cut.Find("[data-testid=open-scope]").TextContent);
        Assert.Contains("прогноз 01.12.2026", cut.Markup);
        Assert.Contains("1 250 млн ₸", cut.Markup.Replace('\u00a0', ' ').Replace('\u202f', ' '));
        var result = cut.Find(".results li").TextContent;
        Assert.Contains("Дорога", result);
        Assert.Contains("1 / 2,4 км", result);
    }

    [Fact]
    public void Card_InEnglish()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("en");

        var cut = Context.Render<OpenProjectCard>(p => p.Add(c => c.Project, Project()));

        Assert.Equal("Reconstruction of a street", cut.Find("[data-testid=open-project-name]").TextContent);
        Assert.Equal("Roads and transport", cut.Find("[data-testid=open-project-group]").TextContent);
        Assert.Equal("2,4 km", cut.Find("[data-testid=open-scope]").TextContent);
    }

    [Fact]
    public void Page_FiltersByGroupFromTheAddress_AndTheDownloadsKeepTheFilter()
    {
        var nav = Context.Services.GetRequiredService<NavigationManager>();
        nav.NavigateTo("open/projects?group=engineering");

        var cut = Context.Render(b =>
        {
            b.OpenComponent<MudPopoverProvider>(0);
            b.CloseComponent();
            b.OpenComponent<OpenProjectsPage>(1);
            b.CloseComponent();
        });

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=open-project]")));
        Assert.All(cut.FindAll("[data-testid=open-project]"), e => Assert.Equal("engineering", e.GetAttribute("data-group")));
        Assert.Equal("open/projects.csv?group=engineering", cut.Find("[data-testid=open-csv]").GetAttribute("href"));
        Assert.Equal("open/projects.json?group=engineering", cut.Find("[data-testid=open-json]").GetAttribute("href"));
        Assert.DoesNotContain("Тест:", cut.Markup);
    }

    [Fact]
    public void Page_AnUnknownGroup_IsNamed_AndTheListShownWithoutIt()
    {
        var nav = Context.Services.GetRequiredService<NavigationManager>();
        nav.NavigateTo("open/projects?group=bridges");

        var cut = Context.Render(b =>
        {
            b.OpenComponent<MudPopoverProvider>(0);
            b.CloseComponent();
            b.OpenComponent<OpenProjectsPage>(1);
            b.CloseComponent();
        });

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=open-project]")));
        Assert.StartsWith("Направления «bridges» нет", cut.Find("[data-testid=open-error]").TextContent);
    }
}
