
namespace IKomek.Dashboard.Platform.Database;

/// <summary>Settings under the <c>City</c> configuration section.</summary>
public sealed class CityOptions
{
    public const string Section = "City";

    /// <summary>Where the app's own PostgreSQL keeps its data; default <c>.data/</c> at the repository root.</summary>
    public string? DataFolder { get; set; }

    /// <summary>Database name on the app's own PostgreSQL.</summary>
    public string DatabaseName { get; set; } = "ikomek";

    /// <summary>Seed the demo city on the first start. Default: yes on the app's own PostgreSQL, no on an external server.</summary>
    public bool? SeedDemoCity { get; set; }

    /// <summary>1 = the real volume (4.6M appeals over three years).</summary>
    public double DemoScale { get; set; } = 0.05;

    public int DemoYears { get; set; } = 3;

    public int DemoSeed { get; set; } = 109;

    /// <summary>
    /// For tests and demos: the instant the app's clock reads when it starts (it then runs on, in C# and in SQL's
    /// city_now()), and the demo city's "now" when it is generated, e.g. <c>2026-03-31T14:00:00+05:00</c>.
    /// Unset (the default): the system clock.
    /// </summary>
    public DateTimeOffset? FixedNow { get; set; }

    /// <summary>The file of the key that encrypts the cookie keys in the database (default <c>keyring.key</c> in the
    /// data folder). Every node on one database needs the same file.</summary>
    public string? KeyRingKeyFile { get; set; }

    public string ResolveDataFolder(string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(DataFolder)) return Path.GetFullPath(DataFolder, contentRoot);
        for (var dir = new DirectoryInfo(contentRoot); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "iKomek.Dashboard.sln"))) return Path.Combine(dir.FullName, ".data");
        }
        return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "ikomek");
    }
}
