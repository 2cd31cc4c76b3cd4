
namespace IKomek.Dashboard.Platform.Cli;

/// <summary>
/// The arguments of a verb with one positional argument (a file, a login) and named options, some of them repeatable
/// <c>A=B</c> pairs. Configuration overrides (<c>--City:...</c>, <c>--ConnectionStrings:...</c>) are the host's and
/// skipped; an unknown option, a missing value or a second positional argument is an <see cref="ArgumentException"/>.
/// </summary>
public sealed record VerbArguments(string Positional, IReadOnlyDictionary<string, string> Options, IReadOnlyDictionary<string, Dictionary<string, string>> Pairs)
{
    /// <param name="positional">What the positional argument is, for the messages ("FILE", "LOGIN").</param>
    public static VerbArguments Parse(IReadOnlyList<string> args, string verb, string positional, IReadOnlyCollection<string> options,
        IReadOnlyCollection<string>? pairs = null)
    {
        string? value0 = null;
        var single = new Dictionary<string, string>();
        var lists = (pairs ?? []).ToDictionary(p => p, _ => new Dictionary<string, string>());
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg.StartsWith("--ConnectionStrings", StringComparison.Ordinal) || arg.StartsWith("--City", StringComparison.Ordinal)) continue;
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                if (value0 is not null) throw new ArgumentException($"unexpected argument '{arg}' (one {positional} at a time)");
                value0 = arg;
                continue;
            }
            var name = arg[2..];
            if (!options.Contains(name) && !lists.ContainsKey(name)) throw new ArgumentException($"unknown option --{name}");
            if (i + 1 >= args.Count) throw new ArgumentException($"--{name} needs a value");
            var value = args[++i];
            if (lists.TryGetValue(name, out var list))
            {
                var eq = value.LastIndexOf('=');
                if (eq <= 0 || eq == value.Length - 1) throw new ArgumentException($"--{name} '{value}' is not of the form A=B");
                list[value[..eq].Trim()] = value[(eq + 1)..].Trim();
            }
            else single[name] = value;
        }
        if (string.IsNullOrWhiteSpace(value0)) throw new ArgumentException($"{verb} needs a {positional}");
        return new VerbArguments(value0, single, lists);
    }
}
