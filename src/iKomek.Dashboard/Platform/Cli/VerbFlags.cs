using System.Globalization;

namespace IKomek.Dashboard.Platform.Cli;

/// <summary>
/// The flags of the verbs without a positional argument (seed, simulate, mine, the classifier verbs): <c>--name value</c>
/// or a bare <c>--switch</c>. Configuration overrides (<c>--City:...</c>, <c>--ConnectionStrings:...</c>) are the host's.
/// </summary>
public static class VerbFlags
{
    public static Dictionary<string, string?> Parse(IEnumerable<string> args, string usage)
    {
        var flags = new Dictionary<string, string?>();
        string? pending = null;
        foreach (var arg in args)
        {
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                if (arg.StartsWith("--ConnectionStrings", StringComparison.Ordinal) || arg.StartsWith("--City", StringComparison.Ordinal)) { pending = null; continue; }
                pending = arg[2..];
                flags[pending] = null;
            }
            else if (pending is not null)
            {
                flags[pending] = arg;
                pending = null;
            }
            else throw new ArgumentException($"Unexpected argument '{arg}'.\n{usage}");
        }
        return flags;
    }

    public static T Get<T>(Dictionary<string, string?> flags, string name, T fallback, Func<string, IFormatProvider, T> parse)
    {
        if (!flags.TryGetValue(name, out var raw)) return fallback;
        if (raw is null) throw new ArgumentException($"--{name} needs a value");
        try { return parse(raw, CultureInfo.InvariantCulture); }
        catch (FormatException) { throw new ArgumentException($"--{name}: '{raw}' is not a valid value"); }
    }
}
