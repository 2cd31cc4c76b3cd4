using Dapper;
using IKomek.Dashboard.Platform.Audit;
using IKomek.Dashboard.Platform.Notify;
using Npgsql;

namespace IKomek.Dashboard.Features.Alerts;

/// <summary>One of a person's alert subscriptions (alert_subscriptions). Null district and area lists mean all;
/// quiet hours are Astana time.</summary>
public sealed record AlertSubscription(string[] Kinds, short[]? DistrictIds, short[]? AreaIds, string[] Channels,
    TimeSpan? QuietFrom, TimeSpan? QuietTo, short EscalationLevel, bool Enabled);

/// <summary>A person's subscriptions; <see cref="Suggested"/> when the person has none yet and these are the role's defaults.</summary>
public sealed record MySubscriptions(IReadOnlyList<AlertSubscription> Items, bool Suggested);

/// <summary>Subscriptions refused, with the text keys of what is wrong (one per subscription at most, by index).</summary>
public sealed class SubscriptionsRejectedException(IReadOnlyDictionary<int, string> errors)
    : Exception("Alert subscriptions refused: " + string.Join(", ", errors.Select(e => $"#{e.Key} {e.Value}")))
{
    public IReadOnlyDictionary<int, string> Errors { get; } = errors;
}

/// <summary>
/// A person's alert subscriptions: read (with the role's defaults offered when there are none) and replaced as a whole,
/// checked here whatever the page sent, audited with the subscriptions before and after in the same transaction. What a
/// subscription may reach is decided at fan-out by the role (alerts_in_scope), not by what it asks.
/// </summary>
public sealed class AlertSubscriptions(NpgsqlDataSource db, TimeProvider time)
{
    /// <summary>The most a person keeps: a few per channel and place are plenty.</summary>
    public const int MaxPerPerson = 20;

    private const string Columns = """
        kinds AS Kinds, district_ids AS DistrictIds, area_ids AS AreaIds, channels AS Channels, quiet_from - time '00:00' AS QuietFrom,
        quiet_to - time '00:00' AS QuietTo, escalation_level AS EscalationLevel, enabled AS Enabled
        """;

    public async Task<MySubscriptions> GetAsync(string login, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var items = (await conn.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM alert_subscriptions WHERE login = @login ORDER BY id", new { login }, cancellationToken: ct))).Select(r => r.ToSubscription()).ToList();
        if (items.Count > 0) return new MySubscriptions(items, false);
        // The role's defaults, by e-mail (the channel every person can have).
        var suggested = await conn.QuerySingleOrDefaultAsync<Row>(new CommandDefinition("""
            SELECT kinds AS Kinds, area_ids AS AreaIds, ARRAY['email'] AS Channels, escalation_level AS EscalationLevel, true AS Enabled
            FROM alerts_default_subscription(@login)
            """, new { login }, cancellationToken: ct));
        return new MySubscriptions(suggested is null ? [] : [suggested.ToSubscription()], true);
    }

    /// <summary>The channels the person has a confirmed, enabled address on (push needs no confirmation).</summary>
    public async Task<IReadOnlySet<string>> ConfirmedChannelsAsync(string login, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<string>(new CommandDefinition("""
            SELECT DISTINCT channel FROM notify_endpoints
            WHERE login = @login AND disabled_at IS NULL AND (confirmed_at IS NOT NULL OR channel = 'push')
            """, new { login }, cancellationToken: ct))).ToHashSet();
    }

