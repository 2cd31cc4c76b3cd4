using IKomek.Dashboard.Platform.Csv;

namespace IKomek.Dashboard.Platform.Exports;

/// <summary>The formats an export is offered in, and how its rows reach the response.</summary>
public static class ExportFile
{
    public static bool IsFormat(string format) => format is "csv" or "xlsx";

    /// <summary>
    /// Writes the header and rows as <paramref name="format"/> (csv: UTF-8 with BOM for Excel, streamed; xlsx: through
    /// a temporary file, the package being a zip) as the attachment <paramref name="fileStem"/>.format. Returns the rows written.
    /// </summary>
    public static async Task<int> WriteAsync(HttpContext http, string format, string fileStem, IReadOnlyList<string> header,
        IAsyncEnumerable<string?[]> rows, CancellationToken ct)
    {
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileStem}.{format}\"";
        var count = 0;
        if (format == "csv")
        {
            http.Response.ContentType = "text/csv; charset=utf-8";
            await using var csv = CsvRowWriter.Create(http.Response.Body, byteOrderMark: true, leaveOpen: true);
            await csv.WriteAsync([.. header], ct);
            await foreach (var row in rows.WithCancellation(ct))
            {
                await csv.WriteAsync(row, ct);
                count++;
            }
            return count;
        }
        var path = Path.GetTempFileName();
        try
        {
            await using var file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
            using (var xlsx = new XlsxRowWriter(file, fileStem.Length > 31 ? fileStem[..31] : fileStem))
            {
                xlsx.Write(header);
                await foreach (var row in rows.WithCancellation(ct))
                {
                    xlsx.Write(row);
                    count++;
                }
            }
            http.Response.ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            http.Response.ContentLength = file.Length;
            file.Position = 0;
            await file.CopyToAsync(http.Response.Body, ct);
            return count;
        }
        finally
        {
            File.Delete(path);
        }
    }
}
