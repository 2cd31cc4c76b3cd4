using System.Text;
using IKomek.Dashboard.Features.Import;

namespace IKomek.Dashboard.Tests.Features.Import;

public sealed class ImportReportTests
{
    [Fact]
    public void TheRejectsReport_NeutralisesFormulasFromTheImportedFile()
    {
        // A hostile file's header and values come back in the report: a spreadsheet must show them as text.
        var bytes = ImportReport.ToBytes([new RowError(4, "=cmd|' /C calc'!A0", "bad"), new RowError(9, "+category", "bad")],
            e => e.Row == 4 ? "=HYPERLINK(\"http://x\",\"y\")" : "@SUM(A1)");

        var lines = Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["row,column,reason", "4,\"'=cmd|' /C calc'!A0\",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"", "9,\"'+category\",\"'@SUM(A1)\""], lines);
    }
}
