using System.Text;

namespace IKomek.Dashboard.Features.Classification;

/// <summary>A bad line of an input file: where and why, so the user can fix it.</summary>
public sealed record CsvProblem(int Row, string Column, string Reason)
{
    public override string ToString() => $"row {Row}, column '{Column}': {Reason}";
}

/// <summary>
/// A small RFC 4180 reader and writer for the analysts' files: a header row, quoted fields with commas, quotes and
/// line breaks inside, the delimiter (comma, semicolon or tab) taken from the header. Rows are numbered as a
/// spreadsheet shows them (the header is row 1).
/// </summary>
public sealed class CsvTable
{
    private CsvTable(string[] header, List<(int Row, string[] Fields)> rows)
    {
        Header = header;
        Rows = rows;
    }

    public string[] Header { get; }
    public List<(int Row, string[] Fields)> Rows { get; }

    /// <exception cref="ArgumentException">The file is missing, empty or has an unterminated quote.</exception>
    public static CsvTable Read(string path)
    {
        if (!File.Exists(path)) throw new ArgumentException($"{path}: file not found");
        var text = File.ReadAllText(path, Encoding.UTF8);
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        var firstLine = text.Split('\n', 2)[0];
        var delimiter = firstLine.Contains('\t') ? '\t' : firstLine.Count(c => c == ';') > firstLine.Count(c => c == ',') ? ';' : ',';
        var records = Parse(text, delimiter, path);
        if (records.Count == 0 || records[0].Fields.All(string.IsNullOrWhiteSpace)) throw new ArgumentException($"{path}: the file is empty, a header row is needed");
        var header = records[0].Fields.Select(h => h.Trim()).ToArray();
        return new CsvTable(header, records.Skip(1).Where(r => !(r.Fields.Length == 1 && r.Fields[0].Length == 0)).ToList());
    }

    /// <summary>The index of a named column.</summary>
    /// <exception cref="ArgumentException">The header does not have it.</exception>
    public int Column(string name, string path) =>
        Array.FindIndex(Header, h => string.Equals(h, name, StringComparison.OrdinalIgnoreCase)) is var i and >= 0
            ? i
            : throw new ArgumentException($"{path}: column '{name}' is not in the header (columns: {string.Join(", ", Header)})");

    private static List<(int Row, string[] Fields)> Parse(string text, char delimiter, string path)
    {
        var records = new List<(int, string[])>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var row = 1;
        var line = 1;
        var quoted = false;
        var quoteStartLine = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else
                {
                    if (c == '\n') line++;
                    field.Append(c);
                }
                continue;
            }
            switch (c)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    quoteStartLine = line;
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    records.Add((row, fields.ToArray()));
                    fields.Clear();
                    line++;
                    row = line;
                    break;
                default:
                    if (c == delimiter)
                    {
                        fields.Add(field.ToString());
                        field.Clear();
                    }
                    else field.Append(c);
                    break;
            }
        }
        if (quoted) throw new ArgumentException($"{path}: row {row}: a quoted field opened on line {quoteStartLine} is never closed");
        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            records.Add((row, fields.ToArray()));
        }
        return records;
    }

    /// <summary>Writes a header and rows, quoting fields that need it.</summary>
    public static void Write(string path, IEnumerable<string> header, IEnumerable<IEnumerable<string>> rows)
    {
        using var w = new StreamWriter(path, false, new UTF8Encoding(false));
        w.Write(string.Join(',', header.Select(Quote)));
        w.Write('\n');
        foreach (var r in rows)
        {
            w.Write(string.Join(',', r.Select(Quote)));
            w.Write('\n');
        }
    }

    private static string Quote(string s) =>
        s.AsSpan().IndexOfAny(",\"\n\r;") >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
}
