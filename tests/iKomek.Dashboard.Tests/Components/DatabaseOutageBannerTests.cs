using Bunit;
using IKomek.Dashboard.Components.Layout;
using IKomek.Dashboard.Platform.Changes;
using Microsoft.Extensions.DependencyInjection;

namespace IKomek.Dashboard.Tests.Components;

public sealed class DatabaseOutageBannerTests : MudContext
{
    [Fact]
    public void Banner_ShowsWhileTheFeedIsLost_NotBeforeItFirstConnects_AndGoesAwayWhenItIsBack()
    {
        var feed = new ChangeFeed();
        Ctx.Services.AddSingleton(feed);
        var cut = Ctx.Render<DatabaseOutageBanner>();
        Assert.Empty(cut.FindAll("[data-testid=database-outage]"));

        feed.SetConnected(true);
        feed.SetConnected(false);
        cut.WaitForAssertion(() => Assert.Contains("Нет связи с базой данных", cut.Find("[data-testid=database-outage]").TextContent));
        Assert.Equal("alert", cut.Find("[data-testid=database-outage]").GetAttribute("role"));

        feed.SetConnected(true);
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=database-outage]")));
    }
}
