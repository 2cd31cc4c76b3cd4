using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace IKomek.Dashboard.Platform.Database;

/// <summary>
/// The key that encrypts the cookie keys at rest (data_protection_keys holds them as AES-256-GCM ciphertext, so a
/// copy of the database does not forge sign-ins): 32 random bytes in a file beside the data, owner-only (0600),
/// made on first start. Every app node on one database needs the same file (copy it); a lost file only ends the
/// sign-ins of the keys it encrypted: new keys are made and encrypted with the new file.
/// </summary>
public sealed class KeyRingKey
{
    private KeyRingKey(byte[] key, string file)
    {
        Key = key;
        File = file;
    }

    internal byte[] Key { get; }

    public string File { get; }

    public static string DefaultFile(CityOptions options, string contentRoot) =>
        options.KeyRingKeyFile is { Length: > 0 } file ? Path.GetFullPath(file, contentRoot) : Path.Combine(options.ResolveDataFolder(contentRoot), "keyring.key");

    public static KeyRingKey LoadOrCreate(string file)
    {
        if (!System.IO.File.Exists(file))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            OwnerOnlyFile.TryCreate(file, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        }
        OwnerOnlyFile.Restrict(file);
        byte[] key;
        try
        {
            key = Convert.FromBase64String(System.IO.File.ReadAllText(file).Trim());
        }
        catch (FormatException)
        {
            key = [];
        }
        if (key.Length != 32) throw new InvalidOperationException($"{file} is not a key-ring key (32 bytes in base64): restore it or delete it to make a new one");
        return new KeyRingKey(key, file);
    }
}

/// <summary>Encrypts each cookie key's XML with <see cref="KeyRingKey"/> before it is stored (AES-256-GCM, a random nonce each).</summary>
public sealed class KeyRingEncryptor(KeyRingKey key) : IXmlEncryptor
{
    internal static readonly XNamespace Ns = "urn:ikomek:keyring";

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var plain = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var nonce = RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize);
        var tag = new byte[AesGcm.TagByteSizes.MaxSize];
        var cipher = new byte[plain.Length];
        using (var aes = new AesGcm(key.Key, tag.Length)) aes.Encrypt(nonce, plain, cipher, tag);
        CryptographicOperations.ZeroMemory(plain);
        var element = new XElement(Ns + "encrypted", new XAttribute("algorithm", "AES-256-GCM"),
            new XElement(Ns + "nonce", Convert.ToBase64String(nonce)),
            new XElement(Ns + "tag", Convert.ToBase64String(tag)),
            new XElement(Ns + "value", Convert.ToBase64String(cipher)));
        return new EncryptedXmlInfo(element, typeof(KeyRingDecryptor));
    }
}

/// <summary>The framework makes this by type with its services: it reads <see cref="KeyRingKey"/> from them.</summary>
public sealed class KeyRingDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        var key = services.GetRequiredService<KeyRingKey>();
        var nonce = Convert.FromBase64String((string)encryptedElement.Element(KeyRingEncryptor.Ns + "nonce")!);
        var tag = Convert.FromBase64String((string)encryptedElement.Element(KeyRingEncryptor.Ns + "tag")!);
        var cipher = Convert.FromBase64String((string)encryptedElement.Element(KeyRingEncryptor.Ns + "value")!);
        var plain = new byte[cipher.Length];
        using (var aes = new AesGcm(key.Key, tag.Length)) aes.Decrypt(nonce, cipher, tag, plain);
        return XElement.Parse(Encoding.UTF8.GetString(plain));
    }
}
