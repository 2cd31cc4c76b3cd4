using Bunit;
using IKomek.Dashboard.Features.Projects.Card;
using IKomek.Dashboard.Tests.Components;
using IKomek.Dashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace IKomek.Dashboard.Tests.Features.Projects.Card;

/// <summary>
/// The card decides on the server what its reader receives: the appeals near the site redacted for a reader without
/// the right to personal data, photos of a project that is not public for signed-in readers only; an unknown code is a clean "not found".
/// </summary>
public sealed class ProjectCardPageTests(DemoCityDatabase city) : MudComponentTest, IClassFixture<DemoCityDatabase>
{
    private const double Lat = 51.31, Lon = 71.11;
    private static string? _code;
    private static readonly SemaphoreSlim Placed = new(1, 1);

    public override async Task InitializeAsync()
    {
        UseDatabase(city.DataSource);
        Context.Services.AddSingleton(city.Clock);
        Context.Services.AddSingleton<ProjectCardQueries>();
        await Placed.WaitAsync();
        try
        {
            if (_code is not null) return;
            var (id, code) = await CardRows.ProjectAsync(city.DataSource, 5);
            var type = (await new IKomek.Dashboard.Platform.City.CityReference(city.DataSource, city.Clock).GetAsync()).ServiceTypes.Values.First().Code;
            await CardRows.PlaceAsync(city.DataSource, id, Lat, Lon, new DateTime(2025, 10, 1), type);
            await CardRows.AppealAsync(city.DataSource, "TEST-CARDPAGE-1", type, Lat, Lon, new DateTime(2026, 2, 10, 6, 0, 0));
            await using (var conn = await city.DataSource.OpenConnectionAsync())
                await Dapper.SqlMapper.ExecuteAsync(conn, "UPDATE projects SET is_public = false WHERE id = @id", new { id });
            await CardRows.PhotoAsync(city.DataSource, id, new DateTime(2026, 3, 1));
            _code = code;
        }
        finally
        {
            Placed.Release();
        }
    }

    private IRenderedComponent<IComponent> Card(string code) => Context.Render(b =>
    {
        b.OpenComponent<MudPopoverProvider>(0);
        b.CloseComponent();
        b.OpenComponent<ProjectCardPage>(1);
        b.AddAttribute(2, nameof(ProjectCardPage.Code), code);
        b.CloseComponent();
    });

    [Fact]
    public void AnonymousReader_AppealsNearTheSiteRedacted_NoPhotosOfAProjectThatIsNotPublic()
    {
        SignIn(null);
        var cut = Card(_code!);

        cut.WaitForAssertion(() => Assert.Contains("TEST-CARDPAGE-1", cut.Markup));
        Assert.Contains("[телефон скрыт]", cut.Markup);
        foreach (var personal in new[] { "234 5678", "кв. 12" }) Assert.DoesNotContain(personal, cut.Markup);
        Assert.Empty(cut.FindAll("[data-testid=card-photos]"));
        Assert.Single(cut.FindAll("[data-testid=card-photos-sign-in]"));
    }

    [Fact]
    public void Operator_ReadsTheAppealsAsWrittenAndSeesThePhotos()
    {
        SignIn("operator");
        var cut = Card(_code!);

        cut.WaitForAssertion(() => Assert.Contains("TEST-CARDPAGE-1", cut.Markup));
        Assert.Contains("+7 701 234 5678", cut.Markup);
        Assert.Single(cut.FindAll("[data-testid=card-photos] button.thumb"));
    }

    [Fact]
    public void DepartmentHead_ReadsAnotherDepartmentsCardWithTheAppealsRedacted()
    {
        SignIn("department_head");
        var cut = Card(_code!);

        cut.WaitForAssertion(() => Assert.Contains("TEST-CARDPAGE-1", cut.Markup));
        Assert.DoesNotContain("234 5678", cut.Markup);
        Assert.Single(cut.FindAll("[data-testid=card-passport]"));
    }

    [Fact]
    public void UnknownCode_NotFound()
    {
        SignIn(null);
        var cut = Card("NO-SUCH-PROJECT");

        cut.WaitForAssertion(() => Assert.Contains("Проекта с кодом «NO-SUCH-PROJECT» нет", cut.Markup));
        Assert.Empty(cut.FindAll("[data-testid=card-passport]"));
    }
}
