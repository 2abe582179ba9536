using System.Diagnostics;

namespace OpenHealthLive.Web.Tests.ScaleOut;

/// <summary>A redis-server of the test's own, on 127.0.0.1, keeping nothing on disk; it can be stopped and started again.</summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("ohl-redis-").FullName;
    private Process? _process;

    public int Port { get; } = ServerProcess.FreePort();

    public string ConnectionString => $"127.0.0.1:{Port},abortConnect=false,connectTimeout=2000";

    public static bool IsInstalled => File.Exists("/usr/bin/redis-server");

    public async Task StartAsync() =>
        _process = await ServerProcess.StartAsync(Port, "/usr/bin/redis-server",
            "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
            "--dir", _directory, "--protected-mode", "no");

    /// <summary>Stops Redis at once, as a crash would.</summary>
    public async Task StopAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Directory.Delete(_directory, recursive: true);
    }
}
