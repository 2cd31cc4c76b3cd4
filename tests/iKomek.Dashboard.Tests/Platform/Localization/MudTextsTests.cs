using System.Globalization;
using Bunit;
using IKomek.Dashboard.Platform.Localization;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace IKomek.Dashboard.Tests.Platform.Localization;

/// <summary>MudBlazor's built-in words follow the reader's language; English readers keep MudBlazor's own.</summary>
public sealed class MudTextsTests : IAsyncLifetime
{
    private readonly BunitContext _ctx = new();

    public MudTextsTests()
    {
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        _ctx.Services.AddMudServices();
        _ctx.Services.AddScoped<Texts>();
        _ctx.Services.AddTransient<MudLocalizer, MudTexts>();
    }

    [Theory]
    [InlineData("ru", "Строк на странице:", "Страница 3")]
    [InlineData("kk", "Беттегі жолдар:", "3-бет")]
    public void Localizer_KnownKey_GivesTheReadersLanguage(string language, string rowsPerPage, string page)
    {
        using var _ = new UiCulture(language);
        var localizer = new MudTexts(new Texts());

        Assert.Equal(rowsPerPage, localizer["MudDataGridPager_RowsPerPage"].Value);
        Assert.Equal(page, localizer["MudPagination_PageIndex", 3].Value);
        Assert.True(localizer["MudNoSuch_Key"].ResourceNotFound);
    }

    [Fact]
    public void Localizer_EnglishReader_FallsBackToMudBlazorsOwnWords()
    {
        using var _ = new UiCulture("en");

        Assert.True(new MudTexts(new Texts())["MudDataGridPager_RowsPerPage"].ResourceNotFound);
    }

    [Fact]
    public void DataGridPager_InRussian_ShowsRussianWordsAndNumbers()
    {
        using var _ = new UiCulture("ru");
        var items = Enumerable.Range(1, 25).ToList();

        var cut = _ctx.Render<MudDataGrid<int>>(p => p
            .Add(g => g.Items, items)
            .Add(g => g.RowsPerPage, 10)
            .Add(g => g.PagerContent, b => { b.OpenComponent<MudDataGridPager<int>>(0); b.CloseComponent(); }));

        Assert.Contains("Строк на странице:", cut.Markup);
        Assert.Contains("1–10 из 25", cut.Markup);
        Assert.Contains("Следующая страница", cut.Markup);
        Assert.DoesNotContain("Rows per page", cut.Markup);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _ctx.DisposeAsync();

    private sealed class UiCulture : IDisposable
    {
        private readonly CultureInfo _before = CultureInfo.CurrentUICulture;

        public UiCulture(string language) => CultureInfo.CurrentUICulture = new CultureInfo(language);

        public void Dispose() => CultureInfo.CurrentUICulture = _before;
    }
}
