using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Npgsql;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace IKomek.Dashboard.Platform.Database;

/// <summary>Settings of a PostgreSQL cluster the app runs itself.</summary>
/// <param name="Folder">Folder owned by the cluster: holds <c>data/</c> and <c>postgres.log</c>.</param>
/// <param name="Durable">False for throwaway test clusters: fsync off, faster.</param>
/// <param name="StopAdoptedServer">A server found running on the folder is stopped with this one: true for the app
/// (its previous run was killed), false for a command-line verb run beside a running app.</param>
public sealed record EmbeddedPostgresOptions(string Folder, bool Durable = true, bool StopAdoptedServer = true);

/// <summary>
/// A PostgreSQL cluster in a folder of ours: initdb on first use, pg_ctl start on a free loopback port,
/// pg_ctl stop on dispose. As root it runs the server as the <c>postgres</c> user, since initdb refuses root.
/// Connections need the superuser's password (scram-sha-256), generated once and kept in <see cref="PasswordFile"/>
/// with owner-only rights: another local user cannot connect through the loopback port. A folder made before
/// passwords (trust) gets one at its next start.
/// </summary>
public sealed class EmbeddedPostgres : IAsyncDisposable
{
    private readonly string _bin;
    private readonly bool _asPostgresUser;
    private readonly ILogger _log;
    private bool _ownsServer;

    private EmbeddedPostgres(string bin, string folder, bool asPostgresUser, ILogger log)
    {
        _bin = bin;
        Folder = folder;
        _asPostgresUser = asPostgresUser;
        _log = log;
    }

    public string Folder { get; }
    public string DataDirectory => Path.Combine(Folder, "data");
    public string LogFile => Path.Combine(Folder, "postgres.log");
    public int Port { get; private set; }

    /// <summary>The superuser's password, one line, mode 0600 (beside <c>data/</c>, not in it: initdb wants an empty folder).</summary>
    public string PasswordFile => PasswordFileOf(Folder);

    public static string PasswordFileOf(string folder) => Path.Combine(folder, "password");

    /// <summary>The password of the cluster in <paramref name="folder"/> (for another process on its server: a verb, a test).</summary>
    public static string ReadPassword(string folder) => File.ReadAllText(PasswordFileOf(folder)).Trim();

    private string _password = "";

