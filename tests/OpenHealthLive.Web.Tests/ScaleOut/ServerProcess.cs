using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace OpenHealthLive.Web.Tests.ScaleOut;

/// <summary>Runs a program from Debian's packages for a test, on 127.0.0.1, and waits for its port.</summary>
internal static class ServerProcess
{
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Runs a command to its end; throws with its output when it fails.</summary>
    public static async Task RunAsync(string fileName, params string[] arguments)
    {
        using var process = Process.Start(Start(fileName, arguments))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{fileName} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await output}{await error}");
        }
    }

    /// <summary>Starts a long-running command and returns once <paramref name="port"/> accepts connections.</summary>
    public static async Task<Process> StartAsync(int port, string fileName, params string[] arguments)
    {
        var process = Process.Start(Start(fileName, arguments))!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await WaitForPortAsync(port);
        return process;
    }

    public static async Task WaitForPortAsync(int port)
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

    /// <summary>Runs as the <c>postgres</c> user when the tests run as root (PostgreSQL refuses to run as root).</summary>
    public static (string FileName, string[] Arguments) AsPostgresUser(string fileName, params string[] arguments) =>
        Environment.UserName == "root" ? ("runuser", ["-u", "postgres", "--", fileName, .. arguments]) : (fileName, arguments);

    private static ProcessStartInfo Start(string fileName, string[] arguments)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }
}
