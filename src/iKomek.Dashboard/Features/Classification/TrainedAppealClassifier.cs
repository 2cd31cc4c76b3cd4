using System.Collections.Frozen;

namespace IKomek.Dashboard.Features.Classification;

/// <summary>A model version as the app uses it: the model and its labels resolved to service type ids.</summary>
public sealed record LoadedModel(int Id, MlTopicModel Model, FrozenDictionary<string, int> TypeIdByLabel);

/// <summary>
/// Classifies every appeal with the current model version: the operator's (or app's) service type wins when given,
/// and the model's suggestion travels along to be recorded; without a given type, the model's first choice files the
/// appeal unless the text is unclassified. Before any model is loaded it behaves as <see cref="GivenServiceTypeClassifier"/>.
/// </summary>
public sealed class TrainedAppealClassifier : IAppealClassifier
{
    /// <summary>Below this probability of the first suggestion an appeal goes to the analysts' review queue.</summary>
    public const double LowConfidence = 0.5;

    private volatile LoadedModel? _current;

    public LoadedModel? Current => _current;

    public void Use(LoadedModel model) => _current = model;

    public Classification Classify(string text, int? givenServiceTypeId)
    {
        if (_current is not { } loaded)
        {
            return new GivenServiceTypeClassifier().Classify(text, givenServiceTypeId);
        }
        var suggestion = Suggest(loaded, text);
        if (givenServiceTypeId is { } given)
        {
            return new Classification(given, 1.0, "operator", suggestion);
        }
        return new Classification(suggestion.ServiceTypeId, suggestion.Confidence, $"model {loaded.Id}", suggestion);
    }

    /// <summary>The model's suggestion for a text; labels the database does not know (a retired type) are skipped.</summary>
    public static ModelSuggestion Suggest(LoadedModel loaded, string? text)
    {
        var prediction = loaded.Model.Predict(text);
        var top = new List<SuggestedType>(3);
        foreach (var s in prediction.Top)
        {
            if (loaded.TypeIdByLabel.TryGetValue(s.Label, out var id)) top.Add(new SuggestedType(id, s.Confidence));
        }
        var first = prediction.Unclassified || top.Count == 0 ? null : (int?)top[0].ServiceTypeId;
        var confidence = first is null ? Math.Min(prediction.Confidence, 0.1) : top[0].Confidence;
        return new ModelSuggestion(loaded.Id, first, confidence, top, first is null || confidence < LowConfidence);
    }
}
