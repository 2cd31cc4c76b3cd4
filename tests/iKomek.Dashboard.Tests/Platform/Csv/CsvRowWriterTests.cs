using System.Text;
using IKomek.Dashboard.Platform.Csv;

namespace IKomek.Dashboard.Tests.Platform.Csv;

public sealed class CsvRowWriterTests
{
    private static async Task<byte[]> WriteAsync(bool bom, params string?[][] rows)
    {
        var bytes = new MemoryStream();
        await using (var writer = CsvRowWriter.Create(bytes, bom, leaveOpen: true))
        {
            foreach (var r in rows) await writer.WriteAsync(r);
        }
        return bytes.ToArray();
    }

    [Fact]
    public async Task Write_QuotesWhatNeedsItDoublesQuotesAndEndsRecordsWithCrLf()
    {
        var bytes = await WriteAsync(false, ["a", "b,c", "he said \"hi\""], ["line\nbreak", null, "Пәтер"]);

        Assert.Equal("a,\"b,c\",\"he said \"\"hi\"\"\"\r\n\"line\nbreak\",,Пәтер\r\n", Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public async Task Write_WithByteOrderMark_StartsWithIt()
    {
        var bytes = await WriteAsync(true, ["x"]);

        Assert.Equal([0xEF, 0xBB, 0xBF, (byte)'x', (byte)'\r', (byte)'\n'], bytes);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+77010000000", "\"'+77010000000\"")]
    [InlineData("-1+1", "\"'-1+1\"")]
    [InlineData("@SUM(A1)", "\"'@SUM(A1)\"")]
    [InlineData("\tcmd", "\"'\tcmd\"")]
    [InlineData("\rcmd", "\"'\rcmd\"")]
    [InlineData("'=looks escaped", "''=looks escaped")]
    [InlineData("''", "'''")]
    [InlineData("'quoted'", "'quoted'")]
    [InlineData("=cmd|' /C calc'!A0", "\"'=cmd|' /C calc'!A0\"")]
    [InlineData("a=b", "a=b")]
    public async Task Write_TextThatASpreadsheetWouldRunAsAFormula_GetsAnApostropheInFront(string value, string written)
    {
        var bytes = await WriteAsync(false, [value]);

        Assert.Equal(written + "\r\n", Encoding.UTF8.GetString(bytes));
    }
}
