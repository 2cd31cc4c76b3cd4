using System.Text;

namespace IKomek.Dashboard.Features.Import;

/// <summary>
/// Reads RFC 4180 records from a text stream: quoted fields with delimiters, doubled quotes and line breaks, LF or
/// CRLF line ends. Each record knows the physical line it starts on (the header is line 1), so a report can point at
/// it. A malformed record (a stray quote, an unclosed quote, an oversized record) is returned with its error and the
/// reader carries on with the next one. Streams: memory holds one buffer and one record.
/// </summary>
public sealed class CsvRecordReader(TextReader reader, char? delimiter = null)
{
    /// <summary>A record longer than this is refused (an unclosed quote would otherwise swallow the whole file).</summary>
    public const int MaxRecordChars = 100_000;

    private readonly char[] _buffer = new char[64 * 1024];
    private readonly StringBuilder _field = new();
    private int _length;
    private int _position;
    private int _line = 1;
    private bool _eof;

    /// <summary>The delimiter given, or the one found in the header line once the first record is read.</summary>
    public char Delimiter { get; private set; } = delimiter ?? ',';

    private bool _delimiterKnown = delimiter is not null;

    /// <summary>Characters read so far, for progress against the file's size.</summary>
    public long CharsRead { get; private set; }

    /// <summary>The next record, or null at the end of the file. Blank lines are skipped.</summary>
    public async ValueTask<CsvRecord?> ReadAsync(CancellationToken ct = default)
    {
        while (true)
        {
            if (!await FillAsync(ct)) return null;
            if (!_delimiterKnown)
            {
                var end = Array.IndexOf(_buffer, '\n', _position, _length - _position);
                Delimiter = DetectDelimiter(new string(_buffer, _position, (end < 0 ? _length : end) - _position));
                _delimiterKnown = true;
            }
            if (_buffer[_position] is '\n' or '\r')
            {
                await SkipLineEndAsync(ct);
                continue;
            }
            return await ReadRecordAsync(ct);
        }
    }

    private async ValueTask<CsvRecord> ReadRecordAsync(CancellationToken ct)
    {
        var startLine = _line;
        var fields = new List<string>();
        var chars = 0;
        string? error = null;
        var errorField = -1;
        _field.Clear();
        var quoted = false;       // inside a quoted field
        var wasQuoted = false;    // the current field was quoted and its closing quote seen
        while (true)
        {
            if (!await FillAsync(ct))
            {
                if (quoted) error ??= CsvRecord.UnclosedQuote;
                fields.Add(_field.ToString());
                return new CsvRecord(startLine, fields, error, errorField);
            }
            var c = _buffer[_position];
            if (++chars > MaxRecordChars && error is null)
            {
                error = CsvRecord.TooLong;
                quoted = false;
                _field.Clear();
            }
            if (quoted)
            {
                _position++;
                if (c == '"')
                {
                    if (!await FillAsync(ct) || _buffer[_position] != '"')
                    {
                        quoted = false;
                        wasQuoted = true;
                        continue;
                    }
                    _position++;
                }
                else if (c == '\n') _line++;
                if (error is null) _field.Append(c);
                continue;
            }
            if (c == Delimiter)
            {
                _position++;
                fields.Add(_field.ToString());
                _field.Clear();
                wasQuoted = false;
                continue;
            }
            if (c is '\n' or '\r')
            {
                await SkipLineEndAsync(ct);
                fields.Add(_field.ToString());
                return new CsvRecord(startLine, fields, error, errorField);
            }
            _position++;
            if (c == '"' && _field.Length == 0 && !wasQuoted)
            {
                quoted = true;
                continue;
            }
            if (wasQuoted || c == '"')
            {
                error ??= wasQuoted ? CsvRecord.TextAfterQuote : CsvRecord.StrayQuote;
                errorField = fields.Count;
            }
            if (error is null) _field.Append(c);
        }
    }

    private async ValueTask SkipLineEndAsync(CancellationToken ct)
    {
        if (_buffer[_position] == '\r')
        {
            _position++;
            if (await FillAsync(ct) && _buffer[_position] == '\n') _position++;
        }
        else _position++;
        _line++;
    }

    private async ValueTask<bool> FillAsync(CancellationToken ct)
    {
        if (_position < _length) return true;
        if (_eof) return false;
        _length = await reader.ReadAsync(_buffer, ct);
        _position = 0;
        CharsRead += _length;
        _eof = _length == 0;
        return !_eof;
    }

    /// <summary>
    /// The delimiter of a header line: ';' when it has more semicolons than commas outside quotes (the Russian Excel
    /// default), else ','.
    /// </summary>
    public static char DetectDelimiter(string headerLine)
    {
        int commas = 0, semicolons = 0;
        var quoted = false;
        foreach (var c in headerLine)
        {
            if (c == '"') quoted = !quoted;
            else if (!quoted && c == ',') commas++;
            else if (!quoted && c == ';') semicolons++;
        }
        return semicolons > commas ? ';' : ',';
    }
}

/// <summary>
/// One CSV record: the physical line it starts on, its fields, and what is wrong with it if it is malformed (one of
/// the error codes below; <paramref name="ErrorField"/> is the 0-based field at fault, or -1 for the whole record).
/// </summary>
public sealed record CsvRecord(int Line, IReadOnlyList<string> Fields, string? Error = null, int ErrorField = -1)
{
    public const string UnclosedQuote = "unclosedQuote";
    public const string TooLong = "recordTooLong";
    public const string TextAfterQuote = "textAfterQuote";
    public const string StrayQuote = "strayQuote";
}
