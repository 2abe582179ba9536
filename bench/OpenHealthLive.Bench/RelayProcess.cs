using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace OpenHealthLive.Bench;

/// <summary>
/// The socket.io 4 broadcast relay of bench/relay (the reveal.js multiplex design) as its own Node process, on a
/// reserved loopback port, pinned like the app (<see cref="AppProcess.ServerCpus"/>).
/// </summary>
internal sealed class RelayProcess : IAsyncDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly Process _process;

    private RelayProcess(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    public int ProcessId => _process.Id;

    /// <summary>Installs the relay's packages from its package-lock.json (npm ci), once per harness run.</summary>
    public static async Task InstallAsync(string repositoryRoot)
    {
        using var install = Process.Start(new ProcessStartInfo("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"])
        {
            WorkingDirectory = Path.Combine(repositoryRoot, "bench", "relay"),
            RedirectStandardOutput = true,
        })!;
        await install.StandardOutput.ReadToEndAsync();
        await install.WaitForExitAsync();
        if (install.ExitCode != 0)
        {
            throw new InvalidOperationException("npm ci in bench/relay failed.");
        }
    }

    public static async Task<RelayProcess> StartAsync(string repositoryRoot)
    {
        var port = FreePort();
        var start = new ProcessStartInfo(AppProcess.ServerCpus is null ? "node" : "taskset")
        {
            WorkingDirectory = Path.Combine(repositoryRoot, "bench", "relay"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (AppProcess.ServerCpus is not null)
        {
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(AppProcess.ServerCpus);
            start.ArgumentList.Add("node");
        }

        foreach (var argument in new[] { "--expose-gc", "server.js", "--port", port.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        var process = ChildProcesses.Track(Process.Start(start)!);
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine("[relay] " + e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var relay = new RelayProcess(process, port);

        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            try
            {
                if ((await Http.GetAsync(new Uri(relay.BaseAddress, "healthz"))).IsSuccessStatusCode)
                {
                    return relay;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(100);
        }

        await relay.DisposeAsync();
        throw new InvalidOperationException("The relay did not answer within 30 s.");
    }

    /// <summary>The id followers listen on for a presenter secret (the relay hashes it as reveal.js multiplex does).</summary>
    public async Task<string> IdOfAsync(string secret) => await Http.GetStringAsync(new Uri(BaseAddress, "id/" + Uri.EscapeDataString(secret)));

    public long ResidentBytes() => ProcFs.ResidentBytes(ProcessId);

    public TimeSpan CpuTime() => ProcFs.CpuTime(ProcessId);

    /// <summary>A full garbage collection in the relay (node --expose-gc), then a moment to return memory.</summary>
    public async Task SettleAsync()
    {
        await Http.GetStringAsync(new Uri(BaseAddress, "gc"));
        await Task.Delay(TimeSpan.FromSeconds(1));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