    /// <summary>Replaces the person's subscriptions with <paramref name="items"/>.</summary>
    /// <exception cref="SubscriptionsRejectedException">Something in them is wrong: nothing is saved.</exception>
    public async Task SaveAsync(string login, Actor actor, IReadOnlyList<AlertSubscription> items, CancellationToken ct = default)
    {
        var errors = Check(items);
        if (errors.Count > 0) throw new SubscriptionsRejectedException(errors);
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var unknown = await conn.QuerySingleAsync<(bool Districts, bool Areas)>(new CommandDefinition("""
            SELECT EXISTS (SELECT 1 FROM unnest(@districts) x WHERE x NOT IN (SELECT id FROM districts)),
                   EXISTS (SELECT 1 FROM unnest(@areas) x WHERE x NOT IN (SELECT id FROM areas))
            """, new
            {
                districts = items.SelectMany(i => i.DistrictIds ?? []).Distinct().ToArray(),
                areas = items.SelectMany(i => i.AreaIds ?? []).Distinct().ToArray(),
            }, tx, cancellationToken: ct));
        if (unknown.Districts || unknown.Areas)
            throw new SubscriptionsRejectedException(new Dictionary<int, string> { [0] = unknown.Districts ? "notify.error.district" : "notify.error.area" });
        var before = (await conn.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM alert_subscriptions WHERE login = @login ORDER BY id FOR UPDATE", new { login }, tx, cancellationToken: ct))).Select(r => r.ToSubscription()).ToList();
        await conn.ExecuteAsync(new CommandDefinition("DELETE FROM alert_subscriptions WHERE login = @login", new { login }, tx, cancellationToken: ct));
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var s in items)
        {
            await conn.ExecuteAsync(new CommandDefinition("""
                INSERT INTO alert_subscriptions (login, kinds, district_ids, area_ids, channels, quiet_from, quiet_to, escalation_level, enabled, updated_at, updated_by)
                VALUES (@login, @Kinds, @DistrictIds, @AreaIds, @Channels, @QuietFrom::time, @QuietTo::time, @EscalationLevel, @Enabled, @now, @by)
                """, new
                {
                    login, s.Kinds, DistrictIds = Nullable(s.DistrictIds), AreaIds = Nullable(s.AreaIds), s.Channels,
                    s.QuietFrom, s.QuietTo, s.EscalationLevel, s.Enabled, now, by = actor.Name,
                }, tx, cancellationToken: ct));
        }
        await AuditLog.RecordAsync(conn, tx, actor, AlertAuditActions.Subscriptions, "user", login, new { before, after = items }, ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>An empty list is "all", as the table stores it (NULL).</summary>
    private static short[]? Nullable(short[]? ids) => ids is { Length: > 0 } ? ids.Distinct().Order().ToArray() : null;

    /// <summary>What is wrong with each subscription, as a text key (the first thing found).</summary>
    public static IReadOnlyDictionary<int, string> Check(IReadOnlyList<AlertSubscription> items)
    {
        var errors = new Dictionary<int, string>();
        if (items.Count > MaxPerPerson) errors[0] = "notify.error.tooMany";
        for (var i = 0; i < items.Count && i < MaxPerPerson; i++)
        {
            var s = items[i];
            var error =
                s.Kinds is null || s.Kinds.Length == 0 || s.Kinds.Any(k => !AlertKinds.All.Contains(k)) ? "notify.error.kinds"
                : s.Channels is null || s.Channels.Length == 0 || s.Channels.Any(c => !NotifyChannels.All.Contains(c)) ? "notify.error.channels"
                : s.EscalationLevel is < 1 or > 3 ? "notify.error.level"
                : (s.QuietFrom is null) != (s.QuietTo is null) ? "notify.error.quietBoth"
                : s.QuietFrom is { } f && (f < TimeSpan.Zero || f >= TimeSpan.FromDays(1)) || s.QuietTo is { } t && (t < TimeSpan.Zero || t >= TimeSpan.FromDays(1)) ? "notify.error.quietTime"
                : s.QuietFrom is { } from && from == s.QuietTo ? "notify.error.quietSame"
                : null;
            if (error is not null) errors[i] = error;
        }
        return errors;
    }

    /// <summary>Dapper's constructor matching does not take arrays: read into properties, then the record.</summary>
    private sealed class Row
    {
        public string[] Kinds { get; set; } = [];
        public short[]? DistrictIds { get; set; }
        public short[]? AreaIds { get; set; }
        public string[] Channels { get; set; } = [];
        public TimeSpan? QuietFrom { get; set; }
        public TimeSpan? QuietTo { get; set; }
        public short EscalationLevel { get; set; }
        public bool Enabled { get; set; }

        public AlertSubscription ToSubscription() => new(Kinds, DistrictIds, AreaIds, Channels, QuietFrom, QuietTo, EscalationLevel, Enabled);
    }
}
