using IKomek.Dashboard.E2E.Infrastructure;
using Microsoft.Playwright;

namespace IKomek.Dashboard.E2E.Pages;

/// <summary>Page object of a project's form (/projects/new, /projects/{code}/edit) and the parts under it.</summary>
public sealed class ProjectEditPage(IPage page) : AppPage(page)
{
    public const string NewPath = "/projects/new";

    public static Task<ProjectEditPage> OpenNewAsync(DashboardFixture fixture, string? signedInAs, int width = 1920, int height = 1080) =>
        OpenAsync(fixture, NewPath, p => new ProjectEditPage(p), signedInAs, width, height);

    /// <summary>The form reached by a save or a click, once it is ready.</summary>
    public static Task<ProjectEditPage> ReadyOnAsync(IPage page) => ReadyAsync(new ProjectEditPage(page));

    protected override ILocator ReadyMarker => Save;

    public ILocator Save => Page.GetByTestId("editing-save");

    public ILocator Errors => Page.GetByTestId("editing-errors");

    public ILocator PlanChanges => Page.GetByTestId("editing-plan-changes");

    public ILocator Milestones => Page.GetByTestId("editing-milestone");

    public ILocator Photos => Page.GetByTestId("editing-photo");

    public ILocator PhotoError => Page.GetByTestId("editing-photo-error");

    /// <summary>The input of a field by its test id (on the input itself or on the field around it).</summary>
    public ILocator Input(string testId) => Page.Locator($"input[data-testid={testId}], textarea[data-testid={testId}], [data-testid={testId}] input").First;

    /// <summary>A text or number field: typed, then left so that the form reads it.</summary>
    public async Task FillAsync(string testId, string value)
    {
        await Input(testId).FillAsync(value);
        await Input(testId).PressAsync("Tab");
    }

    /// <summary>A date field (dd.MM.yyyy): typed, then left so that it is read, its calendar closed.</summary>
    public async Task FillDateAsync(string testId, string value)
    {
        await Input(testId).FillAsync(value);
        await Input(testId).PressAsync("Tab");
        await Page.Keyboard.PressAsync("Escape");
    }

    /// <summary>A choice (a MudSelect) by its label, an option by its name.</summary>
    public Task ChooseAsync(string label, string option) => Shell.ChooseAsync(label, option);

    public async Task AddMilestoneAsync(string name, string due)
    {
        await FillAsync("editing-milestone-name", name);
        await FillDateAsync("editing-milestone-due", due);
        await Page.GetByTestId("editing-milestone-add").ClickAsync();
    }

    /// <summary>Chooses a photo; the upload starts at once. The input binds once the first render reached the browser, so it is set again if the page did not take it.</summary>
    public Task UploadPhotoAsync(FilePayload file) =>
        Page.Locator("input[type=file][data-testid=editing-photo-file], [data-testid=editing-photo-file] input[type=file]").First.SetInputFilesAsync(file);
}
