using Dapper;
using Hangfire;
using IKomek.Dashboard.Platform.Audit;
using IKomek.Dashboard.Platform.Jobs;
using IKomek.Dashboard.Platform.Notify;
using Npgsql;
using Telegram.Bot;
using Telegram.Bot.Types.Enums;

namespace IKomek.Dashboard.Features.Alerts.Channels;

/// <summary>A link the person follows to the bot: t.me/&lt;bot&gt;?start=&lt;code&gt;, good until <see cref="Expires"/>.</summary>
public sealed record TelegramLink(string Url, DateTimeOffset Expires);

/// <summary>What a reading of the bot's updates did.</summary>
public sealed record TelegramPollRun(int Updates, int Linked, int Refused);

/// <summary>
/// Linking a Telegram chat to a person: the page asks for a one-time code and its deep link; the person opens it and
/// presses Start, so the chat sends <c>/start &lt;code&gt;</c>; reading the bot's updates (getUpdates, the offset kept in
/// telegram_poll, one reader at a time) binds that chat to the code's person, confirmed, and answers the chat.
/// </summary>
public sealed class TelegramLinks(NpgsqlDataSource db, TelegramBot bot, TimeProvider time)
{
    public bool IsConfigured => bot.Options.IsConfigured;

    public async Task<TelegramLink> CreateAsync(Actor actor, CancellationToken ct = default)
    {
        if (!IsConfigured) throw new EndpointRejectedException("channels.err.telegramOff");
        var code = OneTimeCode.New();
        var expires = time.GetUtcNow() + bot.Options.LinkLifetime;
        await using var conn = await db.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition("""
            INSERT INTO notify_codes (code_hash, login, channel, created_at, expires_at) VALUES (@hash, @login, 'telegram', @now, @expires)
            """, new { hash = OneTimeCode.Hash(code), login = actor.Name, now = time.GetUtcNow(), expires }, cancellationToken: ct));
        return new TelegramLink($"https://t.me/{Uri.EscapeDataString(bot.Options.BotName!.TrimStart('@'))}?start={code}", expires);
    }

    /// <summary>A reading that failed at the Bot API (down, refusing, unreachable): the minute's job tries again.</summary>
    public static bool IsUnreachable(Exception e) => e is Telegram.Bot.Exceptions.RequestException or HttpRequestException;

    public async Task<TelegramPollRun> PollAsync(CancellationToken ct = default)
    {
        if (!IsConfigured) return new TelegramPollRun(0, 0, 0);
        var client = bot.Client();
        var replies = new List<(long Chat, string Text)>();
        int count, linked = 0, refused = 0;
        await using (var conn = await db.OpenConnectionAsync(ct))
        await using (var tx = await conn.BeginTransactionAsync(ct))
        {
            var offset = await conn.QuerySingleAsync<long>(new CommandDefinition(
                "SELECT update_offset FROM telegram_poll FOR UPDATE", transaction: tx, cancellationToken: ct));
            var updates = await client.GetUpdates((int)offset, limit: 100, timeout: 0, allowedUpdates: [UpdateType.Message], cancellationToken: ct);
            count = updates.Length;
            var now = time.GetUtcNow();
            foreach (var update in updates)
            {
                if (update.Message is not { Text: { } text } message || !text.StartsWith("/start", StringComparison.Ordinal)) continue;
                var code = text["/start".Length..].Trim();
                var login = code.Length is > 0 and <= 64 ? await conn.QuerySingleOrDefaultAsync<string>(new CommandDefinition("""
                    UPDATE notify_codes SET used_at = @now
                    WHERE code_hash = @hash AND channel = 'telegram' AND used_at IS NULL AND expires_at > @now
                    RETURNING login
                    """, new { hash = OneTimeCode.Hash(code), now }, tx, cancellationToken: ct)) : null;
                if (login is null)
                {
                    refused++;
                    replies.Add((message.Chat.Id, ChannelsTexts.Both("channels.tg.refused")));
                    continue;
                }
                var label = ChannelEndpoints.Trim(message.Chat.Username is { } u ? "@" + u : message.Chat.Title ?? message.Chat.FirstName, 100);
                var id = await conn.QuerySingleAsync<long>(new CommandDefinition("""
                    INSERT INTO notify_endpoints (login, channel, address, label, created_at, confirmed_at)
                    VALUES (@login, 'telegram', @chat, @label, @now, @now)
                    ON CONFLICT (login, channel, address) DO UPDATE
                        SET label = excluded.label, confirmed_at = @now, disabled_at = NULL, disabled_reason = NULL
                    RETURNING id
                    """, new { login, chat = message.Chat.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), label, now },
                    tx, cancellationToken: ct));
                // The code proves the person: the link is recorded as theirs.
                await AuditLog.RecordAsync(conn, tx, new Actor(login), AuditActions.NotifyEndpoint, "notify_endpoint",
                    id.ToString(System.Globalization.CultureInfo.InvariantCulture), new { change = "link", channel = NotifyChannels.Telegram }, ct);
                linked++;
                replies.Add((message.Chat.Id, ChannelsTexts.Both("channels.tg.linked")));
            }
            if (count > 0)
                await conn.ExecuteAsync(new CommandDefinition("UPDATE telegram_poll SET update_offset = @next, polled_at = @now",
                    new { next = updates.Max(u => (long)u.Id) + 1, now }, tx, cancellationToken: ct));
            await tx.CommitAsync(ct);
        }
        // Answered once the binding is committed; an answer that fails leaves the link in place.
        foreach (var (chat, text) in replies)
        {
            try { await client.SendMessage(chat, text, cancellationToken: ct); }
            catch (Exception e) when (e is Telegram.Bot.Exceptions.RequestException or HttpRequestException) { }
        }
        return new TelegramPollRun(count, linked, refused);
    }
}

/// <summary>Every minute (and from the page at once): the bot's new messages, for the chats being linked.</summary>
public sealed class TelegramPollJob(TelegramLinks links)
{
    public const string Id = "telegram-poll";

    public static readonly ScheduledJob Schedule = ScheduledJob.For<TelegramPollJob>(Id, "* * * * *", "channels.job.telegram",
        j => j.RunAsync(CancellationToken.None));

    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [AutomaticRetry(Attempts = 0)]
    public async Task<JobResult> RunAsync(CancellationToken cancellationToken)
    {
        var run = await links.PollAsync(cancellationToken);
        return new JobResult("channels.job.telegramResult", run.Updates, run.Linked, run.Refused);
    }
}
