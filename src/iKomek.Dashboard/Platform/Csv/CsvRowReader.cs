using CsvHelper;

namespace IKomek.Dashboard.Platform.Csv;

/// <summary>
/// Reads CSV records one at a time from a stream (CsvHelper underneath): RFC 4180 quoting (delimiters, doubled quotes
/// and line breaks inside quoted fields), LF or CRLF, UTF-8 with or without a byte order mark (UTF-16 with one), the
/// delimiter (, ; tab or |) found from the first lines unless given. Every record, the header included, comes back
/// with the physical line it starts on, so a report can point at it. A malformed record (a stray quote, text after a
/// closing quote, an unclosed quote, a record over <see cref="MaxRecordBytes"/>) comes back with its error, and reading
/// goes on with the next one. Blank lines are skipped; ragged records keep the fields they have. Streams: memory holds
/// a buffer and the record being read.
/// </summary>
public sealed class CsvRowReader : IAsyncDisposable, IDisposable
{
    /// <summary>A record longer than this is refused: an unclosed quote would otherwise swallow the rest of the file.</summary>
    public const int MaxRecordBytes = 100_000;

    private readonly ReplayableStream _input;
    private readonly bool _unescapeFormulas;
    private readonly Dictionary<long, CsvMalformedReason> _malformed = [];
    private CsvReader _csv;
    private char? _delimiter;
    private long _records;        // records returned by the current CsvReader
    private long _lineBase;       // lines before the current CsvReader's input
    private long _byteBase;       // bytes before the current CsvReader's input
    private long _lastEnd;        // input offset where the last record returned ends (before its line break)

    /// <param name="delimiter">The delimiter; null: found from the first lines of the input.</param>
    /// <param name="unescapeFormulas">The file was written by <see cref="CsvRowWriter"/>: a field starting with an
    /// apostrophe had it put there to keep a spreadsheet from reading it as a formula, and loses it again.</param>
    public CsvRowReader(Stream input, char? delimiter = null, bool unescapeFormulas = false, bool leaveOpen = false)
    {
        _input = new ReplayableStream(input, leaveOpen);
        _delimiter = delimiter;
        _unescapeFormulas = unescapeFormulas;
        _csv = Open();
    }

