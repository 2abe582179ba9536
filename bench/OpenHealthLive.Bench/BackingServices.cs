using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace OpenHealthLive.Bench;

/// <summary>
/// redis-server and PostgreSQL from Debian's packages, on 127.0.0.1 with temporary data directories, for the
/// two-node scenario (as the scale-out tests start them). PostgreSQL runs as the postgres user when the
/// harness runs as root.
/// </summary>
internal sealed class BackingServices : IAsyncDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "ohl-bench-cluster-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly string _postgresBin;
    private Process? _redis;

    private BackingServices(string postgresBin) => _postgresBin = postgresBin;

    public int RedisPort { get; } = FreePort();

    public int PostgresPort { get; } = FreePort();

    public string RedisConnectionString => $"127.0.0.1:{RedisPort},abortConnect=false";

    public string PostgresConnectionString => $"Host=127.0.0.1;Port={PostgresPort};Username=ohl;Database=openhealthlive;Maximum Pool Size=50";

    public static async Task<BackingServices> StartAsync()
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "pg_ctl"))).Order().LastOrDefault()
            : null;
        if (bin is null || !File.Exists("/usr/bin/redis-server"))
        {
            throw new InvalidOperationException("The two-node scenario needs redis-server and PostgreSQL: apt-get install redis-server postgresql");
        }

        var services = new BackingServices(bin);
        Directory.CreateDirectory(services._directory);
        if (Environment.UserName == "root")
        {
            await RunAsync("chown", "postgres:postgres", services._directory);
        }

        var data = Path.Combine(services._directory, "data");
        await services.RunPostgresAsync("initdb", "-D", data, "-A", "trust", "-U", "ohl", "--no-sync");
        // Pinned with the app when the harness pins it: the server side of the bench shares the server's CPUs.
        await services.RunPostgresAsync("pg_ctl", "-D", data, "-w", "-l", Path.Combine(services._directory, "log"),
            "-o", $"-p {services.PostgresPort.ToString(CultureInfo.InvariantCulture)} -k {services._directory} -c listen_addresses=127.0.0.1 -c max_connections=200", "start");
        string[] redis = ["/usr/bin/redis-server", "--port", services.RedisPort.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--protected-mode", "no"];
        services._redis = ChildProcesses.Track(Process.Start(new ProcessStartInfo(AppProcess.ServerCpus is null ? redis[0] : "taskset", AppProcess.ServerCpus is null ? redis[1..] : ["-c", AppProcess.ServerCpus, .. redis])
        {
            RedirectStandardOutput = true,
        })!);
        services._redis.OutputDataReceived += (_, _) => { };
        services._redis.BeginOutputReadLine();
        await WaitForPortAsync(services.RedisPort);
        await WaitForPortAsync(services.PostgresPort);
        return services;
    }

    public async ValueTask DisposeAsync()
    {
        if (_redis is { HasExited: false })
        {
            _redis.Kill();
            await _redis.WaitForExitAsync();
        }

        _redis?.Dispose();
        try
        {
            await RunPostgresAsync("pg_ctl", "-D", Path.Combine(_directory, "data"), "-m", "immediate", "-w", "stop");
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }

        Directory.Delete(_directory, recursive: true);
    }

    private Task RunPostgresAsync(string tool, params string[] arguments)
    {
        string[] command = AppProcess.ServerCpus is null ? [Path.Combine(_postgresBin, tool), .. arguments] : ["taskset", "-c", AppProcess.ServerCpus, Path.Combine(_postgresBin, tool), .. arguments];
        return Environment.UserName == "root" ? RunAsync("runuser", ["-u", "postgres", "--", .. command]) : RunAsync(command[0], command[1..]);
    }

    private static async Task RunAsync(string fileName, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(fileName, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{fileName} {string.Join(' ', arguments)} failed: {await output}{await error}");
        }
    }

    private static async Task WaitForPortAsync(int port)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) when (clock.Elapsed < TimeSpan.FromSeconds(30))
            {
                await Task.Delay(50);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
