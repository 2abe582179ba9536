using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using OpenHealthLive.E2E.Infrastructure;

namespace OpenHealthLive.E2E.Https;

/// <summary>
/// Debian's caddy in front of an app server, with the repository's <c>docs/deploy/Caddyfile</c> (the one
/// <c>compose.caddy.yaml</c> mounts) and the test certificate in place of the one Caddy would get from an ACME
/// authority. Phones reach it as <c>https://live.test:{Port}</c>.
/// </summary>
public sealed class CaddyServer : IAsyncDisposable
{
    private const string Binary = "/usr/bin/caddy";
    private readonly string _directory = Directory.CreateTempSubdirectory("ohl-caddy-").FullName;
    private readonly ConcurrentQueue<string> _output = new();
    private Process? _process;

    public static bool IsInstalled => File.Exists(Binary);

    /// <summary>The HTTPS port, reserved before the app starts so that the app can be told its public address.</summary>
    public int Port { get; } = FreePort();

    public Uri BaseUrl => new($"https://{TestCertificate.Host}:{Port.ToString(CultureInfo.InvariantCulture)}/");

    /// <summary>The repository's Caddyfile, as compose.caddy.yaml mounts it.</summary>
    public static string RepositoryCaddyfile => File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "deploy", "Caddyfile"));

    public async Task StartAsync(Uri app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var (certificate, key) = TestCertificate.WritePem(_directory);
        var site = Substitute(RepositoryCaddyfile, new()
        {
            ["reverse_proxy app:8080"] = $"reverse_proxy {app.Authority}",
            ["{$OHL_HOSTNAME} {"] = $"{{$OHL_HOSTNAME}} {{\n\ttls {certificate} {key}",
        });
        // Global options of the test only: no admin endpoint, loopback only, free ports, its own storage.
        var caddyfile = $$"""
            {
            	admin off
            	auto_https disable_redirects
            	default_bind 127.0.0.1
            	https_port {{Port.ToString(CultureInfo.InvariantCulture)}}
            	http_port {{FreePort().ToString(CultureInfo.InvariantCulture)}}
            	storage file_system {{Path.Combine(_directory, "data")}}
            }
            {{site}}
            """;
        var path = Path.Combine(_directory, "Caddyfile");
        await File.WriteAllTextAsync(path, caddyfile);

        var start = new ProcessStartInfo(Binary, ["run", "--config", path, "--adapter", "caddyfile"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // As compose.caddy.yaml passes it: the site's address.
        start.Environment["OHL_HOSTNAME"] = BaseUrl.GetLeftPart(UriPartial.Authority);
        start.Environment["HOME"] = _directory;
        start.Environment["XDG_DATA_HOME"] = Path.Combine(_directory, "data");
        start.Environment["XDG_CONFIG_HOME"] = Path.Combine(_directory, "config");
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => Record(e.Data);
        _process.ErrorDataReceived += (_, e) => Record(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitForPortAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private void Record(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }

    private async Task WaitForPortAsync()
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (_process!.HasExited)
            {
                // HasExited turns true before the last lines on stdout and stderr have been read; this waits for both to end.
                await _process.WaitForExitAsync();
                throw new InvalidOperationException($"caddy exited with code {_process.ExitCode}:\n{string.Join('\n', _output)}");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (clock.Elapsed < TimeSpan.FromSeconds(30))
            {
                await Task.Delay(50);
            }
        }
    }

    private static string Substitute(string text, Dictionary<string, string> replacements)
    {
        foreach (var (from, to) in replacements)
        {
            if (!text.Contains(from, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"docs/deploy/Caddyfile no longer contains '{from}'; update it or this test.");
            }

            text = text.Replace(from, to, StringComparison.Ordinal);
        }

        return text;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
