using System.Collections.Concurrent;
using OpenHealthLive.Core.Sessions;

namespace OpenHealthLive.Web.Live;

/// <summary>
/// Proof of delivery: every phone acknowledges the version it shows, and the presenter sees how many phones
/// are on the current slide and how long the last change took to reach them (95th percentile and slowest),
/// measured on the server from the moment the change was sent to the moment each acknowledgement arrived.
/// </summary>
public sealed class DeliveryTracker(NodeTopology topology, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Sent> _sent = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Ack> _acks = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _dirty = new(StringComparer.Ordinal);

    /// <summary>Call just before a slide change is sent to a session's followers.</summary>
    public void Sending(string code, long version, int slide)
    {
        _sent[code] = new Sent(version, slide, time.GetTimestamp());
        _dirty[code] = 0;
    }

    /// <summary>
    /// Another node sent a change (learnt from the cluster heartbeat): acknowledgements of it count, but this node
    /// cannot time them, since it did not send it.
    /// </summary>
    public void Observe(string code, long version, int slide)
    {
        if (!_sent.TryGetValue(code, out var sent) || sent.Version < version)
        {
            _sent[code] = new Sent(version, slide, null);
            _dirty[code] = 0;
        }
    }

    /// <summary>
    /// The longest wait a phone may report between showing a version and acknowledging it; larger reports are
    /// taken as this (phones wait about a second).
    /// </summary>
    public const int MaxShownForMs = 10_000;

    /// <summary>
    /// A phone says it shows <paramref name="version"/> and has shown it for <paramref name="shownFor"/> (phones wait
    /// a moment before acknowledging, so that a room's acknowledgements do not all arrive at the same instant): the
    /// delivery delay is the time since the change was sent, less that wait.
    /// </summary>
    public void Acknowledge(string connectionId, string code, long version, TimeSpan shownFor)
    {
        double? delay = null;
        if (_sent.TryGetValue(code, out var sent) && sent.Version == version && sent.Timestamp is { } timestamp)
        {
            delay = Math.Max(0, (time.GetElapsedTime(timestamp) - shownFor).TotalMilliseconds);
        }

        _acks.AddOrUpdate(connectionId, new Ack(code, version, delay), (_, previous) =>
            previous.Code == code && previous.Version == version ? previous : new Ack(code, version, delay));
        _dirty[code] = 0;
    }

    /// <summary>A connection went away.</summary>
    public void Leave(string connectionId)
    {
        if (_acks.TryRemove(connectionId, out var ack))
        {
            _dirty[ack.Code] = 0;
        }
    }

    /// <summary>Sessions whose delivery picture changed since the last call.</summary>
    public IReadOnlyList<string> TakeChanged()
    {
        var changed = new List<string>();
        foreach (var code in _dirty.Keys)
        {
            if (_dirty.TryRemove(code, out _))
            {
                changed.Add(code);
            }
        }

        return changed;
    }

    /// <summary>How many of <paramref name="phones"/> show the current version, and how fast it reached them.</summary>
    public Delivery Summarize(string code, int phones)
    {
        if (!_sent.TryGetValue(code, out var sent))
        {
            var any = _acks.Values.Where(a => a.Code == code).ToList();
            var newest = any.Count == 0 ? 0 : any.Max(a => a.Version);
            return new Delivery(code, newest, -1, phones, any.Count(a => a.Version == newest), null, null, topology.NodeName);
        }

        var onCurrent = 0;
        var delays = new List<double>();
        foreach (var ack in _acks.Values)
        {
            if (ack.Code != code || ack.Version != sent.Version)
            {
                continue;
            }

            onCurrent++;
            if (ack.DelayMs is { } delay)
            {
                delays.Add(delay);
            }
        }

        delays.Sort();
        double? p95 = delays.Count == 0 ? null : delays[Math.Min(delays.Count - 1, (int)Math.Ceiling(0.95 * delays.Count) - 1)];
        return new Delivery(code, sent.Version, sent.Slide, phones, onCurrent, p95, delays.Count == 0 ? null : delays[^1], topology.NodeName);
    }

    private sealed record Sent(long Version, int Slide, long? Timestamp);

    private sealed record Ack(string Code, long Version, double? DelayMs);
}

/// <summary>
/// What the presenter sees: <c>OnCurrent</c> of <c>Phones</c> show version <c>Version</c> (slide <c>Slide</c>);
/// the last change reached them in <c>P95Ms</c> (95th percentile) and <c>MaxMs</c> (slowest). Per node: with
/// several nodes, presenters add the figures up by <c>Node</c>.
/// </summary>
public sealed record Delivery(string Code, long Version, int Slide, int Phones, int OnCurrent, double? P95Ms, double? MaxMs, string Node);
