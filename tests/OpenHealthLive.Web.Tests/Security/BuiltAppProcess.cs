using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Security;
using OpenHealthLive.Web.Tests.Infrastructure;
using OpenHealthLive.Web.Tests.ScaleOut;

namespace OpenHealthLive.Web.Tests.Security;

/// <summary>
/// The web app's own build output (<c>src/OpenHealthLive.Web/bin/{configuration}/{tfm}/OpenHealthLive.Web.dll</c>)
/// started as an operator would, <c>dotnet path/to/OpenHealthLive.Web.dll</c>, as a child process from a working
/// directory of the test's choosing, on a free loopback port, with its output captured.
/// </summary>
internal sealed class BuiltAppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private BuiltAppProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>Everything the app wrote to stdout and stderr so far.</summary>
    public string Output => string.Join('\n', _output);

    /// <summary>The web project's build output for this test run's configuration (the test project builds it).</summary>
    public static string WebProjectDirectory => Path.Combine(RepositoryPaths.Root, "src", "OpenHealthLive.Web");

    public static string AppDll
    {
        get
        {
            // The test runs from tests/OpenHealthLive.Web.Tests/bin/{configuration}/{tfm}/.
            var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            return Path.Combine(WebProjectDirectory, "bin", testOutput.Parent!.Name, testOutput.Name, "OpenHealthLive.Web.dll");
        }
    }

    /// <summary>Starts the app with <paramref name="arguments"/> from <paramref name="workingDirectory"/> and waits for /readyz.</summary>
    public static Task<BuiltAppProcess> StartAsync(string workingDirectory, params string[] arguments) =>
        StartAsync("http", workingDirectory, arguments);

    /// <summary>As <see cref="StartAsync(string, string[])"/>, listening on https (the arguments must give Kestrel a certificate).</summary>
    public static Task<BuiltAppProcess> StartOnHttpsAsync(string workingDirectory, params string[] arguments) =>
        StartAsync("https", workingDirectory, arguments);

    private static async Task<BuiltAppProcess> StartAsync(string scheme, string workingDirectory, string[] arguments)
    {
        var port = ServerProcess.FreePort();
        var baseAddress = new Uri($"{scheme}://127.0.0.1:{port}/");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(AppDll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(baseAddress.GetLeftPart(UriPartial.Authority));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // As an operator's shell would: Production, and nothing that names a content root for the app.
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment.Remove("ASPNETCORE_CONTENTROOT");
        start.Environment.Remove("DOTNET_CONTENTROOT");
        start.Environment["DOTNET_hostBuilder__reloadConfigOnChange"] = "false";

        var app = new BuiltAppProcess(Process.Start(start)!, baseAddress);
        app._process.OutputDataReceived += (_, e) => app.Record(e.Data);
        app._process.ErrorDataReceived += (_, e) => app.Record(e.Data);
        app._process.BeginOutputReadLine();
        app._process.BeginErrorReadLine();
        try
        {
            await app.WaitUntilReadyAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return app;
    }

    /// <summary>Stops the app as a service manager would (SIGTERM) and waits for it to exit, so its output is complete.</summary>
    public async Task StopAsync()
    {
        if (_process.HasExited)
        {
            return;
        }

        using (var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false })!)
        {
            await kill.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(timeout.Token);
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

    private void Record(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        // Only to see that it answers, with a self-signed certificate for 127.0.0.1: a test checks which certificate.
        using var http = new HttpClient(new SocketsHttpHandler { SslOptions = { RemoteCertificateValidationCallback = (_, _, _, errors) => errors is SslPolicyErrors.None or SslPolicyErrors.RemoteCertificateChainErrors } })
        {
            BaseAddress = BaseAddress,
            Timeout = TimeSpan.FromSeconds(5),
        };
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                // HasExited turns true before the last lines on stdout and stderr have been read; this waits for both to end.
                await _process.WaitForExitAsync();
                throw new InvalidOperationException($"The app exited with code {_process.ExitCode} before it was ready:\n{Output}");
            }

            try
            {
                using var ready = await http.GetAsync(new Uri("readyz", UriKind.Relative));
                if (ready.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }

            if (clock.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new TimeoutException($"The app was not ready within 60 s:\n{Output}");
            }

            await Task.Delay(100);
        }
    }
}
