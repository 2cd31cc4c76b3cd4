namespace IKomek.Dashboard.Features.Classification;

/// <summary>A topic suggestion for an appeal's text.</summary>
/// <param name="ServiceTypeId">Suggested service type, or null when the text could not be classified.</param>
/// <param name="Confidence">0..1.</param>
/// <param name="Source">Which engine decided: "operator" (the caller's choice), or a model version.</param>
/// <param name="Suggestion">What the trained model said, recorded beside the appeal even when the operator's type wins.</param>
public sealed record Classification(int? ServiceTypeId, double Confidence, string Source, ModelSuggestion? Suggestion = null);

/// <summary>A model version's suggestion for one text: its first choice (null when unclassified) and its top three.</summary>
public sealed record ModelSuggestion(int ModelId, int? ServiceTypeId, double Confidence, IReadOnlyList<SuggestedType> Top, bool LowConfidence);

/// <summary>One of the model's suggested service types with its probability.</summary>
public sealed record SuggestedType(int ServiceTypeId, double Confidence);

/// <summary>
/// Files an appeal under a topic at intake. One interface, so another engine (the trained model of the
/// classification feature) can replace the first one without touching intake.
/// </summary>
public interface IAppealClassifier
{
    /// <param name="text">The citizen's words.</param>
    /// <param name="givenServiceTypeId">The service type the caller chose, if any.</param>
    Classification Classify(string text, int? givenServiceTypeId);
}

/// <summary>
/// The first classifier: trusts the service type the caller gave (an operator's or an app's choice) and
/// leaves texts without one unclassified. The trained model replaces it.
/// </summary>
public sealed class GivenServiceTypeClassifier : IAppealClassifier
{
    public Classification Classify(string text, int? givenServiceTypeId) =>
        givenServiceTypeId is { } id ? new Classification(id, 1.0, "operator") : new Classification(null, 0, "none");
}
