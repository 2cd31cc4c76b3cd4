using System.Xml.Linq;
using Dapper;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Npgsql;

namespace IKomek.Dashboard.Platform.Database;

/// <summary>
/// ASP.NET Core data protection's key ring in the city's database (table data_protection_keys), so every app node
/// reads the sign-in cookies and antiforgery tokens the others issued: PostgreSQL is the one place the nodes share.
/// The key ring's encryptor (<see cref="KeyRingEncryptor"/>) has encrypted each element before it is stored here.
/// </summary>
public sealed class PostgresKeyRepository(NpgsqlDataSource db) : IXmlRepository
{
    // The framework calls these synchronously, rarely (at first use, then about once a day per node).
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var conn = db.OpenConnection();
        return conn.Query<string>("SELECT xml FROM data_protection_keys ORDER BY created_at").Select(x => XElement.Parse(x)).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var conn = db.OpenConnection();
        conn.Execute("INSERT INTO data_protection_keys (name, xml) VALUES (@name, @xml) ON CONFLICT (name) DO NOTHING",
            new { name = friendlyName, xml = element.ToString(SaveOptions.DisableFormatting) });
    }
}
