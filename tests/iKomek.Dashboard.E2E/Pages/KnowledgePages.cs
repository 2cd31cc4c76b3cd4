using IKomek.Dashboard.E2E.Infrastructure;
using Microsoft.Playwright;

namespace IKomek.Dashboard.E2E.Pages;

/// <summary>Page object of the knowledge base's search (/kb): a search field and the articles found.</summary>
public sealed class KnowledgeSearchPage(IPage page) : AppPage(page)
{
    public const string Path = "/kb";

    public static Task<KnowledgeSearchPage> OpenAsync(DashboardFixture fixture, string signedInAs, int width = 1920, int height = 1080) =>
        OpenAsync(fixture, Path, p => new KnowledgeSearchPage(p), signedInAs, width, height);

    protected override ILocator ReadyMarker => Search;

    public ILocator Search => Page.Locator("input[data-testid=kb-search], [data-testid=kb-search] input").First;

    public ILocator Articles => Page.GetByTestId("kb-results").GetByTestId("kb-article");

    public ILocator Article(long id) => Page.Locator($"[data-testid=kb-article][data-article='{id}']");
}

/// <summary>Page object of the editors' review (/kb/review): the articles of one status, each edited, published or archived.</summary>
public sealed class KnowledgeReviewPage(IPage page) : AppPage(page)
{
    public const string Path = "/kb/review";

    public static Task<KnowledgeReviewPage> OpenAsync(DashboardFixture fixture, string signedInAs, int width = 1920, int height = 1080) =>
        OpenAsync(fixture, Path, p => new KnowledgeReviewPage(p), signedInAs, width, height);

    protected override ILocator ReadyMarker => Page.GetByTestId("kb-statuses");

    public ILocator Article(long id) => Page.Locator($"[data-testid=kb-article][data-article='{id}']");

    public ILocator Editor => Page.GetByTestId("kb-editor");

    public ILocator Field(string testId) => Editor.Locator($"textarea[data-testid={testId}], [data-testid={testId}] textarea").First;
}

/// <summary>Page object of the operator's new appeal form (/appeals/new) with the knowledge base's answers beside it.</summary>
public sealed class IntakeFormPage(IPage page) : AppPage(page)
{
    public const string Path = "/appeals/new";

    public static Task<IntakeFormPage> OpenAsync(DashboardFixture fixture, string signedInAs, int width = 1920, int height = 1080) =>
        OpenAsync(fixture, Path, p => new IntakeFormPage(p), signedInAs, width, height);

    protected override ILocator ReadyMarker => Page.GetByTestId("intake-form");

    public ILocator Text => Page.Locator("textarea[data-testid=intake-text], [data-testid=intake-text] textarea").First;

    public ILocator Suggestions => Page.GetByTestId("kb-suggestions");

    public ILocator Suggestion(long id) => Suggestions.Locator($"[data-testid=kb-article][data-article='{id}']");

    public ILocator Register => Page.GetByTestId("intake-register");

    public ILocator Error => Page.GetByTestId("intake-error");
}
