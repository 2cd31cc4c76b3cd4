using System.Text;
using IKomek.Dashboard.Platform.Csv;

namespace IKomek.Dashboard.Tests.Platform.Csv;

/// <summary>Finding a file's encoding and checking the whole file in it, before anything reads a row.</summary>
public sealed class CsvEncodingTests
{
    private const string Text = "id,description\n1,Нет отопления в квартире, батареи холодные. Ёлка во дворе\n2,Яма на дороге у школы\n";

    static CsvEncodingTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static TheoryData<string, string, bool> Encodings => new()
    {
        { "utf-8", "utf-8", false }, { "utf-8", "utf-8", true }, { "utf-16", "utf-16le", true }, { "unicodeFFFE", "utf-16be", true },
        { "windows-1251", "windows-1251", false }, { "koi8-r", "koi8-r", false },
    };

    [Theory]
    [MemberData(nameof(Encodings))]
    public async Task File_InEachEncoding_IsFoundAndReadAsTheSameText(string dotnetName, string expected, bool bom)
    {
        var encoding = Encoding.GetEncoding(dotnetName);
        var bytes = (bom ? encoding.GetPreamble() : []).Concat(encoding.GetBytes(Text)).ToArray();

        var (utf8, found, source) = await CsvEncoding.OpenAsync(new MemoryStream(bytes), declared: null, CancellationToken.None);

        Assert.Equal(expected, found);
        Assert.Equal(Text, await new StreamReader(utf8, new UTF8Encoding(false, true)).ReadToEndAsync());
        Assert.NotNull(source);
    }

    [Fact]
    public async Task Utf8WithABrokenByte_IsRefusedWithItsLineAndByte()
    {
        var bytes = Encoding.UTF8.GetBytes(Text).ToList();
        var at = Encoding.UTF8.GetByteCount("id,description\n1,Нет отопления в квартире, батареи холодные. Ёлка во дворе\n2,Яма на ");
        bytes.Insert(at, 0xFF);

        var e = await Assert.ThrowsAsync<CsvEncodingException>(() => CsvEncoding.OpenAsync(new MemoryStream([.. bytes]), null, CancellationToken.None));

        Assert.Equal(("utf-8", 3L, (long)at, (byte)0xFF), (e.Encoding, e.Line, e.Offset, e.Value));
        Assert.Contains("byte 0xFF on line 3", e.Message);
    }

    [Fact]
    public async Task Windows1251File_DeclaredUtf8_IsRefused_NotReadAsReplacementCharacters()
    {
        var bytes = Encoding.GetEncoding("windows-1251").GetBytes(Text);

        var e = await Assert.ThrowsAsync<CsvEncodingException>(() => CsvEncoding.OpenAsync(new MemoryStream(bytes), "utf-8", CancellationToken.None));

        Assert.Equal(("utf-8", 2L), (e.Encoding, e.Line));
    }

    [Fact]
    public async Task Utf16WithALoneSurrogate_IsRefused()
    {
        byte[] utf16 = [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("id,description\n1,"), 0x00, 0xD8, (byte)'x', 0x00];

        var e = await Assert.ThrowsAsync<CsvEncodingException>(() => CsvEncoding.OpenAsync(new MemoryStream(utf16), null, CancellationToken.None));

        Assert.Equal(("utf-16le", 2L), (e.Encoding, e.Line));
    }

    [Fact]
    public void UnknownDeclaredEncoding_IsAnArgumentError()
    {
        var e = Assert.Throws<ArgumentException>(() => CsvEncoding.Normalize("latin-9"));
        Assert.Contains("encoding 'latin-9' is not one of utf-8, utf-16le, utf-16be, windows-1251, koi8-r", e.Message);
        Assert.Equal("windows-1251", CsvEncoding.Normalize("CP1251"));
    }
}
