using System.Globalization;

namespace IKomek.Dashboard.Platform.Cli;

/// <summary>
/// What a verb accepts: its positional arguments (all required, in order), its options (<c>--name value</c>, or
/// <c>--name=value</c>), its switches (a bare <c>--name</c>) and its repeatable pairs (<c>--name A=B</c>, any number).
/// </summary>
public sealed record VerbSyntax
{
    public IReadOnlyList<string> Positionals { get; init; } = [];

    /// <summary>Positional arguments after the required ones that may be left out (<c>profile show</c> beside <c>profile apply FILE</c>).</summary>
    public IReadOnlyList<string> OptionalPositionals { get; init; } = [];
    public IReadOnlyList<string> Options { get; init; } = [];
    public IReadOnlyList<string> Switches { get; init; } = [];
    public IReadOnlyList<string> Pairs { get; init; } = [];
}

/// <summary>
/// A verb's arguments, parsed against its <see cref="VerbSyntax"/>: the one command-line parser of the app. An unknown
/// option, a missing or doubled value, a stray or missing positional argument, a value that does not parse: an
/// <see cref="ArgumentException"/> that names the option and says what is wrong. Configuration overrides
/// (<c>--City:...</c>, <c>--ConnectionStrings:...</c>) are the host's and skipped here.
/// </summary>
public sealed class VerbArgs
{
    private readonly string _verb;
    private readonly Dictionary<string, string> _positionals;
    private readonly Dictionary<string, string> _options;
    private readonly HashSet<string> _switches;
    private readonly Dictionary<string, Dictionary<string, string>> _pairs;

    private VerbArgs(string verb, Dictionary<string, string> positionals, Dictionary<string, string> options, HashSet<string> switches,
        Dictionary<string, Dictionary<string, string>> pairs) =>
        (_verb, _positionals, _options, _switches, _pairs) = (verb, positionals, options, switches, pairs);

    /// <summary>The configuration sections the host reads from the command line (<c>--City:DemoScale=0.2</c>).</summary>
    private static readonly string[] HostSections = ["City", "ConnectionStrings", "Logging", "Classification", "Urls"];

    /// <summary>True for a configuration override of the host rather than an option of a verb.</summary>
    public static bool IsHostArgument(string arg) =>
        arg.StartsWith("--", StringComparison.Ordinal) && HostSections.Any(s => arg.AsSpan(2).StartsWith(s + ":", StringComparison.Ordinal));

