using System.Globalization;

namespace OpenHealthLive.Bench;

/// <summary>Resident memory and CPU time of a process, read from Linux /proc (the harness runs on Linux).</summary>
internal static class ProcFs
{
    private const double ClockTicksPerSecond = 100; // USER_HZ on Linux

    /// <summary>Resident memory (VmRSS), in bytes.</summary>
    public static long ResidentBytes(int processId)
    {
        foreach (var line in File.ReadLines($"/proc/{processId}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
            }
        }

        return 0;
    }

    /// <summary>User plus system CPU time the process has used so far, all its threads together.</summary>
    public static TimeSpan CpuTime(int processId)
    {
        var stat = File.ReadAllText($"/proc/{processId}/stat");
        // The command name (field 2) may hold spaces; the fields after its closing parenthesis do not.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / ClockTicksPerSecond);
    }
}
