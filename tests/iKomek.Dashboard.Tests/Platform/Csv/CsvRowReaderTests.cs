using System.Text;
using IKomek.Dashboard.Platform.Csv;

namespace IKomek.Dashboard.Tests.Platform.Csv;

public sealed class CsvRowReaderTests
{
    private static Stream Utf8(string text, bool bom = false) => new MemoryStream(new UTF8Encoding(bom).GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray());

    private static async Task<List<CsvRecord>> ReadAllAsync(string text, char? delimiter = null) => await ReadAllAsync(Utf8(text), delimiter);

    private static async Task<List<CsvRecord>> ReadAllAsync(Stream input, char? delimiter = null, bool unescapeFormulas = false)
    {
        await using var reader = new CsvRowReader(input, delimiter, unescapeFormulas);
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
    [InlineData("a\tb\tc\n1\t2,5\t3\n", '\t')]
    public async Task Read_WithoutAGivenDelimiter_FindsItInTheFirstLines(string text, char expected)
    {
        await using var reader = new CsvRowReader(Utf8(text));
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
            var records = await ReadAllAsync(Utf8(text, bom));

            Assert.Equal("описание", records[0].Fields[0]);
            Assert.Equal(["Пәтерде жылу жоқ ёлка", "ул. Қабанбай батыр, 5"], records[1].Fields);
        }
    }

    [Fact]
    public async Task Read_FieldsWithSpacesAndRaggedRows_KeepsValuesAsWrittenAndTheFieldsEachRowHas()
    {
        var records = await ReadAllAsync("a,b,c\n  padded  ,\" quoted \",\t\n1,2\n1,2,3,4\n");

        Assert.Equal(["  padded  ", " quoted ", "\t"], records[1].Fields);
        Assert.Equal(["1", "2"], records[2].Fields);
        Assert.Equal(["1", "2", "3", "4"], records[3].Fields);
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

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Read_OversizedRecord_IsRefusedAndTheNextLineIsReadAgain(bool slowUpload)
    {
        var huge = new string('x', CsvRowReader.MaxRecordBytes + 10);
        var text = $"a,b\n1,\"{huge}\n2,fine\r\n\n3,\"two\nlines\"\n";
        // An upload arrives a few bytes at a time: the parser has then read less ahead when the record grows too long.
        var input = slowUpload ? new TrickleStream(Encoding.UTF8.GetBytes(text), 1000) : Utf8(text);

        var records = await ReadAllAsync(input, ',');

        Assert.Equal(CsvRecord.TooLong, records[1].Error);
        Assert.Equal(2, records[1].Line);
        Assert.Equal((3, 5), (records[2].Line, records[3].Line));
        Assert.Equal(["2", "fine"], records[2].Fields);
        Assert.Equal(["3", "two\nlines"], records[3].Fields);
        Assert.Equal(4, records.Count);
    }

    [Fact]
    public async Task Read_FileOfOurWriter_UnescapesWhatItEscapedAgainstFormulas()
    {
        string[] texts = ["=SUM(A1)", "-5 градусов", "+7 701", "@home", "\tс табуляцией", "'в кавычке'", "'=уже с апострофом", "''", "обычный"];
        var bytes = new MemoryStream();
        await using (var writer = CsvRowWriter.Create(bytes, byteOrderMark: true, leaveOpen: true))
        {
            await writer.WriteAsync(["text"]);
            foreach (var t in texts) await writer.WriteAsync([t]);
        }
        bytes.Position = 0;

        var records = await ReadAllAsync(bytes, unescapeFormulas: true);

        Assert.Equal(texts, records.Skip(1).Select(r => r.Fields.Single()));
    }

    /// <summary>Returns at most a few bytes per read.</summary>
    private sealed class TrickleStream(byte[] data, int chunk) : MemoryStream(data)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, chunk));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default) => base.ReadAsync(buffer[..Math.Min(buffer.Length, chunk)], ct);
    }
}
