using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace IKomek.Dashboard.Platform.Exports;

/// <summary>
/// Writes one worksheet of an .xlsx workbook row by row with the Open XML SDK's streaming writer (memory stays flat
/// for a hundred thousand rows). Every cell is an inline string in a text-formatted, quote-prefixed style: Excel and
/// LibreOffice show "=HYPERLINK(...)" as the text it is and keep it text when the cell is edited. The first row is
/// the header, bold and frozen. <see cref="NextSheet"/> starts another worksheet (a report's several tables).
/// </summary>
public sealed class XlsxRowWriter : IDisposable
{
    private const uint HeaderStyle = 1, TextStyle = 2;
    private readonly SpreadsheetDocument _document;
    private readonly List<(WorksheetPart Part, string Name)> _sheets = [];
    private OpenXmlWriter _writer = null!;
    private uint _row;

    /// <param name="output">A seekable stream (the package is a zip): a file or a memory stream.</param>
    public XlsxRowWriter(Stream output, string sheetName)
    {
        _document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbook = _document.AddWorkbookPart();
        var styles = workbook.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = Styles();
        styles.Stylesheet.Save();
        StartSheet(sheetName);
    }

    /// <summary>Ends the current worksheet and starts another (at most 31 characters, unique in the workbook); its
    /// first row is again the header.</summary>
    public void NextSheet(string sheetName)
    {
        EndSheet();
        StartSheet(sheetName);
    }

    private void StartSheet(string sheetName)
    {
        var part = _document.WorkbookPart!.AddNewPart<WorksheetPart>();
        _sheets.Add((part, sheetName));
        _row = 0;
        _writer = OpenXmlWriter.Create(part);
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
        EndSheet();
        var workbook = _document.WorkbookPart!;
        workbook.Workbook = new Workbook(new Sheets(_sheets.Select((s, i) =>
            new Sheet { Name = s.Name, SheetId = (uint)i + 1, Id = workbook.GetIdOfPart(s.Part) })));
        workbook.Workbook.Save();
        _document.Dispose();
    }

    private void EndSheet()
    {
        _writer.WriteEndElement(); // SheetData
        _writer.WriteEndElement(); // Worksheet
        _writer.Close();
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
