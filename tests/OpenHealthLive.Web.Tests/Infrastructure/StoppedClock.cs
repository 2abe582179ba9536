namespace OpenHealthLive.Web.Tests.Infrastructure;

/// <summary>
/// A server clock that stands still until a test moves it — the time of day and the timestamps that measure
/// durations — so time-based limits and measurements are exact however slow the machine is. Timers still run on
/// real time, so the app's background work (batched broadcasts) goes on.
/// </summary>
public sealed class StoppedClock : TimeProvider
{
    private long _ticks = new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero).UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => Interlocked.Read(ref _ticks);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}
