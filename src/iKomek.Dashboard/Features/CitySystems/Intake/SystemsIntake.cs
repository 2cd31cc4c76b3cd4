using System.Text.Json;
using IKomek.Dashboard.Platform.Audit;
using IKomek.Dashboard.Platform.City;

namespace IKomek.Dashboard.Features.CitySystems.Intake;

/// <summary>What a batch did: items stored, readings that were already stored (or repeated in the batch), and the
/// refused items with every reason.</summary>
public sealed record SystemsIntakeResult(int Accepted, int Duplicates, IReadOnlyList<SystemsItemError> Rejected);

/// <summary>The settings of the systems' intake (section <see cref="Section"/>).</summary>
public sealed class SystemsIntakeOptions
{
    public const string Section = "City:Systems:Intake";

    /// <summary>The settings when none are configured.</summary>
    public static readonly SystemsIntakeOptions Default = new();

    /// <summary>Most items in one request or one CSV import's batch.</summary>
    public int MaxBatch { get; set; } = 10_000;

    /// <summary>Most bytes of one request's body.</summary>
    public int MaxBodyBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>Requests one source's key may make in a sliding minute, over all app nodes.</summary>
    public int PerKeyPerMinute { get; set; } = 600;
}

/// <summary>
/// The one way into the city systems for the API, the CSV import, the demo city's simulator and the benchmarks:
/// each item checked against its system's schema (<see cref="SystemItemValidator"/>), the valid ones written whole
/// in one transaction (<see cref="SystemsWriter"/>), the others reported.
/// </summary>
public sealed class SystemsIntake(SystemCatalogue catalogue, CityReference reference, SystemsWriter writer, TimeProvider time)
{
    public SystemCatalogue Catalogue => catalogue;

    /// <summary>Why a system takes nothing by this path (a register has no readings), or null.</summary>
    public static string? PathRefusal(CitySystem system, SystemsPath path) =>
        path == SystemsPath.Readings && !system.IsFeed
            ? $"{system.Code} is a register: it takes no readings; send its rows to /api/systems/{system.Code}/objects"
            : null;

    public async Task<SystemsIntakeResult> SubmitAsync(CitySystem system, SystemsPath path, IReadOnlyList<JsonElement> items, Actor by,
        CancellationToken ct = default)
    {
        if (PathRefusal(system, path) is { } refusal) throw new ArgumentException(refusal);
        var validator = new SystemItemValidator(system, await reference.GetAsync(ct), time.GetUtcNow(), path);
        var errors = new List<SystemsItemError>();
        var valid = new List<SystemsItem>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            if (validator.Validate(i, items[i], errors) is { } item) valid.Add(item);
        }
        var written = await writer.WriteAsync(new SystemsBatch(system.Code, path, valid, by), ct);
        return new SystemsIntakeResult(written.Accepted, written.Duplicates, errors);
    }
}
