namespace IKomek.Dashboard.Features.Classification;

/// <summary>One suggested topic: a service type label, its area of life and the model's probability.</summary>
public sealed record TopicSuggestion(string Label, string Area, double Confidence);

/// <summary>
/// What the model says about a text. <see cref="Unclassified"/> when there is nothing to go on (empty text, emoji,
/// digits, a language the model has not seen, no known words): then the suggestions are empty and confidence is low.
/// </summary>
/// <param name="Coverage">Share of the text's words that the model knows (0..1).</param>
public sealed record TopicPrediction(bool Unclassified, string? Area, double AreaConfidence, IReadOnlyList<TopicSuggestion> Top, double Coverage)
{
    public double Confidence => Top.Count > 0 ? Top[0].Confidence : AreaConfidence;
    public string? Label => Top.Count > 0 ? Top[0].Label : null;
}
