namespace OpenHealthLive.Core.Sessions;

/// <summary>
/// The speaker's stopwatch, kept by the server so that every presenter device shows the same time and a
/// restart does not lose it.
/// </summary>
/// <param name="Running">True while it runs.</param>
/// <param name="ElapsedBefore">Time counted before the current run.</param>
/// <param name="StartedAt">When the current run started (null while paused).</param>
public sealed record SpeakerTimer(bool Running, TimeSpan ElapsedBefore, DateTimeOffset? StartedAt)
{
    /// <summary>A timer that has not started.</summary>
    public static SpeakerTimer Zero { get; } = new(false, TimeSpan.Zero, null);

    /// <summary>The time on the timer at <paramref name="now"/>.</summary>
    public TimeSpan ElapsedAt(DateTimeOffset now) =>
        Running && StartedAt is { } started ? ElapsedBefore + (now - started > TimeSpan.Zero ? now - started : TimeSpan.Zero) : ElapsedBefore;
}
