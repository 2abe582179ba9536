using System.Globalization;

namespace OpenHealthLive.Web.Tests.ScaleOut;

/// <summary>
/// A PostgreSQL cluster of the test's own (Debian's package), in a temporary data directory, on 127.0.0.1,
/// trusting local connections; it can be stopped and started again.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "ohl-pg-" + Guid.NewGuid().ToString("N")[..8]);

    public int Port { get; } = ServerProcess.FreePort();

    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=ohl;Database=openhealthlive;Timeout=5;Command Timeout=10";

    public static string? BinDirectory { get; } = Directory.Exists("/usr/lib/postgresql")
        ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "pg_ctl"))).Order().LastOrDefault()
        : null;

    public static bool IsInstalled => BinDirectory is not null;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        if (Environment.UserName == "root")
        {
            await ServerProcess.RunAsync("chown", "postgres:postgres", _directory);
        }

        var (file, arguments) = ServerProcess.AsPostgresUser(Path.Combine(BinDirectory!, "initdb"), "-D", Path.Combine(_directory, "data"), "-A", "trust", "-U", "ohl", "--no-sync");
        await ServerProcess.RunAsync(file, arguments);
        await StartAsync();
    }

    public async Task StartAsync()
    {
        var (file, arguments) = ServerProcess.AsPostgresUser(Path.Combine(BinDirectory!, "pg_ctl"), "-D", Path.Combine(_directory, "data"), "-w", "-l", Path.Combine(_directory, "log"),
            "-o", $"-p {Port.ToString(CultureInfo.InvariantCulture)} -k {_directory} -c listen_addresses=127.0.0.1 -c fsync=off", "start");
        await ServerProcess.RunAsync(file, arguments);
        await ServerProcess.WaitForPortAsync(Port);
    }

    public async Task StopAsync()
    {
        var (file, arguments) = ServerProcess.AsPostgresUser(Path.Combine(BinDirectory!, "pg_ctl"), "-D", Path.Combine(_directory, "data"), "-m", "immediate", "-w", "stop");
        await ServerProcess.RunAsync(file, arguments);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }

        Npgsql.NpgsqlConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
