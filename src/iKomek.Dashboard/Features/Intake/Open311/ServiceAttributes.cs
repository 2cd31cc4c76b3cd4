namespace IKomek.Dashboard.Features.Intake.Open311;

/// <summary>One Open311 attribute of a service type (GET services/{code}).</summary>
public sealed record ServiceAttribute(
    string Code,
    string Datatype,
    bool Required,
    int Order,
    string Description,
    IReadOnlyList<(string Key, string Name)> Values,
    bool MakesCritical = false);

/// <summary>
/// The extra questions some service types ask. Critical elevator types (stuck or stopped elevators) ask whether
/// people are trapped, and a yes makes the appeal critical; heating types ask the temperature in the flat. Other
/// service types have none (metadata=false).
/// </summary>
public static class ServiceAttributes
{
    private static readonly Dictionary<string, IReadOnlyList<ServiceAttribute>> ByArea = new()
    {
        ["elevators.critical"] =
        [
            new("people_trapped", "singlevaluelist", true, 1, "Есть ли люди в застрявшем лифте? / Лифтте адамдар бар ма?",
                [("yes", "Да, люди внутри"), ("no", "Нет")], MakesCritical: true),
        ],
        ["heating"] =
        [
            new("flat_temperature", "number", false, 1, "Температура в квартире, °C / Пәтердегі температура, °C", []),
        ],
    };

    public static IReadOnlyList<ServiceAttribute> For(ServiceRow service) =>
        ByArea.GetValueOrDefault(service.IsCritical ? service.AreaCode + ".critical" : service.AreaCode)
        ?? ByArea.GetValueOrDefault(service.AreaCode) ?? [];
}
