using Dapper;
using IKomek.Dashboard.Platform.Database;
using IKomek.Dashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;

namespace IKomek.Dashboard.Tests.Features.Accounts;

/// <summary>Two app nodes on one database read each other's cookies: the key ring lives in PostgreSQL, encrypted with
/// the key-ring key the nodes share.</summary>
public sealed class PostgresKeyRepositoryTests(MigratedDatabase db) : IClassFixture<MigratedDatabase>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ikomek-keyring-").FullName;

    [Fact]
    public async Task ProtectedOnOneNode_IsReadOnAnother_AndTheTableHoldsNoKeyMaterialInTheClear()
    {
        var keyFile = Path.Combine(_folder, "keyring.key");
        var nodeA = Node(keyFile).CreateProtector("cookie");
        var ticket = nodeA.Protect("signed in as admin");

        var nodeB = Node(keyFile).CreateProtector("cookie");

        Assert.Equal("signed in as admin", nodeB.Unprotect(ticket));
        await using var conn = await db.DataSource.OpenConnectionAsync();
        var stored = Assert.Single(await conn.QueryAsync<string>("SELECT xml FROM data_protection_keys"));
        Assert.DoesNotContain("masterKey", stored);
        Assert.Contains("urn:ikomek:keyring", stored);
        Assert.Equal(OwnerOnlyFile.Mode, OperatingSystem.IsWindows() ? OwnerOnlyFile.Mode : File.GetUnixFileMode(keyFile));

        // A node without the key-ring key cannot use the stored keys (it makes its own, and the cookie is not read).
        var stranger = Node(Path.Combine(_folder, "other.key")).CreateProtector("cookie");
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => stranger.Unprotect(ticket));
    }

    [Fact]
    public void KeyRingKey_NotAKey_IsRefusedWithTheFileName()
    {
        var file = Path.Combine(_folder, "broken.key");
        File.WriteAllText(file, "not base64 at all");

        var e = Assert.Throws<InvalidOperationException>(() => KeyRingKey.LoadOrCreate(file));

        Assert.Contains(file, e.Message);
    }

    private IDataProtectionProvider Node(string keyFile)
    {
        var services = new ServiceCollection();
        services.AddSingleton(KeyRingKey.LoadOrCreate(keyFile));
        services.AddDataProtection().SetApplicationName("iKomek.Dashboard");
        services.AddOptions<KeyManagementOptions>().Configure<KeyRingKey>((o, key) =>
        {
            o.XmlRepository = new PostgresKeyRepository(db.DataSource);
            o.XmlEncryptor = new KeyRingEncryptor(key);
        });
        return services.BuildServiceProvider().GetRequiredService<IDataProtectionProvider>();
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
