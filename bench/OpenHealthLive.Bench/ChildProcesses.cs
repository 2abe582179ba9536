using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace OpenHealthLive.Bench;

/// <summary>
/// The servers the harness starts (the app, the relay, Redis). When the harness is stopped (Ctrl+C, SIGTERM) before it
/// disposes them, they are killed too, so that no server is left running on the pinned CPU to disturb the next run.
/// </summary>
internal static class ChildProcesses
{
    private static readonly ConcurrentDictionary<Process, bool> Running = new();

    // Kept for the life of the harness: disposing a registration removes its handler.
    private static readonly PosixSignalRegistration[] Signals =
    [
        PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => KillAll()),
        PosixSignalRegistration.Create(PosixSignal.SIGINT, _ => KillAll()),
        PosixSignalRegistration.Create(PosixSignal.SIGHUP, _ => KillAll()),
    ];

    static ChildProcesses()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAll();
    }

    /// <summary>Kills <paramref name="process"/> (and its children) if the harness exits while it runs.</summary>
    public static Process Track(Process process)
    {
        Running[process] = true;
        process.Exited += (_, _) => Running.TryRemove(process, out _);
        process.EnableRaisingEvents = true;
        return process;
    }

    private static void KillAll()
    {
        foreach (var process in Running.Keys)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }
        }
    }
}
