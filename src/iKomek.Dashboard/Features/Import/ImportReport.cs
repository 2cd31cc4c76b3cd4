using System.Globalization;
using IKomek.Dashboard.Platform.Csv;

namespace IKomek.Dashboard.Features.Import;

/// <summary>The rejected rows of an import as CSV (row, column, reason), for the import verb's --report and the page's download.</summary>
public static class ImportReport
{
    public static readonly string[] Header = ["row", "column", "reason"];

    public static void Write(CsvRowWriter csv, RowError error, string reason) =>
        csv.Write(error.Row.ToString(CultureInfo.InvariantCulture), error.Column, reason);

    /// <summary>The whole report in memory, with a byte order mark so that Excel reads it as UTF-8.</summary>
    public static byte[] ToBytes(IEnumerable<RowError> errors, Func<RowError, string> reason)
    {
        var bytes = new MemoryStream();
        using (var csv = CsvRowWriter.Create(bytes, byteOrderMark: true, leaveOpen: true))
        {
            csv.Write(Header);
            foreach (var e in errors) Write(csv, e, reason(e));
        }
        return bytes.ToArray();
    }
}
