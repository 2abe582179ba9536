using System.Collections.Concurrent;

namespace OpenHealthLive.Web.Live;

/// <summary>
/// Logs refused hub calls — the expected answers to a wrong code, a limit, a call the caller may not make — as one
/// short line without a stack trace, at most once a minute per client address and kind of refusal, with a count
/// of the refusals left out meanwhile. One client hammering the hub therefore writes a line a minute, not a
/// stack trace per call (docs/security.md, "Refused calls are quiet"). Neither the address nor anything the
/// client sent is written: only the method, the kind of refusal and the connection id.
/// </summary>
public sealed partial class RefusalLog(TimeProvider time, ILogger<RefusalLog> logger)
{
    /// <summary>How often a line may be written for one address and kind of refusal.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    private const int ForgetAbove = 10_000;

    private readonly ConcurrentDictionary<(string Address, string Kind), Entry> _entries = new();

    /// <summary>Records one refusal; writes a line when this address and kind have had none in the last minute.</summary>
    public void Refused(string method, string kind, string connectionId, string? address)
    {
        if (!logger.IsEnabled(LogLevel.Information))
        {
            return;
        }

        var now = time.GetUtcNow();
        var entry = _entries.GetOrAdd((address ?? "unknown", kind), static _ => new Entry());
        int suppressed;
        lock (entry)
        {
            if (entry.LoggedAt is { } last && now - last < Interval)
            {
                entry.Suppressed++;
                return;
            }

            suppressed = entry.Suppressed;
            entry.Suppressed = 0;
            entry.LoggedAt = now;
        }

        if (_entries.Count > ForgetAbove)
        {
            foreach (var (key, old) in _entries)
            {
                if (old.LoggedAt is { } at && now - at >= Interval)
                {
                    _entries.TryRemove(key, out _);
                }
            }
        }

        if (suppressed == 0)
        {
            LogRefused(method, kind, connectionId);
        }
        else
        {
            LogRefusedAgain(method, kind, connectionId, suppressed);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused {Method} ({Kind}) from connection {ConnectionId}")]
    private partial void LogRefused(string method, string kind, string connectionId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused {Method} ({Kind}) from connection {ConnectionId}; {Suppressed} more like it from the same address in the last minute were not logged")]
    private partial void LogRefusedAgain(string method, string kind, string connectionId, int suppressed);

    private sealed class Entry
    {
        public DateTimeOffset? LoggedAt { get; set; }

        public int Suppressed { get; set; }
    }
}
