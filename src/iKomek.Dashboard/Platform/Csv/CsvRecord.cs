namespace IKomek.Dashboard.Platform.Csv;

/// <summary>
/// One CSV record: the physical line it starts on (the first line of the file is 1), its fields, and what is wrong
/// with it if it is malformed (one of the error codes below; <paramref name="ErrorField"/> is the 0-based field at
/// fault, or -1 for the whole record).
/// </summary>
public sealed record CsvRecord(int Line, IReadOnlyList<string> Fields, string? Error = null, int ErrorField = -1)
{
    public const string UnclosedQuote = "unclosedQuote";
    public const string TooLong = "recordTooLong";
    public const string TextAfterQuote = "textAfterQuote";
    public const string StrayQuote = "strayQuote";
}
