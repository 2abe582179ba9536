using System.Diagnostics;
using System.Diagnostics.Tracing;
using System.Net;
using System.Net.Sockets;
using Microsoft.Diagnostics.NETCore.Client;

namespace OpenHealthLive.Bench;

/// <summary>
/// The real app as its own process (published in Release as a node is; Production settings, logging at Warning), on a loopback port
/// reserved once so that a restart keeps it, with a temporary data directory.
/// </summary>
internal sealed class AppProcess : IAsyncDisposable
{
    public const string PresenterKey = "bench-presenter-key-6f2d1c";
    public const string Code = "BENCH2";

    private readonly string _publishDirectory;
    private readonly string[] _extraArguments;
    private Process? _process;

    private AppProcess(string publishDirectory, int port, string dataDirectory, string[] extraArguments)
    {
        _publishDirectory = publishDirectory;
        Port = port;
        DataDirectory = dataDirectory;
        _extraArguments = extraArguments;
    }

    public int Port { get; }

    public string DataDirectory { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    /// <summary>From starting the process to its first successful <c>/readyz</c>, at the last start.</summary>
    public TimeSpan LastStart { get; private set; }

    public int ProcessId => _process?.Id ?? 0;

    public static async Task<AppProcess> StartAsync(string repositoryRoot, params string[] extraArguments)
    {
        var app = new AppProcess(PublishDirectory(repositoryRoot), FreePort(), Directory.CreateTempSubdirectory("ohl-bench-").FullName, extraArguments);
        await app.StartAsync();
        return app;
    }

    /// <summary>An app published elsewhere (another commit, to compare start-ups), started the same way.</summary>
    public static async Task<AppProcess> StartPublishedAsync(string publishDirectory, params string[] extraArguments)
    {
        var app = new AppProcess(publishDirectory, FreePort(), Directory.CreateTempSubdirectory("ohl-bench-").FullName, extraArguments);
        await app.StartAsync();
        return app;
    }

    /// <summary>
    /// Publishes the web app in Release (once per harness run), as a node is deployed (docs/deploy.md); with
    /// <see cref="ReadyToRun"/>, more or less of it precompiled for this machine's platform.
    /// </summary>
    public static async Task PublishAsync(string repositoryRoot)
    {
        if (Published is not null)
        {
            return;
        }

        // Into an empty folder: a publish over an earlier one keeps any file newer than its source, so switching
        // ReadyToRun off again would leave the precompiled assemblies in place.
        var directory = PublishDirectory(repositoryRoot);
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        string[] readyToRun = ReadyToRun switch
        {
            true => ["-p:PublishReadyToRunAll=true"],
            false => ["-p:PublishReadyToRun=false"],
            null => [],
        };
        using var publish = Process.Start(new ProcessStartInfo("dotnet",
        [
            "publish", Path.Combine(repositoryRoot, "src", "OpenHealthLive.Web"), "-c", "Release", .. readyToRun,
            "-o", directory, "--nologo", "-v", "q",
        ])
        {
            RedirectStandardOutput = true,
        })!;
        await publish.StandardOutput.ReadToEndAsync();
        await publish.WaitForExitAsync();
        if (publish.ExitCode != 0)
        {
            throw new InvalidOperationException("Publishing the web app failed.");
        }
    }

    /// <summary>
    /// Unset: published as the project says (the start-up libraries precompiled, docs/benchmarks.md, "Start-up"); on
    /// (<c>--ready-to-run 1</c>): everything precompiled (ReadyToRun); off (<c>--ready-to-run 0</c>): nothing precompiled.
    /// </summary>
    public static bool? ReadyToRun { get; set; }

    /// <summary>An app published elsewhere (<c>--app DIR</c>) to run instead of publishing this tree.</summary>
    public static string? Published { get; set; }

    private static string PublishDirectory(string repositoryRoot) => Published ?? Path.Combine(repositoryRoot, "bench", "OpenHealthLive.Bench", "bin", "app");

    /// <summary>When set (e.g. "0"), the server runs pinned to these CPUs with taskset; pin the harness to the others.</summary>
    public static string? ServerCpus { get; set; }

    /// <summary>Environment variables for the server process (e.g. <c>DOTNET_gcServer=1</c>), to try runtime settings without a rebuild.</summary>
    public static Dictionary<string, string> ServerEnvironment { get; } = new(StringComparer.Ordinal);

    public async Task StartAsync()
    {
        var dll = Path.Combine(_publishDirectory, "OpenHealthLive.Web.dll");
        var start = new ProcessStartInfo(ServerCpus is null ? "dotnet" : "taskset")
        {
            WorkingDirectory = _publishDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (name, value) in ServerEnvironment)
        {
            start.Environment[name] = value;
        }

        if (ServerCpus is not null)
        {
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(ServerCpus);
            start.ArgumentList.Add("dotnet");
        }

        foreach (var argument in new[]
        {
            dll, "--urls", BaseAddress.ToString().TrimEnd('/'), "--environment", "Production",
            "--Storage:DataDirectory=" + DataDirectory, "--Presenter:Key=" + PresenterKey, "--Join:DefaultSessionCode=" + Code,
            "--Decks:DefaultDeck=open-healthcare", "--Logging:LogLevel:Default=Warning", "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Warning",
            // Every simulated phone connects from this machine's one address.
            "--AudienceLimits:MaxConnectionsPerAddress=1000000",
        }.Concat(_extraArguments))
        {
            start.ArgumentList.Add(argument);
        }

        var exec = Stopwatch.GetTimestamp();
        _process = ChildProcesses.Track(Process.Start(start)!);
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine("[app] " + e.Data); } };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            try
            {
                if ((await http.GetAsync("readyz")).IsSuccessStatusCode)
                {
                    LastStart = Stopwatch.GetElapsedTime(exec);
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            // Often enough that the start-up figure is not rounded up to the poll (the startup scenario times it).
            await Task.Delay(20);
        }

        throw new InvalidOperationException("The app did not become ready within 60 s.");
    }

    /// <summary>Ends the process at once, as a crash or kill -9 would.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    /// <summary>Resident memory of the server process, in bytes (Linux /proc).</summary>
    public long ResidentBytes() => ProcFs.ResidentBytes(ProcessId);

    /// <summary>CPU time the server process has used so far.</summary>
    public TimeSpan CpuTime() => ProcFs.CpuTime(ProcessId);

    /// <summary>
    /// Makes the server run a full, blocking garbage collection (as dotnet-gcdump does: an EventPipe session with
    /// the runtime's GCHeapCollect keyword), then gives it a moment to return freed memory, so that resident
    /// memory is read after a settle rather than at a random point of the allocation cycle.
    /// </summary>
    public async Task SettleAsync()
    {
        const long GcHeapCollectKeyword = 0x800000;
        var client = new DiagnosticsClient(ProcessId);
        using (var session = client.StartEventPipeSession(new EventPipeProvider("Microsoft-Windows-DotNETRuntime", EventLevel.Informational, GcHeapCollectKeyword), requestRundown: false))
        {
            var drain = session.EventStream.CopyToAsync(Stream.Null);
            await Task.Delay(TimeSpan.FromSeconds(1));
            await session.StopAsync(CancellationToken.None);
            await drain;
        }

        await Task.Delay(TimeSpan.FromSeconds(1));
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process?.Dispose();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
