using Npgsql;

namespace IKomek.Dashboard.Platform.Database;

public static class DatabaseOutage
{
    /// <summary>The server unreachable, shutting down or starting up, or a connection it broke: worth retrying.</summary>
    public static bool Is(Exception e)
    {
        for (var x = e; x is not null; x = x.InnerException)
        {
            if (x is PostgresException p) return p.SqlState.StartsWith("08", StringComparison.Ordinal) || p.SqlState.StartsWith("57P", StringComparison.Ordinal);
            if (x is NpgsqlException { IsTransient: true } or System.Net.Sockets.SocketException or TimeoutException) return true;
            if (x is NpgsqlException && x.InnerException is IOException or System.Net.Sockets.SocketException) return true;
        }
        return false;
    }
}