    /// <summary>Connection string to a database of this cluster (superuser, scram-sha-256 on loopback).</summary>
    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1", Port = Port, Username = "postgres", Password = _password, Database = database,
        Pooling = true, MaxPoolSize = 50, IncludeErrorDetail = true,
    }.ConnectionString;

    public static async Task<EmbeddedPostgres> StartAsync(EmbeddedPostgresOptions options, ILogger? log = null, CancellationToken ct = default)
    {
        log ??= NullLogger.Instance;
        var bin = PostgresBinaries.FindBinFolder() ?? throw new InvalidOperationException(
            "PostgreSQL server binaries (initdb, pg_ctl) were not found on PATH or under /usr/lib/postgresql/*/bin. " +
            "Install PostgreSQL 15 or newer (Debian: apt-get install postgresql) or set ConnectionStrings:City to an existing server.");
        var folder = Path.GetFullPath(options.Folder);
        var pg = new EmbeddedPostgres(bin, folder, asPostgresUser: Environment.IsPrivilegedProcess, log);
        await pg.StartCoreAsync(options.Durable, options.StopAdoptedServer, ct);
        return pg;
    }

    private async Task StartCoreAsync(bool durable, bool stopAdopted, CancellationToken ct)
    {
        Directory.CreateDirectory(Folder);
        _password = EnsurePasswordFile();
        if (_asPostgresUser) await RunAsync("chown", ["-R", "postgres:postgres", Folder], asPostgres: false, ct);

        if (!File.Exists(Path.Combine(DataDirectory, "PG_VERSION")))
        {
            _log.LogInformation("Creating a PostgreSQL cluster in {Folder}", DataDirectory);
            string[] initdb = ["-D", DataDirectory, "-U", "postgres", "-A", "scram-sha-256", "--pwfile", PasswordFile, "-E", "UTF8", "--locale=C.UTF-8"];
            await RunAsync(Path.Combine(_bin, "initdb"), durable ? initdb : [.. initdb, "--no-sync"], _asPostgresUser, ct);
        }

        if (TryReuseRunningServer())
        {
            _ownsServer = stopAdopted;
            await RequirePasswordAsync(ct);
            return;
        }

        Port = FreeLoopbackPort();
        // A larger WAL budget: loading the full-scale demo city otherwise checkpoints every few seconds.
        var settings = $"-p {Port} -c listen_addresses=127.0.0.1 -c unix_socket_directories= -c max_connections=200 -c max_wal_size=4GB";
        if (!durable) settings += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
        await RunAsync(Path.Combine(_bin, "pg_ctl"),
            ["-D", DataDirectory, "-l", LogFile, "-w", "-t", "60", "-o", settings, "start"], _asPostgresUser, ct);
        _ownsServer = true;
        _log.LogInformation("PostgreSQL started on 127.0.0.1:{Port} (data in {Folder})", Port, DataDirectory);
        await RequirePasswordAsync(ct);
    }

    /// <summary>The password file, made on first use: 32 random bytes, owner-only from the moment it exists.</summary>
    private string EnsurePasswordFile()
    {
        if (!File.Exists(PasswordFile))
            OwnerOnlyFile.TryCreate(PasswordFile, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_'));
        OwnerOnlyFile.Restrict(PasswordFile);
        return ReadPassword(Folder);
    }

    private static readonly string[] HbaLines =
    [
        "# Written by iKomek's launcher: every connection proves the password in ../password.",
        "local   all          all                    scram-sha-256",
        "host    all          all    127.0.0.1/32    scram-sha-256",
        "host    all          all    ::1/128         scram-sha-256",
        "local   replication  all                    scram-sha-256",
        "host    replication  all    127.0.0.1/32    scram-sha-256",
        "host    replication  all    ::1/128         scram-sha-256",
    ];

    /// <summary>
    /// A cluster made before passwords lets anyone on the machine in (trust): while it still does, give the superuser
    /// the file's password, then require it (pg_hba.conf, reloaded). A cluster made with a password is left as it is.
    /// </summary>
    private async Task RequirePasswordAsync(CancellationToken ct)
    {
        var hba = Path.Combine(DataDirectory, "pg_hba.conf");
        var rules = File.ReadLines(hba).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        if (rules.All(l => l.EndsWith("scram-sha-256", StringComparison.Ordinal))) return;

        _log.LogInformation("Giving the PostgreSQL cluster in {Folder} a password (it trusted every local connection)", DataDirectory);
        var trusted = new NpgsqlConnectionStringBuilder(ConnectionString("postgres")) { Password = null, Pooling = false }.ConnectionString;
        await using (var conn = new NpgsqlConnection(trusted))
        {
            await conn.OpenAsync(ct);
            await using var set = new NpgsqlCommand("SET password_encryption = 'scram-sha-256'", conn);
            await set.ExecuteNonQueryAsync(ct);
            // ALTER ROLE takes no parameters: the password is base64url, so quoting it is enough.
            await using var alter = new NpgsqlCommand($"ALTER ROLE postgres PASSWORD '{_password.Replace("'", "''")}'", conn);
            await alter.ExecuteNonQueryAsync(ct);
            await File.WriteAllLinesAsync(hba, HbaLines, ct);
            await using var reload = new NpgsqlCommand("SELECT pg_reload_conf()", conn);
            await reload.ExecuteNonQueryAsync(ct);
        }
        // The reload is asynchronous in the postmaster: wait until a password-less connection is refused.
        for (var i = 0; i < 50; i++)
        {
            try
            {
                await using var probe = new NpgsqlConnection(trusted);
                await probe.OpenAsync(ct);
            }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification)
            {
                return;
            }
            catch (NpgsqlException e) when (e.Message.Contains("password", StringComparison.OrdinalIgnoreCase))
            {
                return;
            }
            await Task.Delay(100, ct);
        }
        throw new InvalidOperationException($"PostgreSQL in {DataDirectory} still accepts connections without a password after its pg_hba.conf was rewritten");
    }

    /// <summary>
    /// A postmaster.pid left by a crash names a process that is gone (or reused by another program):
    /// remove it so the server starts. If it names a live server on this folder (the app was killed and its
    /// server kept running), use that server; whether this process stops it is the caller's choice.
    /// </summary>
    private bool TryReuseRunningServer()
    {
        var pidFile = Path.Combine(DataDirectory, "postmaster.pid");
        if (!File.Exists(pidFile)) return false;
        var lines = File.ReadAllLines(pidFile);
        if (lines.Length >= 4 && int.TryParse(lines[0], out var pid) && int.TryParse(lines[3], out var port) && IsLivePostgres(pid, port))
        {
            Port = port;
            _log.LogInformation("Reusing the PostgreSQL server already running on this folder (pid {Pid}, port {Port})", pid, port);
            return true;
        }
        _log.LogWarning("Removing a stale postmaster.pid left by a server that is no longer running");
        File.Delete(pidFile);
        return false;
    }

    /// <summary>True for a live (not zombie) postgres process that answers on the port its pid file names.</summary>
    private static bool IsLivePostgres(int pid, int port)
    {
        try
        {
            var comm = File.ReadAllText($"/proc/{pid}/comm").Trim();
            // /proc/PID/stat: "pid (comm) state ...": a zombie (Z) or dead (X) server is gone.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var state = stat[(stat.LastIndexOf(')') + 2)..].FirstOrDefault();
            if (comm is not ("postgres" or "postmaster") || state is 'Z' or 'X') return false;
            // A blocking connect: on loopback it is answered at once (accepted or refused). Waiting on ConnectAsync
            // needs a thread-pool thread to finish, and a busy pool (tests, a loaded start) made a live server look dead.
            using var probe = new TcpClient();
            probe.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or AggregateException or SocketException)
        {
            return false;
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task StopAsync()
    {
        if (!_ownsServer) return;
        _ownsServer = false;
        await RunAsync(Path.Combine(_bin, "pg_ctl"), ["-D", DataDirectory, "-m", "fast", "-w", "-t", "60", "stop"], _asPostgresUser, CancellationToken.None);
        _log.LogInformation("PostgreSQL stopped");
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    private async Task RunAsync(string file, IReadOnlyList<string> args, bool asPostgres, CancellationToken ct)
    {
        var psi = new ProcessStartInfo(asPostgres ? "runuser" : file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = "/",
        };
        if (asPostgres)
        {
            foreach (var a in new[] { "-u", "postgres", "--", file }) psi.ArgumentList.Add(a);
        }
        foreach (var a in args) psi.ArgumentList.Add(a);

        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"Could not start {file}");
        // pg_ctl leaves the server running with our pipes inherited: read to the process exit, not to EOF.
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
        {
            var log = File.Exists(LogFile) ? string.Join('\n', File.ReadLines(LogFile).TakeLast(15)) : "";
            throw new InvalidOperationException(
                $"{Path.GetFileName(file)} {string.Join(' ', args)} failed with exit code {process.ExitCode}:\n{output}\n{log}".TrimEnd());
        }
    }
}
