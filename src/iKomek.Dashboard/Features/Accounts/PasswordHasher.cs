using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace IKomek.Dashboard.Features.Accounts;

/// <summary>
/// Password hashes as one self-describing string, <c>pbkdf2-sha256$ITERATIONS$SALT$HASH</c> (salt and hash in
/// base64): PBKDF2 with HMAC-SHA256 from the BCL, a random 16-byte salt per password, 600,000 iterations (OWASP's
/// figure for PBKDF2-SHA256; about 135 ms on our 2-core machine). The iteration count travels with the hash, so a
/// later, higher count still verifies the old hashes.
/// </summary>
public static class PasswordHasher
{
    public const string Scheme = "pbkdf2-sha256";
    public const int Iterations = 600_000;
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    // A stored string can claim any count: bound it, so a tampered row cannot make one sign-in run for minutes.
    private const int MinIterations = 100_000;
    private const int MaxIterations = 10_000_000;

    /// <summary>Checked against when the login is unknown, so that an unknown login takes as long as a wrong password.</summary>
    private static readonly Lazy<string> Decoy = new(() => Hash(Guid.NewGuid().ToString()));

    public static string Hash(string password) => Hash(password, RandomNumberGenerator.GetBytes(SaltBytes), Iterations);

    internal static string Hash(string password, byte[] salt, int iterations)
    {
        ArgumentNullException.ThrowIfNull(password);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, HashBytes);
        return string.Create(CultureInfo.InvariantCulture, $"{Scheme}${iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}");
    }

    /// <summary>True when <paramref name="password"/> is the one hashed; false for any other password and for a
    /// missing or malformed hash string (never throws on bad input).</summary>
    public static bool Verify(string password, string? stored)
    {
        ArgumentNullException.ThrowIfNull(password);
        if (!TryParse(stored, out var iterations, out var salt, out var expected)) return false;
        var actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    /// <summary>Spends the time of one verification and returns false: the answer for a login that does not exist.</summary>
    public static bool VerifyDecoy(string password)
    {
        Verify(password, Decoy.Value);
        return false;
    }

    private static bool TryParse(string? stored, out int iterations, out byte[] salt, out byte[] hash)
    {
        (iterations, salt, hash) = (0, [], []);
        var parts = stored?.Split('$');
        if (parts is not [Scheme, var count, var saltText, var hashText]) return false;
        if (!int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out iterations) || iterations is < MinIterations or > MaxIterations) return false;
        try
        {
            salt = Convert.FromBase64String(saltText);
            hash = Convert.FromBase64String(hashText);
        }
        catch (FormatException)
        {
            return false;
        }
        return salt.Length >= SaltBytes && hash.Length == HashBytes;
    }
}
