using Bunit;
using IKomek.Dashboard.Components.Layout;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace IKomek.Dashboard.Tests.Components;

public sealed class LanguageSwitchTests : MudContext
{
    [Fact]
    public void LanguageSwitch_OffersTheThreeLanguagesBackToTheSamePage()
    {
        Ctx.Services.GetRequiredService<NavigationManager>().NavigateTo("appeals?district=3");

        var cut = Ctx.Render<LanguageSwitch>();

        var nav = cut.Find("nav");
        Assert.Equal("Язык", nav.GetAttribute("aria-label"));
        var links = nav.QuerySelectorAll("a");
        Assert.Equal(["РУС", "ҚАЗ", "ENG"], links.Select(a => a.TextContent.Trim()));
        Assert.Equal("culture?ui=kk&redirect=%2Fappeals%3Fdistrict%3D3", links[1].GetAttribute("href"));
        // A full reload: the circuit must start again in the new language.
        Assert.All(links, a => Assert.Equal("_top", a.GetAttribute("target")));
        Assert.Equal("true", links[0].GetAttribute("aria-current"));
        Assert.Null(links[2].GetAttribute("aria-current"));
    }

    [Fact]
    public void LanguageSwitch_FollowsNavigation()
    {
        var nav = Ctx.Services.GetRequiredService<NavigationManager>();
        var cut = Ctx.Render<LanguageSwitch>();

        nav.NavigateTo("admin");

        cut.WaitForAssertion(() => Assert.EndsWith("redirect=%2Fadmin", cut.FindAll("a")[2].GetAttribute("href")));
    }
}
