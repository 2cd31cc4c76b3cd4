using System.Text;
using IKomek.Dashboard.Features.Import;

namespace IKomek.Dashboard.Tests.Features.Import;

public sealed class CsvRecordReaderTests
{
    private static async Task<List<CsvRecord>> ReadAllAsync(string text, char? delimiter = null)
    {
        var reader = new CsvRecordReader(new StringReader(text), delimiter);
        var records = new List<CsvRecord>();
        while (await reader.ReadAsync() is { } r) records.Add(r);
        return records;
    }

    [Fact]
    public async Task Read_QuotedFieldsWithDelimitersQuotesAndLineBreaks_KeepsThemWhole()
    {
        var records = await ReadAllAsync("a,b,c\r\n1,\"x, y\",\"he said \"\"hi\"\"\"\r\n2,\"line one\nline two\r\nline three\",z\r\n3,,\r\n");

        Assert.Equal(4, records.Count);
        Assert.Equal(["1", "x, y", "he said \"hi\""], records[1].Fields);
        Assert.Equal("line one\nline two\r\nline three", records[2].Fields[1]);
        Assert.Equal(["3", "", ""], records[3].Fields);
        Assert.All(records, r => Assert.Null(r.Error));
    }

    [Fact]
    public async Task Read_MultilineRecords_NumberEachRecordByThePhysicalLineItStartsOn()
    {
        var records = await ReadAllAsync("h1,h2\n1,\"a\nb\nc\"\n\n2,d\n3,\"e\r\nf\"\n4,g");

        Assert.Equal([1, 2, 6, 7, 9], records.Select(r => r.Line));
        Assert.Equal(["4", "g"], records[^1].Fields);
    }

    [Theory]
    [InlineData("a;b;c\n1;2,5;3\n", ';')]
    [InlineData("a,b,c\n1,2;5,3\n", ',')]
    [InlineData("\"x;y\",b,c\n1,2,3\n", ',')]
    public async Task Read_WithoutAGivenDelimiter_FindsItInTheHeader(string text, char expected)
    {
        var reader = new CsvRecordReader(new StringReader(text));
        var header = await reader.ReadAsync();
        var row = await reader.ReadAsync();

        Assert.Equal(expected, reader.Delimiter);
        Assert.Equal(3, header!.Fields.Count);
        Assert.Equal(3, row!.Fields.Count);
    }

    [Fact]
    public async Task Read_Utf8WithAndWithoutBom_KeepsCyrillicAndKazakhLettersUntouched()
    {
        const string text = "описание,адрес\nПәтерде жылу жоқ ёлка,\"ул. Қабанбай батыр, 5\"\n";
        foreach (var bom in new[] { true, false })
        {
            var bytes = new UTF8Encoding(bom).GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray();
            using var stream = new StreamReader(new MemoryStream(bytes), new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
            var reader = new CsvRecordReader(stream);
            var header = await reader.ReadAsync();
            var row = await reader.ReadAsync();

            Assert.Equal("описание", header!.Fields[0]);
            Assert.Equal(["Пәтерде жылу жоқ ёлка", "ул. Қабанбай батыр, 5"], row!.Fields);
        }
    }

    [Fact]
    public async Task Read_MalformedRecords_ReportTheirErrorAndTheReaderCarriesOn()
    {
        var records = await ReadAllAsync("a,b\n1,x\"y\n2,\"q\"z\n3,ok\n4,\"never closed\n5,lost", ',');

        Assert.Equal((2, CsvRecord.StrayQuote, 1), (records[1].Line, records[1].Error, records[1].ErrorField));
        Assert.Equal((3, CsvRecord.TextAfterQuote, 1), (records[2].Line, records[2].Error, records[2].ErrorField));
        Assert.Equal(["3", "ok"], records[3].Fields);
        Assert.Null(records[3].Error);
        Assert.Equal((5, CsvRecord.UnclosedQuote), (records[4].Line, records[4].Error));
        Assert.Equal(5, records.Count);
    }

    [Fact]
    public async Task Read_OversizedRecord_IsRefusedAndTheNextLineIsReadAgain()
    {
        var huge = new string('x', CsvRecordReader.MaxRecordChars + 10);
        var records = await ReadAllAsync($"a,b\n1,\"{huge}\n2,fine\n", ',');

        Assert.Equal(CsvRecord.TooLong, records[1].Error);
        Assert.Equal(["2", "fine"], records[2].Fields);
        Assert.Equal(3, records[2].Line);
    }
}
