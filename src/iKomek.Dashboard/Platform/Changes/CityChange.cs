namespace IKomek.Dashboard.Platform.Changes;

/// <summary>One statement's worth of changed appeals, as the database announced it (keys, not rows).</summary>
public sealed record CityChange(long Id, string Kind, int Rows, long FirstId, long LastId, int Critical, DateTime ReceivedUtc);
