namespace IKomek.Dashboard.Platform.Jobs;

/// <summary>
/// What a run did: a text key (JobsTexts) and the numbers it formats. Kept as data, not as a sentence, so the jobs
/// page shows it in the reader's language and the numbers in the city's format.
/// </summary>
public sealed record JobResult(string Text, params double[] Numbers);
