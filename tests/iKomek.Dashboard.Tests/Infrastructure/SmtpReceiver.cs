using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace IKomek.Dashboard.Tests.Infrastructure;

/// <summary>A local SMTP server for the e-mail tests: the real services cannot be reached from here. It speaks SMTP
/// on a free port, keeps what it receives as MIME messages, and can refuse the next messages as a mail server that is
/// down for a while would (451, try later).</summary>
public sealed class SmtpReceiver : IAsyncDisposable
{
    private readonly SmtpServer.SmtpServer server;
    private readonly CancellationTokenSource stop = new();
    private readonly Task running;
    private readonly Store store;

    public SmtpReceiver()
    {
        Port = FreePort();
        store = new Store(this);
        var options = new SmtpServerOptionsBuilder().ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)).IsSecure(false)).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(store);
        server = new SmtpServer.SmtpServer(options, services);
        running = server.StartAsync(stop.Token);
    }

    public int Port { get; }
    public ConcurrentQueue<MimeMessage> Received { get; } = new();
    /// <summary>How many of the next messages to refuse with 451 (a transient failure).</summary>
    public int RefuseNext;

    /// <summary>Mail options that send here.</summary>
    public IKomek.Dashboard.Platform.Notify.MailOptions Options => new()
    {
        Host = "127.0.0.1", Port = Port, Security = MailKit.Security.SecureSocketOptions.None,
        From = "iKomek 109 <noreply@ikomek109.kz>",
    };

    /// <summary>Waits until <paramref name="count"/> messages have arrived (or fails after the timeout).</summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (Received.Count < count)
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"{Received.Count} of {count} e-mails arrived at the local SMTP server.");
            await Task.Delay(20);
        }
        return Received.ToArray();
    }

    /// <summary>Waits for the first message that <paramref name="match"/> accepts (other tests' mail may arrive too).</summary>
    public async Task<MimeMessage> WaitForAsync(Func<MimeMessage, bool> match, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            if (Received.FirstOrDefault(match) is { } found) return found;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"No such e-mail among the {Received.Count} at the local SMTP server.");
            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        stop.Cancel();
        server.Shutdown();
        try { await running; } catch (OperationCanceledException) { }
        stop.Dispose();
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private sealed class Store(SmtpReceiver receiver) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction,
            ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            if (Interlocked.Decrement(ref receiver.RefuseNext) >= 0)
                return new SmtpResponse(SmtpReplyCode.ServiceUnavailable, "try again later");
            Interlocked.Exchange(ref receiver.RefuseNext, 0);
            await using var stream = new MemoryStream(buffer.ToArray());
            receiver.Received.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
