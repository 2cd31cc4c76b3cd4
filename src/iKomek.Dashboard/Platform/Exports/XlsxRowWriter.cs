using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace IKomek.Dashboard.Platform.Exports;

/// <summary>
/// Writes one worksheet of an .xlsx workbook row by row with the Open XML SDK's streaming writer (memory stays flat
/// for a hundred thousand rows). Every cell is an inline string in a text-formatted, quote-prefixed style: Excel and
/// LibreOffice show "=HYPERLINK(...)" as the text it is and keep it text when the cell is edited. The first row is
/// the header, bold and frozen.
/// </summary>
public sealed class XlsxRowWriter : IDisposable
{
    private const uint HeaderStyle = 1, TextStyle = 2;
    private readonly SpreadsheetDocument _document;
    private readonly WorksheetPart _sheet;
    private readonly OpenXmlWriter _writer;
    private readonly string _sheetName;
    private uint _row;

    /// <param name="output">A seekable stream (the package is a zip): a file or a memory stream.</param>
    public XlsxRowWriter(Stream output, string sheetName)
    {
        _sheetName = sheetName;
        _document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbook = _document.AddWorkbookPart();
        var styles = workbook.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = Styles();
        styles.Stylesheet.Save();
        _sheet = workbook.AddNewPart<WorksheetPart>();
        _writer = OpenXmlWriter.Create(_sheet);
        _writer.WriteStartElement(new Worksheet());
        _writer.WriteElement(new SheetViews(new SheetView(new Pane
        {
            VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen,
        }) { WorkbookViewId = 0 }));
        _writer.WriteStartElement(new SheetData());
    }

    /// <summary>One row; null fields leave their cell empty.</summary>
    public void Write(IReadOnlyList<string?> fields)
    {
        _row++;
        _writer.WriteStartElement(new Row { RowIndex = _row });
        for (var i = 0; i < fields.Count; i++)
        {
            if (fields[i] is not { } value) continue;
            _writer.WriteStartElement(new Cell
            {
                CellReference = Column(i) + _row, DataType = CellValues.InlineString, StyleIndex = _row == 1 ? HeaderStyle : TextStyle,
            });
            _writer.WriteElement(new InlineString(new Text(XmlSafe(value)) { Space = SpaceProcessingModeValues.Preserve }));
            _writer.WriteEndElement();
        }
        _writer.WriteEndElement();
    }

    public void Dispose()
    {
        _writer.WriteEndElement(); // SheetData
        _writer.WriteEndElement(); // Worksheet
        _writer.Close();
        var workbook = _document.WorkbookPart!;
        workbook.Workbook = new Workbook(new Sheets(new Sheet { Name = _sheetName, SheetId = 1, Id = workbook.GetIdOfPart(_sheet) }));
        workbook.Workbook.Save();
        _document.Dispose();
    }

    /// <summary>A, B, ..., Z, AA, ...</summary>
    private static string Column(int index) => index < 26 ? ((char)('A' + index)).ToString() : Column(index / 26 - 1) + (char)('A' + index % 26);

    // XML 1.0 has no place for most control characters: a pasted text may hold them.
    private static string XmlSafe(string value) =>
        value.Any(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r')) ? new string(value.Where(c => !char.IsControl(c) || c is '\t' or '\n' or '\r').ToArray()) : value;

    // 0: the default; 1: the header (bold); 2: data, "@" (text) with a quote prefix.
    private static Stylesheet Styles() => new(
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, NumberFormatId = 49, ApplyFont = true, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 49, ApplyNumberFormat = true, QuotePrefix = true }) { Count = 3 });
}
