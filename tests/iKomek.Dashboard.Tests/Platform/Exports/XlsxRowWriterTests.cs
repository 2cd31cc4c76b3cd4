using ClosedXML.Excel;
using IKomek.Dashboard.Platform.Exports;

namespace IKomek.Dashboard.Tests.Platform.Exports;

public sealed class XlsxRowWriterTests
{
    [Fact]
    public void AWorkbook_OpensInClosedXml_WithItsRows_AndFormulasStayText()
    {
        var bytes = new MemoryStream();
        using (var xlsx = new XlsxRowWriter(bytes, "appeals"))
        {
            xlsx.Write(["reg_number", "description", "note"]);
            xlsx.Write(["109-2026-0000001", "=cmd|' /C calc'!A0", null]);
            xlsx.Write(["109-2026-0000002", "=HYPERLINK(\"http://x\",\"y\")", "+7 701 000\u0001"]);
            xlsx.Write(["109-2026-0000003", "Нет света. Жарық жоқ.\nВторая строка", "-5 °C, @home"]);
        }

        bytes.Position = 0;
        using var book = new XLWorkbook(bytes);
        var sheet = book.Worksheet("appeals");
        Assert.Equal(4, sheet.LastRowUsed().RowNumber());
        Assert.Equal("reg_number", sheet.Cell(1, 1).GetString());
        Assert.True(sheet.Cell(1, 1).Style.Font.Bold);
        Assert.Equal("=cmd|' /C calc'!A0", sheet.Cell(2, 2).GetString());
        Assert.Equal("=HYPERLINK(\"http://x\",\"y\")", sheet.Cell(3, 2).GetString());
        Assert.Equal("Нет света. Жарық жоқ.\nВторая строка", sheet.Cell(4, 2).GetString());
        Assert.Equal("-5 °C, @home", sheet.Cell(4, 3).GetString());
        // A control character XML cannot hold is dropped, an empty field is an empty cell.
        Assert.Equal("+7 701 000", sheet.Cell(3, 3).GetString());
        Assert.True(sheet.Cell(2, 3).IsEmpty());
        foreach (var cell in sheet.CellsUsed())
        {
            Assert.False(cell.HasFormula, cell.Address.ToString());
            Assert.Equal(XLDataType.Text, cell.DataType);
        }
        Assert.True(sheet.Cell(2, 2).Style.IncludeQuotePrefix);
    }

    [Fact]
    public void NextSheet_StartsAnotherWorksheet_WithItsOwnHeaderRow()
    {
        var bytes = new MemoryStream();
        using (var xlsx = new XlsxRowWriter(bytes, "Сводка"))
        {
            xlsx.Write(["indicator", "value"]);
            xlsx.Write(["received", "1 234"]);
            xlsx.NextSheet("Управления");
            xlsx.Write(["department"]);
            xlsx.Write(["energy"]);
            xlsx.Write(["water"]);
        }

        bytes.Position = 0;
        using var book = new XLWorkbook(bytes);
        Assert.Equal(["Сводка", "Управления"], book.Worksheets.Select(s => s.Name));
        Assert.Equal("1 234", book.Worksheet("Сводка").Cell(2, 2).GetString());
        var second = book.Worksheet("Управления");
        Assert.Equal(3, second.LastRowUsed().RowNumber());
        Assert.True(second.Cell(1, 1).Style.Font.Bold);
        Assert.False(second.Cell(2, 1).Style.Font.Bold);
    }
}
