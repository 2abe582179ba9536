using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using OpenHealthLive.Web.Infrastructure;

namespace OpenHealthLive.Web.Join;

/// <summary>
/// Makes guessing join codes slow. Only failed lookups (unknown or malformed codes) are counted, per hub
/// connection and per client address (an IPv6 address by its /64, which one client usually holds whole); when
/// either is used up, that connection or address is refused every code it has not already joined, before the
/// lookup, so a refusal says nothing about whether a code exists. A code it has joined keeps working, so a room
/// behind the venue's one address is not locked out by a guesser among it: the first phone (or the presenter's
/// console on the same network) to join makes the talk's code known to the address. A signed-in presenter is
/// never throttled. In memory and per node.
/// </summary>
public sealed partial class JoinCodeThrottle(IOptions<JoinCodeOptions> options, TimeProvider time, ILogger<JoinCodeThrottle> logger)
{
    /// <summary>How long an address keeps a code it joined, from its last successful lookup: a day of talks.</summary>
    public static readonly TimeSpan KnownCodeLifetime = TimeSpan.FromHours(12);

    /// <summary>Codes kept per address or connection; the oldest makes room.</summary>
    public const int KnownCodesPerKey = 32;

    /// <summary>Addresses tracked at once. Beyond it (a botnet), new addresses share one strict entry.</summary>
    public const int MaxAddresses = 100_000;

    private const string OverflowKey = "overflow";
    private static readonly object RefusalKey = new();

    private readonly ConcurrentDictionary<string, Entry> _addresses = new(StringComparer.Ordinal);
    private long _lastSweep;

    /// <summary>A new per-connection record, kept by the caller with the connection.</summary>
    public Entry NewConnectionEntry() => new(options.Value.FailedLookupsPerConnectionPerMinute, time.GetTimestamp());

    /// <summary>
    /// Why a lookup of <paramref name="code"/> (normalised, or null when malformed) is refused before it is made,
    /// or null when it may go ahead.
    /// </summary>
    public Refusal? Check(string addressKey, Entry? connection, string? code)
    {
        var now = time.GetTimestamp();
        if (connection is not null && connection.Wait(now, code, time) is { } connectionWait)
        {
            return new Refusal($"Too many wrong codes on this connection: wait {RetryAfter.Phrase(connectionWait)}, then check the code on the screen and reload the page.", connectionWait);
        }

        if (Find(addressKey) is { } address && address.Wait(now, code, time) is { } addressWait)
        {
            return new Refusal($"Too many wrong codes from your network: wait {RetryAfter.Phrase(addressWait)}, then check the code on the screen.", addressWait);
        }

        return null;
    }

    /// <summary>Counts a lookup that found no session, or a malformed code.</summary>
    public void Failed(string addressKey, Entry? connection)
    {
        var now = time.GetTimestamp();
        if (connection is not null && connection.Fail(now, time))
        {
            LogThrottled(logger, "one hub connection");
        }

        if (Address(addressKey, now).Fail(now, time))
        {
            LogThrottled(logger, "one address");
        }
    }

    /// <summary>Remembers that this address and connection reached the session with <paramref name="code"/>.</summary>
    public void Succeeded(string addressKey, Entry? connection, string code)
    {
        var now = time.GetTimestamp();
        connection?.Know(code, now);
        Address(addressKey, now).Know(code, now);
    }

