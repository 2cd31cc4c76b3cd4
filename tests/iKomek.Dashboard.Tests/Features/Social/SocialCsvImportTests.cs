using System.Text;
using Dapper;
using IKomek.Dashboard.Features.Social.Intake;
using IKomek.Dashboard.Platform.Audit;
using IKomek.Dashboard.Tests.Infrastructure;

namespace IKomek.Dashboard.Tests.Features.Social;

/// <summary>A monitoring service's CSV export: columns, bad rows by line, code pages, the audit, importing again.</summary>
public sealed class SocialCsvImportTests(DemoCityDatabase city) : IClassFixture<DemoCityDatabase>
{
    private SocialCsvImport Import() =>
        new(SocialCity.Intake(city, new Dictionary<string, int>()), SocialIntakeOptions.Default, new AuditLog(city.DataSource));

    private static MemoryStream File(string text, Encoding? encoding = null) => new((encoding ?? Encoding.UTF8).GetBytes(text));

    private const string Good = """
        network,external_id,author_handle,date,text,likes,shares,place
        telegram,csv-1,@a,2026-03-30T09:00:00+05:00,"Нет воды, третий день",1 200,30,
        telegram,csv-2,@b,30.03.2026,Темно во дворе,5,0,
        vk,csv-3,@c,2026-03-30T10:00:00+05:00,Мусор не вывозят,много,1,
        """;

    [Fact]
    public async Task AnExport_KeepsItsGoodRows_NamesTheBadOnesByLine_IsAudited_AndAgainAddsNothing()
    {
        var result = await Import().ImportAsync(File(Good), "export.csv", null, TestActors.Analyst);

        Assert.Null(result.FileError);
        Assert.Equal((3, 1, 2), (result.RowsRead, result.Added, result.Rejected));
        Assert.Equal(["3:posted_at:invalid_time", "4:reactions:not_count"], result.Errors.Select(e => $"{e.Line}:{e.Column}:{e.Code}"));
        Assert.Contains("line,column,code,description", SocialCsvImport.RejectsCsv(result.Errors));
        var audit = await AuditRows.AboutAsync(city.DataSource, "social_import", "export.csv");
        Assert.Equal(("analyst", AuditActions.SocialImport, "1"), (audit[^1].Actor, audit[^1].Action, audit[^1].Detail("added")));

        var again = await Import().ImportAsync(File(Good), "export.csv", null, TestActors.Analyst);
        Assert.Equal((0, 1), (again.Added, again.Updated));
        await using var conn = await city.DataSource.OpenConnectionAsync();
        Assert.Equal((1L, 1200), await conn.QuerySingleAsync<(long, int)>("SELECT count(*), max(reactions) FROM social_posts WHERE external_id = 'csv-1'"));
    }

    [Theory]
    [InlineData("network,external_id,author,posted_at,text,mood\n", "unknown column(s) mood")]
    [InlineData("network,external_id,author,text\n", "the column(s) posted_at are required")]
    [InlineData("", "the file is empty")]
    public async Task AFileWithoutItsColumns_IsRefusedWhole(string text, string why)
    {
        var result = await Import().ImportAsync(File(text), "bad.csv", null, TestActors.Analyst);

        Assert.Contains(why, result.FileError);
        Assert.Equal(0, result.Added);
    }

    [Fact]
    public async Task AWindows1251Export_IsReadAsSuch()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var text = "network,external_id,author,posted_at,text\ninstagram,csv-1251,@d,2026-03-30T09:00:00+05:00,Яма на дороге возле школы\n";

        var result = await Import().ImportAsync(File(text, Encoding.GetEncoding(1251)), "cp1251.csv", null, TestActors.Analyst);

        Assert.Equal(1, result.Added);
        await using var conn = await city.DataSource.OpenConnectionAsync();
        Assert.Equal("Яма на дороге возле школы", await conn.ExecuteScalarAsync<string>("SELECT body FROM social_posts WHERE external_id = 'csv-1251'"));
    }
}
