using IKomek.Dashboard.Features.DemoCity;
using IKomek.Dashboard.Features.Classification;

namespace IKomek.Dashboard.Tests.Features.Classification;

/// <summary>One small model on the demo generator's texts, trained once per test run (seconds).</summary>
internal static class TrainedOnDemo
{
    public static readonly DemoCityOptions Options = new(Seed: 7, Scale: 0.006, Years: 1, EndDate: new DateOnly(2026, 3, 31));

    private static readonly Lazy<(MlTopicModel Model, List<LabeledText> Test)> Trained = new(() =>
    {
        var (train, test) = ClassifierEvaluation.StratifiedSplit(DemoTexts.Generate(Options).ToList(), 0.2, 1);
        return (MlTopicTrainer.Train(train, new TopicTrainingOptions(Seed: 1)), test);
    });

    public static MlTopicModel Model => Trained.Value.Model;
    public static List<LabeledText> Test => Trained.Value.Test;

    /// <summary>A tiny, clearly learnable set: three areas, two types each, varied words around one key phrase.</summary>
    public static List<LabeledText> Learnable(int perType = 40, int seed = 3)
    {
        (string Area, string Label, string[] Phrases)[] topics =
        [
            ("heating", "heating.cold", ["батареи холодные", "нет отопления", "жылу жоқ"]),
            ("heating", "heating.leak", ["течёт батарея", "протекает радиатор", "батарея ағып тұр"]),
            ("elevators", "elevators.stuck", ["застряли в лифте", "лифт остановился между этажами", "лифтте қалып қойдық"]),
            ("elevators", "elevators.broken", ["лифт не работает", "сломан лифт", "лифт істемейді"]),
            ("stray_animals", "stray_animals.dogs", ["бродячие собаки", "стая собак во дворе", "қаңғыбас иттер"]),
            ("stray_animals", "stray_animals.cats", ["бездомные кошки в подвале", "кошки в подъезде", "мысықтар жертөледе"]),
        ];
        string[] frames = ["Здравствуйте! {0} уже третий день.", "{0}, просим принять меры", "Добрый день. У нас {0}. Тел. 8 701 123 45 67",
            "Сәлеметсіз бе! {0}. Көмектесіңіздерші.", "{0}!!! кв. 15", "Жители дома: {0}. Сколько можно?"];
        var rng = new Random(seed);
        var data = new List<LabeledText>();
        foreach (var (area, label, phrases) in topics)
        {
            for (var i = 0; i < perType; i++)
            {
                data.Add(new LabeledText(string.Format(frames[rng.Next(frames.Length)], phrases[rng.Next(phrases.Length)]), area, label));
            }
        }
        return data;
    }
}