    /// <summary>Keeps a refusal for the status page that explains it (the page is re-executed in the same request).</summary>
    public static void ShowOnStatusPage(HttpContext http, Refusal refusal)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Items[RefusalKey] = refusal.Message;
    }

    /// <summary>The refusal kept by <see cref="ShowOnStatusPage"/>, if any.</summary>
    public static string? RefusalShown(HttpContext http) => http?.Items[RefusalKey] as string;

    private Entry? Find(string key) =>
        _addresses.TryGetValue(key, out var entry) ? entry
        : _addresses.Count >= MaxAddresses ? _addresses.GetValueOrDefault(OverflowKey)
        : null;

    private Entry Address(string key, long now)
    {
        if (_addresses.TryGetValue(key, out var entry))
        {
            return entry;
        }

        if (_addresses.Count >= MaxAddresses)
        {
            Sweep(now);
            if (_addresses.Count >= MaxAddresses)
            {
                key = OverflowKey;
            }
        }

        return _addresses.GetOrAdd(key, _ => new Entry(options.Value.FailedLookupsPerIpPerMinute, now));
    }

    /// <summary>Forgets idle addresses; at most once a minute, since a full table would otherwise be walked for every new address.</summary>
    private void Sweep(long now)
    {
        var last = Interlocked.Read(ref _lastSweep);
        if ((last != 0 && time.GetElapsedTime(last, now) < TimeSpan.FromMinutes(1)) || Interlocked.CompareExchange(ref _lastSweep, now, last) != last)
        {
            return;
        }

        foreach (var (key, entry) in _addresses)
        {
            if (entry.IsIdle(now, time))
            {
                _addresses.TryRemove(key, out _);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Join-code lookups throttled for {Who} after repeated unknown or malformed codes (someone may be guessing)")]
    private static partial void LogThrottled(ILogger logger, string who);

    /// <summary>A refusal: the message for the person, and how long until a wrong code may be tried again.</summary>
    public sealed record Refusal(string Message, TimeSpan RetryAfter);

    /// <summary>
    /// A token bucket of failed lookups (the whole minute's allowance at once, then refilling evenly) and the
    /// codes reached, for one address or one connection.
    /// </summary>
    public sealed class Entry
    {
        // Refilling in fractions of a token leaves 0.9999… where a whole one is due.
        private const double Whole = 1 - 1e-9;

        private readonly Lock _lock = new();
        private readonly int _perMinute;
        private readonly Dictionary<string, long> _known = new(StringComparer.Ordinal);
        private double _tokens;
        private long _updated;
        private long? _reported;

        internal Entry(int perMinute, long now)
        {
            _perMinute = perMinute;
            _tokens = perMinute;
            _updated = now;
        }

        /// <summary>How long until a lookup of <paramref name="code"/> may be made, or null when it may be made now.</summary>
        internal TimeSpan? Wait(long now, string? code, TimeProvider time)
        {
            lock (_lock)
            {
                Refill(now, time);
                if (_tokens >= Whole || (code is not null && IsKnown(code, now, time)))
                {
                    return null;
                }

                return TimeSpan.FromMinutes((1 - _tokens) / _perMinute);
            }
        }

        /// <summary>
        /// Takes one failure; true when this one used up the allowance, at most once a minute (a guesser at the
        /// refill rate uses it up again at every refill).
        /// </summary>
        internal bool Fail(long now, TimeProvider time)
        {
            lock (_lock)
            {
                Refill(now, time);
                var before = _tokens;
                _tokens = Math.Max(0, _tokens - 1);
                if (before < Whole || _tokens >= Whole || (_reported is { } reported && time.GetElapsedTime(reported, now) < TimeSpan.FromMinutes(1)))
                {
                    return false;
                }

                _reported = now;
                return true;
            }
        }

        internal void Know(string code, long now)
        {
            lock (_lock)
            {
                if (!_known.ContainsKey(code) && _known.Count >= KnownCodesPerKey)
                {
                    _known.Remove(_known.MinBy(k => k.Value).Key);
                }

                _known[code] = now;
            }
        }

        internal bool Knows(string code)
        {
            lock (_lock)
            {
                return _known.ContainsKey(code);
            }
        }

        /// <summary>Nothing to remember: a full allowance and no code joined within its lifetime.</summary>
        internal bool IsIdle(long now, TimeProvider time)
        {
            lock (_lock)
            {
                Refill(now, time);
                return _tokens >= _perMinute - 1 + Whole && _known.Values.All(at => time.GetElapsedTime(at, now) > KnownCodeLifetime);
            }
        }

        private bool IsKnown(string code, long now, TimeProvider time) =>
            _known.TryGetValue(code, out var at) && time.GetElapsedTime(at, now) <= KnownCodeLifetime;

        private void Refill(long now, TimeProvider time)
        {
            var elapsed = time.GetElapsedTime(_updated, now);
            _tokens = Math.Min(_perMinute, _tokens + (elapsed.TotalMinutes * _perMinute));
            _updated = now;
        }
    }
}
