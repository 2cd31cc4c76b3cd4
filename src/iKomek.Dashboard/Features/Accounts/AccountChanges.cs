using Dapper;
using Npgsql;

namespace IKomek.Dashboard.Features.Accounts;

/// <summary>
/// The node's news of sessions and accounts: a session ended, an account disabled, its role or password changed
/// (sql/functions/accounts/notify_account_change.sql). Open pages of that account check their session at once.
/// </summary>
public sealed class AccountChanges
{
    /// <summary>Every account: after the listener lost its connection, a notice may have been missed.</summary>
    public const int Everyone = 0;

    public event Action<int>? Changed;

    public void Publish(int userId) => Changed?.Invoke(userId);
}

/// <summary>This node's LISTEN on 'account_changes'; it reconnects after a lost connection and then has every page check.</summary>
public sealed class AccountChangeListener(NpgsqlDataSource db, AccountChanges changes, TimeProvider time, ILogger<AccountChangeListener> log) : BackgroundService
{
    public const string Channel = "account_changes";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromMilliseconds(250);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var conn = await db.OpenConnectionAsync(stoppingToken);
                conn.Notification += (_, e) => Publish(int.TryParse(e.Payload, out var id) ? id : AccountChanges.Everyone);
                await conn.ExecuteAsync(new CommandDefinition($"LISTEN {Channel}", cancellationToken: stoppingToken));
                // Whatever ended while this node was not listening is checked now.
                Publish(AccountChanges.Everyone);
                delay = TimeSpan.FromMilliseconds(250);
                try
                {
                    while (true) await conn.WaitAsync(stoppingToken);
                }
                finally
                {
                    // Pooled connections are not reset on return: one that is still sound goes back without its LISTEN.
                    if (conn.State == System.Data.ConnectionState.Open)
                    {
                        try { await conn.ExecuteAsync(new CommandDefinition("UNLISTEN *", commandTimeout: 5)); }
                        catch (Exception e) when (e is NpgsqlException or IOException or TimeoutException or InvalidOperationException) { }
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (e is NpgsqlException or IOException or TimeoutException)
            {
                log.LogWarning("Account changes connection lost ({Message}); reconnecting in {Delay} ms", e.Message, delay.TotalMilliseconds);
                await Task.Delay(delay, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 5000));
            }
        }
    }

    private void Publish(int userId)
    {
        try
        {
            changes.Publish(userId);
        }
        catch (Exception e)
        {
            log.LogError(e, "An account change subscriber failed");
        }
    }
}
