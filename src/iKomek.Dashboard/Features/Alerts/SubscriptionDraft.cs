namespace IKomek.Dashboard.Features.Alerts;

/// <summary>A subscription as the page edits it (the multi-selects bind to sets).</summary>
public sealed class SubscriptionDraft
{
    public IReadOnlyCollection<string> Kinds { get; set; } = [];
    public IReadOnlyCollection<int> Districts { get; set; } = [];
    public IReadOnlyCollection<int> Areas { get; set; } = [];
    public IReadOnlyCollection<string> Channels { get; set; } = [];
    public TimeSpan? QuietFrom { get; set; }
    public TimeSpan? QuietTo { get; set; }
    public int Level { get; set; } = 1;
    public bool Enabled { get; set; } = true;

    public static SubscriptionDraft Of(AlertSubscription s) => new()
    {
        Kinds = s.Kinds, Districts = (s.DistrictIds ?? []).Select(i => (int)i).ToList(), Areas = (s.AreaIds ?? []).Select(i => (int)i).ToList(),
        Channels = s.Channels, QuietFrom = s.QuietFrom, QuietTo = s.QuietTo, Level = s.EscalationLevel, Enabled = s.Enabled,
    };

    public AlertSubscription ToSubscription() => new([.. Kinds], [.. Districts.Select(i => (short)i)], [.. Areas.Select(i => (short)i)],
        [.. Channels], QuietFrom, QuietTo, (short)Level, Enabled);
}
