using CsvHelper;

namespace IKomek.Dashboard.Platform.Csv;

/// <summary>
/// Writes CSV records (CsvHelper underneath), streaming: RFC 4180 quoting (fields with the delimiter, a quote or a line
/// break are quoted, quotes doubled), UTF-8, CRLF line ends unless told otherwise. A text field that a spreadsheet would
/// run as a formula (it starts with = + - @, a tab or a CR) gets an apostrophe in front (and is quoted), which Excel
/// shows as text; so does one that would look escaped already, so that <see cref="CsvRowReader"/> with
/// unescapeFormulas gives back every text exactly as it was.
/// </summary>
public sealed class CsvRowWriter : IAsyncDisposable, IDisposable
{
    private readonly CsvWriter _csv;

    private CsvRowWriter(CsvWriter csv) => _csv = csv;

    /// <param name="byteOrderMark">Start with a UTF-8 byte order mark (Excel then reads the file as UTF-8).</param>
    public static CsvRowWriter Create(Stream output, bool byteOrderMark, string newLine = "\r\n", bool leaveOpen = false) =>
        new(CsvWriter.Create(output, Options(byteOrderMark, newLine), leaveOpen));

    public static CsvRowWriter Create(TextWriter output, string newLine = "\r\n", bool leaveOpen = false) =>
        new(CsvWriter.Create(output, Options(false, newLine), leaveOpen));

    /// <summary>
    /// A writer with another separator (';' as Russian spreadsheets write) and no formula escaping: a file written as
    /// another system exports, to be read by a program (a longitude -87.6 stays -87.6).
    /// </summary>
    public static CsvRowWriter CreatePlain(TextWriter output, char separator, string newLine = "\r\n", bool leaveOpen = false) =>
        new(CsvWriter.Create(output, Options(false, newLine) with { Separator = separator, Injection = CsvInjection.None }, leaveOpen));

    /// <summary>A writer of a new file (an existing one is overwritten), which it closes when disposed.</summary>
    public static CsvRowWriter ToFile(string path, bool byteOrderMark, string newLine = "\r\n") =>
        new(CsvWriter.ToFile(path, Options(byteOrderMark, newLine)));

    private static CsvWriterOptions Options(bool byteOrderMark, string newLine) => CsvWriterOptions.Default with
    {
        WriteByteOrderMark = byteOrderMark,
        NewLine = newLine,
        // CsvHelper's defaults are OWASP's formula starters (= + - @, tab, CR) and the apostrophe as the escape.
        Injection = CsvInjection.Escape,
        // Reports and exports may hold rows of other widths (a header and rows are still checked by their readers).
        ValidateFieldCount = false,
    };

    /// <summary>One record; null fields are written empty.</summary>
    public void Write(params ReadOnlySpan<string?> fields)
    {
        foreach (var f in fields) _csv.WriteField(EscapeApostrophe(f));
        _csv.EndRecord();
    }

    /// <summary>One record, flushing to the destination asynchronously when the buffer is mostly full.</summary>
    public async ValueTask WriteAsync(string?[] fields, CancellationToken ct = default)
    {
        foreach (var f in fields) _csv.WriteField(EscapeApostrophe(f));
        await _csv.EndRecordAsync(ct);
    }

    /// <summary>The characters after which a leading apostrophe is taken for the writer's escape (CsvHelper's defaults).</summary>
    public const string FormulaStarters = "=+-@\t\r";

    /// <summary>
    /// A text that already starts like an escaped formula (an apostrophe, then a formula starter or another apostrophe)
    /// gets a second apostrophe, so that every such field can be undone (<see cref="Unescape"/>) and Excel still shows
    /// the text as it was. CsvHelper cannot do this one: its escape cannot be one of its injection characters.
    /// </summary>
    private static string? EscapeApostrophe(string? field) => field is ['\'', var next, ..] && IsEscapedStarter(next) ? "'" + field : field;

    /// <summary>A field as it was before this writer escaped it.</summary>
    public static string Unescape(string field) => field is ['\'', var next, ..] && IsEscapedStarter(next) ? field[1..] : field;

    private static bool IsEscapedStarter(char c) => c == '\'' || FormulaStarters.Contains(c);

    public ValueTask FlushAsync(CancellationToken ct = default) => _csv.FlushAsync(ct);

    public ValueTask DisposeAsync() => _csv.DisposeAsync();

    public void Dispose() => _csv.Dispose();
}
