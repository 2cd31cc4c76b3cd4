using System.Text;

namespace IKomek.Dashboard.Platform.Csv;

/// <summary>A file that is not valid in its (declared or detected) encoding: where, and which byte.</summary>
public sealed class CsvEncodingException(string encoding, long line, long offset, byte value)
    : Exception($"the file is not valid {encoding}: byte 0x{value:X2} on line {line} (byte {offset + 1})")
{
    public string Encoding { get; } = encoding;
    public long Line { get; } = line;
    public long Offset { get; } = offset;
    public byte Value { get; } = value;
}

/// <summary>
/// The encodings a city's CSV export comes in: UTF-8 (with or without a byte order mark), UTF-16 LE or BE (with one),
/// and the two Cyrillic single-byte code pages, Windows-1251 and KOI8-R. <see cref="OpenAsync"/> finds the file's
/// encoding (or takes the declared one), checks the whole file in it before anything is read, and gives UTF-8 to
/// read: a file that is not valid in its encoding is refused with the line and byte, never read into U+FFFD.
/// </summary>
public static class CsvEncoding
{
    /// <summary>The names <see cref="OpenAsync"/> accepts as declared, and reports as detected.</summary>
    public static readonly IReadOnlyList<string> Names = ["utf-8", "utf-16le", "utf-16be", "windows-1251", "koi8-r"];

    private const int SampleBytes = 1 << 20;

    static CsvEncoding() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>A declared encoding's name as <see cref="Names"/> spells it ("utf-16": by its byte order mark); null when none
    /// is declared; an unknown name is an <see cref="ArgumentException"/>.</summary>
    public static string? Normalize(string? declared) => declared?.Trim().ToLowerInvariant() switch
    {
        null or "" => null,
        "utf8" or "utf-8" => "utf-8",
        "utf-16" or "utf16" => "utf-16",
        "utf-16le" or "utf-16be" or "windows-1251" or "koi8-r" => declared.Trim().ToLowerInvariant(),
        "cp1251" or "win1251" => "windows-1251",
        "koi8r" => "koi8-r",
        _ => throw new ArgumentException($"encoding '{declared}' is not one of {string.Join(", ", Names)}"),
    };

    public static Encoding Strict(string name) => name switch
    {
        "utf-8" => new UTF8Encoding(false, throwOnInvalidBytes: true),
        "utf-16le" => new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true),
        "utf-16be" => new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true),
        "windows-1251" or "koi8-r" => Encoding.GetEncoding(name, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback),
        _ => throw new ArgumentException($"encoding '{name}' is not one of {string.Join(", ", Names)}"),
    };

    /// <summary>
    /// The file as UTF-8 without a byte order mark, the encoding it was in, and its length in bytes. A stream that
    /// cannot seek (an upload) is first copied to a temporary file, deleted when the returned stream is disposed.
    /// </summary>
    public static async Task<(Stream Utf8, string Encoding, Stream Source)> OpenAsync(Stream input, string? declared, CancellationToken ct)
    {
        var source = input;
        if (!input.CanSeek)
        {
            source = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
            await input.CopyToAsync(source, ct);
        }
        source.Position = 0;
        var sample = new byte[(int)Math.Min(SampleBytes, source.Length)];
        await source.ReadExactlyAsync(sample, ct);
        var (bom, bomLength) = ByteOrderMark(sample);
        var encoding = Normalize(declared) switch
        {
            null => bom ?? Detect(sample),
            "utf-16" => bom is "utf-16be" ? "utf-16be" : "utf-16le",
            var d => d,
        };
        var strict = Strict(encoding);
        if (bom is not null && bom != encoding) bomLength = 0;   // declared otherwise: the bytes are text, checked as such
        source.Position = bomLength;
        await CheckAsync(source, strict, encoding, bomLength, ct);
        source.Position = bomLength;
        Stream utf8 = encoding == "utf-8" ? source : Encoding.CreateTranscodingStream(source, strict, new UTF8Encoding(false), leaveOpen: true);
        return (utf8, encoding, source);
    }

    private static (string? Name, int Length) ByteOrderMark(ReadOnlySpan<byte> b) =>
        b.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? ("utf-8", 3)
        : b.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) ? ("utf-16le", 2)
        : b.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) ? ("utf-16be", 2)
        : (null, 0);

    /// <summary>
    /// Without a byte order mark: UTF-8 when the sample is, or when its valid multi-byte letters outnumber the bad bytes
    /// (a UTF-8 file with a broken byte, refused by the check); otherwise a Cyrillic code page. In Windows-1251 the
    /// small letters, most of any Russian or Kazakh text, are 0xE0-0xFF; in KOI8-R they are 0xC0-0xDF.
    /// </summary>
    public static string Detect(ReadOnlySpan<byte> sample)
    {
        long valid = 0, invalid = 0, low = 0, high = 0;
        var rest = sample;
        while (!rest.IsEmpty)
        {
            var status = System.Text.Rune.DecodeFromUtf8(rest, out _, out var used);
            if (status == System.Buffers.OperationStatus.Done) { if (used > 1) valid++; }
            else if (status == System.Buffers.OperationStatus.InvalidData) invalid++;
            else break;   // cut at the end of the sample
            rest = rest[used..];
        }
        if (invalid == 0 || valid > invalid) return "utf-8";
        foreach (var b in sample)
        {
            if (b >= 0xE0) high++;
            else if (b >= 0xC0) low++;
        }
        return high >= low ? "windows-1251" : "koi8-r";
    }

    /// <summary>Decodes the whole file strictly; the first bad byte is reported with its line.</summary>
    private static async Task CheckAsync(Stream source, Encoding strict, string name, long start, CancellationToken ct)
    {
        var decoder = strict.GetDecoder();
        var buffer = new byte[1 << 16];
        var chars = new char[strict.GetMaxCharCount(buffer.Length)];
        long offset = start, lines = 1;
        int read;
        while ((read = await source.ReadAsync(buffer, ct)) > 0)
        {
            try
            {
                var n = decoder.GetChars(buffer, 0, read, chars, 0, flush: false);
                lines += chars.AsSpan(0, n).Count('\n');
            }
            catch (DecoderFallbackException e)
            {
                var at = Math.Clamp(e.Index, 0, read - 1);
                var before = Encoding.GetEncoding(strict.CodePage).GetString(buffer, 0, at).Count(c => c == '\n');
                throw new CsvEncodingException(name, lines + before, offset + at, e.BytesUnknown is { Length: > 0 } u ? u[0] : buffer[at]);
            }
            offset += read;
        }
        try
        {
            decoder.GetChars([], 0, 0, chars, 0, flush: true);
        }
        catch (DecoderFallbackException e)
        {
            throw new CsvEncodingException(name, lines, offset - 1, e.BytesUnknown is { Length: > 0 } u ? u[0] : (byte)0);
        }
    }
}
