using System.Globalization;
using IKomek.Dashboard.Platform.Localization;

namespace IKomek.Dashboard.Features.Kpis.Entry;

/// <summary>
/// Why a value, a target, a weight or a period change was refused: a code (its text is <c>kpientry.error.&lt;code&gt;</c>
/// in three languages) and the facts the text names. The entry form shows it under the input, the import in its report.
/// </summary>
public sealed record KpiRejection(string Code, params string[] Args)
{
    public string Text(Texts t) => string.Format(CultureInfo.CurrentCulture, t["kpientry.error." + Code], Args);

    /// <summary>In English, for logs and the import's report downloaded by a machine.</summary>
    public string English() => string.Format(CultureInfo.InvariantCulture, Texts.Get("kpientry.error." + Code).En, Args);

    public override string ToString() => English();

    // Two refusals are the same when they say the same: the code and the facts, not the same array.
    public bool Equals(KpiRejection? other) => other is not null && Code == other.Code && Args.SequenceEqual(other.Args);

    public override int GetHashCode() => HashCode.Combine(Code, Args.Length);
}

/// <summary>A save refused: every rejection found (by the index of the input), and nothing was written.</summary>
public sealed class KpiEntryRejectedException(IReadOnlyList<(int Index, KpiRejection Rejection)> rejections)
    : Exception(string.Join("; ", rejections.Select(r => $"#{r.Index}: {r.Rejection.English()}")))
{
    public IReadOnlyList<(int Index, KpiRejection Rejection)> Rejections { get; } = rejections;

    public KpiEntryRejectedException(KpiRejection rejection) : this([(0, rejection)])
    {
    }

    public KpiRejection First => Rejections[0].Rejection;
}

/// <summary>Numbers as people type them: "12,5", "12.5", "1 250,75" (a space or a no-break space between thousands).</summary>
public static class KpiNumber
{
    /// <summary>The number, or null when the text is not one (empty text included).</summary>
    public static decimal? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var plain = new string(text.Where(c => !char.IsWhiteSpace(c)).ToArray()).Replace(',', '.');
        return decimal.TryParse(plain, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value : null;
    }

    /// <summary>The value as stored (numeric(18, 2)) in the reader's culture, without trailing zeros.</summary>
    public static string Show(decimal value) => value.ToString("#,##0.##", CultureInfo.CurrentCulture);

    /// <summary>The value without the trailing zeros of its stored scale (1.00 is 1), for the audit log's figures.</summary>
    public static decimal? Plain(decimal? value) => value / 1.000000000000000000000000000000000m;

    /// <summary>The value for the file and the messages: invariant, no group separators.</summary>
    public static string Invariant(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