    /// <summary>The host's configuration overrides among <paramref name="args"/>, each with its value when given apart.</summary>
    public static string[] HostArguments(IReadOnlyList<string> args)
    {
        var host = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            if (!IsHostArgument(args[i])) continue;
            host.Add(args[i]);
            if (!args[i].Contains('=') && i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal)) host.Add(args[++i]);
        }
        return [.. host];
    }

    public static VerbArgs Parse(string verb, VerbSyntax syntax, IReadOnlyList<string> args)
    {
        var positionals = new Dictionary<string, string>(StringComparer.Ordinal);
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var switches = new HashSet<string>(StringComparer.Ordinal);
        var pairs = syntax.Pairs.ToDictionary(p => p, _ => new Dictionary<string, string>(), StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (IsHostArgument(arg))
            {
                if (!arg.Contains('=') && i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal)) i++;
                continue;
            }
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg == "--")
            {
                var names = syntax.Positionals.Concat(syntax.OptionalPositionals).ToList();
                if (positionals.Count == names.Count)
                    throw new ArgumentException(names.Count == 0
                        ? $"{verb} takes no argument '{arg}' (options start with --)"
                        : $"unexpected argument '{arg}' ({verb} takes one {string.Join(" and one ", names)})");
                positionals[names[positionals.Count]] = arg;
                continue;
            }

            var eq = arg.IndexOf('=');
            var name = eq > 2 ? arg[2..eq] : arg[2..];
            string? inline = eq > 2 ? arg[(eq + 1)..] : null;
            if (syntax.Switches.Contains(name))
            {
                if (inline is not null) throw new ArgumentException($"--{name} is a switch and takes no value");
                if (!switches.Add(name)) throw new ArgumentException($"--{name} is given twice");
                continue;
            }
            var isPair = pairs.ContainsKey(name);
            if (!isPair && !syntax.Options.Contains(name))
                throw new ArgumentException($"{verb} has no option --{name}{Known(syntax)}");
            var value = inline ?? (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : null);
            if (value is null) throw new ArgumentException($"--{name} needs a value");
            if (isPair)
            {
                var at = value.LastIndexOf('=');
                if (at <= 0 || at == value.Length - 1) throw new ArgumentException($"--{name} '{value}' is not of the form A=B");
                pairs[name][value[..at].Trim()] = value[(at + 1)..].Trim();
            }
            else if (!options.TryAdd(name, value)) throw new ArgumentException($"--{name} is given twice");
        }
        if (syntax.Positionals.FirstOrDefault(p => !positionals.ContainsKey(p) || string.IsNullOrWhiteSpace(positionals[p])) is { } missing)
            throw new ArgumentException($"{verb} needs a {missing}");
        return new VerbArgs(verb, positionals, options, switches, pairs);
    }

    private static string Known(VerbSyntax syntax)
    {
        var known = syntax.Options.Concat(syntax.Switches).Concat(syntax.Pairs).Select(o => "--" + o).ToList();
        return known.Count == 0 ? " (it takes none)" : $" (it takes {string.Join(", ", known)})";
    }

    /// <summary>The positional argument of that name (the parser made sure it is there).</summary>
    public string Positional(string name) => _positionals[name];

    /// <summary>An optional positional argument, or null when left out.</summary>
    public string? OptionalPositional(string name) => _positionals.GetValueOrDefault(name);

    /// <summary>True when the switch was given.</summary>
    public bool Has(string name) => _switches.Contains(name);

    /// <summary>True when the option or switch was given.</summary>
    public bool Given(string name) => _switches.Contains(name) || _options.ContainsKey(name);

    /// <summary>The names of the options and switches given.</summary>
    public IReadOnlyCollection<string> GivenNames => [.. _options.Keys, .. _switches];

    public string? Option(string name) => _options.GetValueOrDefault(name);

    public string Required(string name) =>
        _options.GetValueOrDefault(name) is { Length: > 0 } value ? value : throw new ArgumentException($"--{name} is required");

    /// <summary>An option's number or other value in the invariant culture, or <paramref name="fallback"/> when not given.</summary>
    public T Get<T>(string name, T fallback) where T : IParsable<T> =>
        Get(name, fallback, raw => T.Parse(raw, CultureInfo.InvariantCulture));

    /// <summary>A number with a decimal dot; a comma is refused, not read as a thousands separator ("0,5" is not 5).</summary>
    public double Get(string name, double fallback) =>
        Get(name, fallback, raw => double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture));

    /// <summary>An option's value read by <paramref name="parse"/>, or <paramref name="fallback"/> when not given.</summary>
    public T Get<T>(string name, T fallback, Func<string, T> parse)
    {
        if (!_options.TryGetValue(name, out var raw)) return fallback;
        try
        {
            return parse(raw);
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            throw new ArgumentException($"--{name}: '{raw}' is not a valid {Kind<T>()}");
        }
    }

    /// <summary>One of the named choices; the message lists them.</summary>
    public T Choice<T>(string name, IReadOnlyDictionary<string, T> choices, T fallback)
    {
        if (!_options.TryGetValue(name, out var raw)) return fallback;
        return choices.TryGetValue(raw, out var chosen)
            ? chosen
            : throw new ArgumentException($"--{name} '{raw}' is not one of {string.Join(", ", choices.Keys)}");
    }

    /// <summary>The <c>A=B</c> pairs of a repeatable option, in the order given (a later A replaces an earlier one).</summary>
    public Dictionary<string, string> Pairs(string name) => _pairs[name];

    public override string ToString() => _verb;

    private static string Kind<T>() =>
        typeof(T) == typeof(int) || typeof(T) == typeof(long) ? "whole number"
        : typeof(T) == typeof(double) || typeof(T) == typeof(decimal) ? "number (with a dot: 0.5)"
        : typeof(T) == typeof(DateOnly) || typeof(T) == typeof(DateOnly?) ? "date (yyyy-MM-dd)"
        : "value";
}
