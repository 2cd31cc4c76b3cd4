using System.Threading.Channels;

namespace IKomek.Dashboard.Platform.Database;

/// <summary>
/// Group commit: what arrives while a transaction is being written waits for the next one, which writes it all in one
/// transaction (one commit, one change-feed row, instead of one per caller). A group that fails is retried item by
/// item, so one bad item fails alone. One reader drains the queue: on one node, groups are written one at a time, in
/// arrival order. The appeals' intake and the city systems' intake both write through it.
/// </summary>
/// <param name="writeGroup">Writes a group in one transaction; returns one result per item, in order.</param>
/// <param name="maxGroup">Most items in one transaction.</param>
/// <param name="admit">Runs under the queue's lock as an item is queued (so in queue order): may adjust the item.</param>
public sealed class GroupCommit<TItem, TResult>(
    Func<IReadOnlyList<TItem>, Task<TResult[]>> writeGroup, int maxGroup, Func<TItem, TItem>? admit = null) : IAsyncDisposable
{
    private sealed record Pending(TItem Item, TaskCompletionSource<TResult> Done);

    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _start = new();
    private Task? _loop;

    public Task<TResult> WriteAsync(TItem item, CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        var done = new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_start)
        {
            _loop ??= Task.Run(LoopAsync, CancellationToken.None);
            if (admit is not null) item = admit(item);
            if (!_queue.Writer.TryWrite(new Pending(item, done))) throw new ObjectDisposedException(GetType().Name);
        }
        // A caller that gives up does not take its item back: it is written, as a resubmission would find it.
        return done.Task.WaitAsync(ct);
    }

    private async Task LoopAsync()
    {
        var group = new List<Pending>(maxGroup);
        while (await _queue.Reader.WaitToReadAsync())
        {
            group.Clear();
            while (group.Count < maxGroup && _queue.Reader.TryRead(out var next)) group.Add(next);
            try
            {
                var results = await writeGroup(group.Select(p => p.Item).ToList());
                for (var i = 0; i < group.Count; i++) group[i].Done.SetResult(results[i]);
            }
            catch (Exception) when (group.Count > 1)
            {
                foreach (var one in group) await WriteAloneAsync(one);
            }
            catch (Exception e)
            {
                group[0].Done.SetException(e);
            }
        }
    }

    private async Task WriteAloneAsync(Pending one)
    {
        try
        {
            one.Done.SetResult((await writeGroup([one.Item]))[0]);
        }
        catch (Exception e)
        {
            one.Done.SetException(e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        if (_loop is not null) await _loop;
    }
}
