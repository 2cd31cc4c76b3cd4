using IKomek.Dashboard.Features.Live;
using Microsoft.AspNetCore.SignalR;
using IKomek.Dashboard.Platform.Changes;

namespace IKomek.Dashboard.Features.Live;

/// <summary>
/// /hubs/live: wall screens and other clients receive "counters" (today, open, overdue) whenever appeals change,
/// "incident" for each critical appeal as it arrives, and "alert" for each city system's critical alert as it opens.
/// A client gets the current counters on connecting.
/// </summary>
public sealed class LiveHub(LiveQueries queries, LiveHubClients clients) : Hub
{
    public const string Path = "/hubs/live";

    public override async Task OnConnectedAsync()
    {
        clients.Connected();
        try
        {
            await Clients.Caller.SendAsync("counters", await queries.GetCountersAsync(Context.ConnectionAborted));
            await base.OnConnectedAsync();
        }
        catch
        {
            // A connection that fails here never gets OnDisconnectedAsync: count it out now.
            clients.Disconnected();
            throw;
        }
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        clients.Disconnected();
        return base.OnDisconnectedAsync(exception);
    }
}

/// <summary>How many clients this node's hub holds: with none, nothing is read for them (a client gets the current
/// counters when it connects, so skipping loses nothing).</summary>
public sealed class LiveHubClients
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public void Connected() => Interlocked.Increment(ref _count);

    public void Disconnected() => Interlocked.Decrement(ref _count);
}

/// <summary>What "counters" carries.</summary>
public sealed record LiveCounters(DateTimeOffset AsOf, long Today, long Open, long Overdue, long CriticalToday);

/// <summary>What "incident" carries: a critical appeal, named in Russian with codes for clients that localise.</summary>
public sealed record LiveIncident(string RegNumber, DateTimeOffset CreatedAt, string ServiceCode, string ServiceName, string Area,
    string District, string? Address, string Status);

/// <summary>What "alert" carries: a city system's critical alert as it opens (rule named in Russian, with codes for
/// clients that localise); Reports counts the sensor and the citizens' appeals at its place. No object for a personal
/// system.</summary>
public sealed record LiveAlert(long Id, string SystemCode, string RuleCode, string RuleName, string? District, DateTimeOffset OpenedAt,
    string? ObjectName, int Reports);

/// <summary>Feeds the hub from the change feed: counters coalesced to a few a second, every new critical appeal.</summary>
public sealed class LiveHubBroadcaster(ChangeFeed feed, LiveQueries queries, IHubContext<LiveHub> hub, LiveHubClients clients,
    ILogger<LiveHubBroadcaster> log) : IHostedService
{
    private IDisposable? _subscription;
    private CoalescingTrigger? _counters;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _counters = new CoalescingTrigger(TimeSpan.FromMilliseconds(250), SendCountersAsync);
        _subscription = feed.Subscribe(change =>
        {
            if (clients.Count == 0)
            {
                // Nobody heard the alerts meanwhile: the next listener starts from the latest, not from a backlog.
                _lastAlertId = null;
                return;
            }
            _counters.Trigger();
            if (change is { Kind: "insert", Critical: > 0 }) _ = SendIncidentsAsync(change.FirstId, change.LastId);
            if (change is { Kind: "systems", FirstId: 0, Critical: > 0 }) _ = SendAlertsAsync(change.ReceivedUtc);
        });
        return Task.CompletedTask;
    }

    private async Task SendCountersAsync()
    {
        try
        {
            await hub.Clients.All.SendAsync("counters", await queries.GetCountersAsync(CancellationToken.None));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "Could not broadcast live counters");
        }
    }

    private async Task SendIncidentsAsync(long firstId, long lastId)
    {
        try
        {
            foreach (var incident in await queries.GetCriticalIncidentsAsync(firstId, lastId, CancellationToken.None))
                await hub.Clients.All.SendAsync("incident", incident);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "Could not broadcast critical incidents {First}..{Last}", firstId, lastId);
        }
    }

    private readonly SemaphoreSlim _alerts = new(1, 1);
    private long? _lastAlertId;

    private async Task SendAlertsAsync(DateTime received)
    {
        await _alerts.WaitAsync();
        try
        {
            // The first change heard: the alerts of the last seconds, not every open one (a client reads those on the page).
            foreach (var alert in await queries.GetAlertIncidentsAsync(_lastAlertId, received.AddSeconds(-10), CancellationToken.None))
            {
                await hub.Clients.All.SendAsync("alert", alert);
                _lastAlertId = Math.Max(_lastAlertId ?? 0, alert.Id);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "Could not broadcast city systems' alerts");
        }
        finally
        {
            _alerts.Release();
        }
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        _counters?.Dispose();
        return Task.CompletedTask;
    }
}
