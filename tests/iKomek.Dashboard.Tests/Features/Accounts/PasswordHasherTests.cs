using IKomek.Dashboard.Features.Accounts;

namespace IKomek.Dashboard.Tests.Features.Accounts;

public sealed class PasswordHasherTests
{
    private static readonly string Stored = PasswordHasher.Hash("correct horse battery");

    [Fact]
    public void Hash_RoundTrip_VerifiesTheSamePasswordOnly()
    {
        Assert.True(PasswordHasher.Verify("correct horse battery", Stored));
        Assert.False(PasswordHasher.Verify("correct horse batterY", Stored));
        Assert.False(PasswordHasher.Verify("", Stored));
        // Cyrillic and Kazakh letters are hashed as UTF-8 like any other.
        Assert.True(PasswordHasher.Verify("Құпиясөз-пароль", PasswordHasher.Hash("Құпиясөз-пароль")));
    }

    [Fact]
    public void Hash_IsSelfDescribing_WithItsOwnSaltEachTime()
    {
        var parts = Stored.Split('$');
        Assert.Equal(["pbkdf2-sha256", "600000"], parts[..2]);
        Assert.Equal(16, Convert.FromBase64String(parts[2]).Length);
        Assert.Equal(32, Convert.FromBase64String(parts[3]).Length);
        Assert.NotEqual(Stored, PasswordHasher.Hash("correct horse battery"));
    }

    [Fact]
    public void Verify_HashWithAnotherIterationCount_StillVerifies()
    {
        var older = PasswordHasher.Hash("old password", new byte[16], 210_000);

        Assert.StartsWith("pbkdf2-sha256$210000$", older);
        Assert.True(PasswordHasher.Verify("old password", older));
    }

    public static TheoryData<string?> Tampered()
    {
        var p = Stored.Split('$');
        var flipped = Convert.FromBase64String(p[3]);
        flipped[0] ^= 1;
        return new()
        {
            null,
            "",
            "correct horse battery",
            string.Join('$', "pbkdf2-sha1", p[1], p[2], p[3]),
            string.Join('$', p[0], "599999", p[2], p[3]),
            string.Join('$', p[0], "1", p[2], p[3]),
            string.Join('$', p[0], "999999999", p[2], p[3]),
            string.Join('$', p[0], "-600000", p[2], p[3]),
            string.Join('$', p[0], p[1], Convert.ToBase64String(new byte[16]), p[3]),
            string.Join('$', p[0], p[1], p[2], Convert.ToBase64String(flipped)),
            string.Join('$', p[0], p[1], p[2], p[3][..^4]),
            string.Join('$', p[0], p[1], "not base64!", p[3]),
            string.Join('$', p[0], p[1], p[2]),
            Stored + "$extra",
        };
    }

    [Theory]
    [MemberData(nameof(Tampered))]
    public void Verify_TamperedOrMalformedHash_IsFalse_NeverThrows(string? stored) =>
        Assert.False(PasswordHasher.Verify("correct horse battery", stored));
}
