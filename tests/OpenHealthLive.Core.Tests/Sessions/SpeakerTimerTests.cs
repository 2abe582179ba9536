using OpenHealthLive.Core.Sessions;

namespace OpenHealthLive.Core.Tests.Sessions;

public sealed class SpeakerTimerTests
{
    private static readonly DateTimeOffset Started = new(2026, 12, 6, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_new_timer_is_stopped_at_zero()
    {
        Assert.Equal(new SpeakerTimer(false, TimeSpan.Zero, null), SpeakerTimer.Zero);
    }

    [Fact]
    public void A_running_timer_adds_the_time_since_it_started_to_what_it_had_counted()
    {
        var timer = new SpeakerTimer(true, TimeSpan.FromMinutes(3), Started);

        Assert.Equal(TimeSpan.FromMinutes(3) + TimeSpan.FromSeconds(42), timer.ElapsedAt(Started.AddSeconds(42)));
    }

    [Fact]
    public void A_clock_set_back_before_the_start_never_takes_time_off_the_timer()
    {
        var timer = new SpeakerTimer(true, TimeSpan.FromMinutes(3), Started);

        Assert.Equal(TimeSpan.FromMinutes(3), timer.ElapsedAt(Started.AddSeconds(-30)));
    }

    [Fact]
    public void A_paused_timer_shows_what_it_had_counted_whatever_the_time()
    {
        var timer = new SpeakerTimer(false, TimeSpan.FromMinutes(3), Started);

        Assert.Equal(TimeSpan.FromMinutes(3), timer.ElapsedAt(Started.AddHours(1)));
    }
}
