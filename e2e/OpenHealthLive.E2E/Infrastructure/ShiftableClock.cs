namespace OpenHealthLive.E2E.Infrastructure;

/// <summary>
/// The server's clock in browser tests: real time plus an offset a test can move forward, so that time-driven
/// features (the speaker's timer and pacing) can be checked without waiting. Timers keep running on real
/// time, so the app's background work (batched broadcasts) goes on as usual.
/// </summary>
public sealed class ShiftableClock : TimeProvider
{
    private long _offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;
}