    /// <summary>A reader of a file, which it closes when disposed.</summary>
    public static CsvRowReader OpenFile(string path, char? delimiter = null) =>
        new(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan), delimiter);

    /// <summary>The delimiter given, or the one found once the first record is read.</summary>
    public char Delimiter => _delimiter ?? ',';

    /// <summary>The next record, or null at the end of the input.</summary>
    public async ValueTask<CsvRecord?> ReadAsync(CancellationToken ct = default)
    {
        try
        {
            return await _csv.ReadAsync(ct) ? Current() : null;
        }
        catch (CsvFormatException e) when (e.Message.Contains(nameof(CsvReaderOptions.MaxRecordSize), StringComparison.Ordinal))
        {
            return await SkipOversizedAsync(e, ct);
        }
    }

    private CsvReader Open() => CsvReader.Create(_input, CsvReaderOptions.Default with
    {
        Separator = _delimiter,
        HasHeader = false,
        TrackLineNumbers = true,
        MaxRecordSize = MaxRecordBytes,
        PoolStrings = true,
        MalformedData = CsvMalformedDataHandling.Recover,
        FieldCountMismatch = CsvFieldCountHandling.Allow,
        OnMalformedRecord = m => _malformed[m.RecordNumber] = m.Reason,
    }, leaveOpen: true);

    private CsvRecord Current()
    {
        _records++;
        _delimiter ??= _csv.Separator;
        var start = _byteBase + _csv.ByteOffset;
        _input.Mark(start);
        var raw = _csv.RawRecord;
        _lastEnd = start + raw.Length;
        var line = checked((int)(_lineBase + _csv.LineNumber));
        if (raw.Length > MaxRecordBytes) return new CsvRecord(line, [], CsvRecord.TooLong);

        var fields = new string[_csv.FieldCount];
        for (var i = 0; i < fields.Length; i++)
        {
            var value = _csv.GetString(i);
            fields[i] = _unescapeFormulas ? CsvRowWriter.Unescape(value) : value;
        }
        if (!_malformed.Remove(_records, out var reason)) return new CsvRecord(line, fields);
        return reason switch
        {
            CsvMalformedReason.StrayQuote => new CsvRecord(line, fields, CsvRecord.StrayQuote, FieldAtFault(stray: true)),
            CsvMalformedReason.TextAfterClosingQuote => new CsvRecord(line, fields, CsvRecord.TextAfterQuote, FieldAtFault(stray: false)),
            CsvMalformedReason.UnterminatedQuote => new CsvRecord(line, fields, CsvRecord.UnclosedQuote),
            _ => new CsvRecord(line, fields),
        };
    }

    /// <summary>The first field with a quote inside an unquoted value (stray), or text after its closing quote.</summary>
    private int FieldAtFault(bool stray)
    {
        for (var i = 0; i < _csv.FieldCount; i++)
        {
            var raw = _csv.GetRawSpan(i);
            if (stray ? raw.Length > 0 && raw[0] != '"' && raw.Contains((byte)'"') : raw.Length > 0 && raw[0] == '"' && ClosingQuote(raw) < raw.Length - 1)
                return i;
        }
        return -1;
    }

    private static int ClosingQuote(ReadOnlySpan<byte> raw)
    {
        for (var i = 1; i < raw.Length; i++)
        {
            if (raw[i] != '"') continue;
            if (i + 1 < raw.Length && raw[i + 1] == '"') i++;
            else return i;
        }
        return raw.Length;
    }

    /// <summary>
    /// A record grew past <see cref="MaxRecordBytes"/> (an unclosed quote, most likely): it is reported, it ends at the
    /// first line break after that many bytes, and reading starts over on the next line with a fresh parser, replaying
    /// the bytes the first one had taken.
    /// </summary>
    private async ValueTask<CsvRecord> SkipOversizedAsync(CsvFormatException e, CancellationToken ct)
    {
        var line = _lineBase + e.LineNumber;
        // The oversized record starts after the last one returned and the blank lines after it.
        var start = _records == 0 ? _byteBase : _lastEnd;
        var kept = _input.KeptFrom(start);
        var skip = 0;
        while (skip < kept.Length && kept[skip] is (byte)'\r' or (byte)'\n') skip++;
        start += skip;

        _input.Rewind(start + MaxRecordBytes);
        var end = start + MaxRecordBytes;
        var buffer = new byte[4096];
        while (true)
        {
            var read = await _input.ReadAsync(buffer, ct);
            if (read == 0) break;
            var at = buffer.AsSpan(0, read).IndexOfAny((byte)'\n', (byte)'\r');
            if (at < 0)
            {
                end += read;
                continue;
            }
            end += at + 1;
            // CR LF is one line break: take the LF too when it is there.
            if (buffer[at] == '\r' && (at + 1 < read ? buffer[at + 1] == '\n' : await PeekLfAsync(end, ct))) end++;
            break;
        }
        var lineBreaks = LineBreaks(_input.KeptFrom(start)[..(int)(end - start)]);

        await _csv.DisposeAsync();
        _input.Rewind(end);
        _input.Mark(end);
        _malformed.Clear();
        _records = 0;
        _byteBase = end;
        _lastEnd = end;
        _lineBase = line - 1 + lineBreaks;
        _csv = Open();
        return new CsvRecord(checked((int)line), [], CsvRecord.TooLong);
    }

    private async ValueTask<bool> PeekLfAsync(long offset, CancellationToken ct)
    {
        var one = new byte[1];
        _input.Rewind(offset);
        return await _input.ReadAsync(one, ct) == 1 && one[0] == '\n';
    }

    private static int LineBreaks(ReadOnlySpan<byte> bytes)
    {
        var count = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == '\n' || (bytes[i] == '\r' && (i + 1 == bytes.Length || bytes[i + 1] != '\n'))) count++;
        }
        return count;
    }

    public async ValueTask DisposeAsync()
    {
        await _csv.DisposeAsync();
        await _input.DisposeAsync();
    }

    public void Dispose()
    {
        _csv.Dispose();
        _input.Dispose();
    }
}
