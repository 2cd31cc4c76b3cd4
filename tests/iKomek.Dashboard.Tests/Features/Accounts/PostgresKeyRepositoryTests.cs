using IKomek.Dashboard.Platform.Database;
using IKomek.Dashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;

namespace IKomek.Dashboard.Tests.Features.Accounts;

/// <summary>Two app nodes on one database read each other's cookies: the key ring lives in PostgreSQL.</summary>
public sealed class PostgresKeyRepositoryTests(MigratedDatabase db) : IClassFixture<MigratedDatabase>
{
    [Fact]
    public void ProtectedOnOneNode_IsReadOnAnother()
    {
        var nodeA = Node().CreateProtector("cookie");
        var ticket = nodeA.Protect("signed in as admin");

        var nodeB = Node().CreateProtector("cookie");

        Assert.Equal("signed in as admin", nodeB.Unprotect(ticket));
        Assert.Single(new PostgresKeyRepository(db.DataSource).GetAllElements());
    }

    private IDataProtectionProvider Node()
    {
        var services = new ServiceCollection();
        services.AddDataProtection().SetApplicationName("iKomek.Dashboard");
        services.Configure<KeyManagementOptions>(o => o.XmlRepository = new PostgresKeyRepository(db.DataSource));
        return services.BuildServiceProvider().GetRequiredService<IDataProtectionProvider>();
    }
}
