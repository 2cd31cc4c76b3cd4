using System.Text;

namespace IKomek.Dashboard.Platform.Database;

/// <summary>Secrets in files (the PostgreSQL password, the key-ring key): readable and writable by their owner only (0600).</summary>
public static class OwnerOnlyFile
{
    public const UnixFileMode Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Creates the file with owner-only rights from its first byte; false when it exists already (another
    /// process on the folder made it first).</summary>
    public static bool TryCreate(string path, string content)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = Mode;
        try
        {
            using var stream = new FileStream(path, options);
            stream.Write(Encoding.ASCII.GetBytes(content + "\n"));
            return true;
        }
        catch (IOException) when (File.Exists(path))
        {
            return false;
        }
    }

    /// <summary>A file copied in or restored from a backup may have come with wider rights.</summary>
    public static void Restrict(string path)
    {
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, Mode);
    }
}
