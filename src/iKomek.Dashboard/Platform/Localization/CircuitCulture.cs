using System.Globalization;

namespace IKomek.Dashboard.Platform.Localization;

/// <summary>
/// The reader's cultures (number format and UI language), taken while a component renders, to be put back around
/// work that runs later on another thread (a change-feed callback, a timer): such work starts with the thread's
/// culture, not the reader's, and would render Russian texts and invariant numbers ("3,125", "84.4 %").
/// </summary>
public readonly record struct CircuitCulture(CultureInfo Culture, CultureInfo UiCulture)
{
    /// <summary>The cultures of the code running now: call it on the render path (OnInitialized and the like).</summary>
    public static CircuitCulture Capture() => new(CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);

    /// <summary>
    /// Makes these the current cultures of the calling async flow. Call it first in the async method that does the
    /// work: the change stays within that method and what it awaits, and does not leak back to the caller.
    /// </summary>
    public void Apply()
    {
        CultureInfo.CurrentCulture = Culture;
        CultureInfo.CurrentUICulture = UiCulture;
    }
}
