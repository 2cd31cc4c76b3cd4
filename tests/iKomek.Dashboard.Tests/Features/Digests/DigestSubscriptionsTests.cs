using Dapper;
using IKomek.Dashboard.Features.Digests;
using IKomek.Dashboard.Platform.Audit;
using IKomek.Dashboard.Tests.Infrastructure;

namespace IKomek.Dashboard.Tests.Features.Digests;

public sealed class DigestSubscriptionsTests(MigratedDatabase db) : IClassFixture<MigratedDatabase>, IAsyncLifetime
{
    private static readonly Actor Person = new("digest.reader", "analyst");
    private DigestSubscriptions Subscriptions => new(db.DataSource, TimeProvider.System);

    public async Task InitializeAsync()
    {
        await using var conn = await db.DataSource.OpenConnectionAsync();
        await conn.ExecuteAsync("""
            INSERT INTO users (login, display_name, role) VALUES ('digest.reader', 'Reader', 'analyst'), ('other.reader', 'Other', 'analyst')
            ON CONFLICT (login) DO NOTHING;
            DELETE FROM digest_subscriptions; DELETE FROM notify_endpoints;
            """);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<long> EndpointAsync(string login, bool confirmed = true, string channel = "email")
    {
        await using var conn = await db.DataSource.OpenConnectionAsync();
        return await conn.ExecuteScalarAsync<long>("""
            INSERT INTO notify_endpoints (login, channel, address, created_at, confirmed_at)
            VALUES (@login, @channel, @login || '-' || gen_random_uuid() || '@astana.kz', now(), CASE WHEN @confirmed THEN now() END) RETURNING id
            """, new { login, confirmed, channel });
    }

    [Fact]
    public async Task Save_TurnsKindsOnAndOff_SetsTheLanguage_AndIsAudited()
    {
        var address = await EndpointAsync(Person.Name);

        await Subscriptions.SaveAsync(Person, new DigestChoice(address, "en", new HashSet<string> { DigestKinds.Daily, DigestKinds.Monthly }));
        await Subscriptions.SaveAsync(Person, new DigestChoice(address, "kk", new HashSet<string> { DigestKinds.Weekly }));

        var settings = await Subscriptions.GetAsync(Person.Name);
        Assert.Equal("kk", settings.Language);
        Assert.Equal([address], settings.Addresses.Select(a => a.Id));
        Assert.Equal([(DigestKinds.Daily, false), (DigestKinds.Monthly, false), (DigestKinds.Weekly, true)],
            settings.Subscriptions.OrderBy(s => s.Kind).Select(s => (s.Kind, s.Enabled)));
        var audit = await AuditRows.AboutAsync(db.DataSource, "digest", Person.Name);
        Assert.Equal(2, audit.Count);
        Assert.Equal(("digest.reader", "analyst", AuditActions.DigestSubscriptions), (audit[1].Actor, audit[1].Role, audit[1].Action));
        Assert.Equal(("false", "true", "kk"), (audit[1].Detail("daily"), audit[1].Detail("weekly"), audit[1].Detail("language")));
    }

    [Fact]
    public async Task Save_ToSomeoneElsesUnconfirmedOrNonEmailAddress_OrInAnUnknownLanguage_IsRefused_AndChangesNothing()
    {
        var others = await EndpointAsync("other.reader");
        var unconfirmed = await EndpointAsync(Person.Name, confirmed: false);
        var mine = await EndpointAsync(Person.Name);
        var on = new HashSet<string> { DigestKinds.Daily };

        foreach (var id in new[] { others, unconfirmed, 0L })
            Assert.Equal("digests.page.badAddress",
                (await Assert.ThrowsAsync<DigestRejectedException>(() => Subscriptions.SaveAsync(Person, new DigestChoice(id, "ru", on)))).TextKey);
        await Assert.ThrowsAsync<DigestRejectedException>(() => Subscriptions.SaveAsync(Person, new DigestChoice(mine, "de", on)));
        await Assert.ThrowsAsync<ArgumentException>(() => Subscriptions.SaveAsync(Person, new DigestChoice(mine, "ru", new HashSet<string> { "hourly" })));

        Assert.Empty((await Subscriptions.GetAsync(Person.Name)).Subscriptions);
        Assert.Empty(await AuditRows.AboutAsync(db.DataSource, "digest", Person.Name));
    }
}
