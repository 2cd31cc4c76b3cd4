using IKomek.Dashboard.E2E.Infrastructure;
using Microsoft.Playwright;

namespace IKomek.Dashboard.E2E.Pages;

/// <summary>Page object of the managers' rating, the akim's leaderboard (/ratings), with its what-if panel.</summary>
public sealed class RatingsPage(IPage page) : AppPage(page)
{
    public const string Path = "/ratings";

    public static Task<RatingsPage> OpenAsync(DashboardFixture fixture, string? signedInAs = null, int width = 1920, int height = 1080) =>
        OpenAsync(fixture, Path, p => new RatingsPage(p), signedInAs, width, height);

    protected override ILocator ReadyMarker => Page.GetByTestId("ratings-count");

    /// <summary>How many department heads are rated.</summary>
    public Task<long> CountAsync() => StatAsync("ratings-count");

    public ILocator Chart => Page.GetByTestId("ratings-chart");

    /// <summary>The leaderboard's rows, one per manager (data-manager: the manager's id).</summary>
    public ILocator Rows => Page.GetByTestId("rating-row");

    /// <summary>The managers' names that open their desks.</summary>
    public ILocator DeskLinks => Page.GetByTestId("rating-desk-link");

    /// <summary>The what-if ranking's rows, best first.</summary>
    public ILocator WhatIfRows => Page.GetByTestId("what-if-row");

    /// <summary>The what-if rows that moved against the stored ranking.</summary>
    public ILocator WhatIfMoves => Page.GetByTestId("what-if-movement").Locator("span");

    /// <summary>Types a weight (kpi, projects, appeals, systemic) into the what-if panel.</summary>
    public async Task SetWeightAsync(string indicator, int percent)
    {
        var field = Page.GetByTestId("weight-" + indicator);
        await field.FillAsync(percent.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await field.BlurAsync();
    }

    /// <summary>The managers' ids in the what-if ranking's order.</summary>
    public async Task<IReadOnlyList<string>> WhatIfOrderAsync() =>
        await WhatIfRows.EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.manager)");

    /// <summary>The version of the weights the shown ranking was computed with.</summary>
    public ILocator WeightsVersion => Page.GetByTestId("rating-weights-version");

    /// <summary>An administrator keeps the weights typed in the what-if panel as a new version.</summary>
    public async Task SaveWeightsAsync(string reason)
    {
        await Page.GetByTestId("weights-reason").FillAsync(reason);
        await Page.GetByTestId("weights-save-button").ClickAsync();
    }

    public ILocator WeightsMessage => Page.GetByTestId("weights-message");
}
