using Microsoft.Extensions.Logging.Abstractions;
using OpenHealthLive.Core.Refusals;
using OpenHealthLive.Core.Sessions;
using OpenHealthLive.Core.Slides;

namespace OpenHealthLive.Core.Tests.Sessions;

/// <summary>A session's life: its plan, the end of the talk, the audience's data erased, a rehearsal going live.</summary>
public sealed partial class LiveSessionServiceTests
{
    [Fact]
    public async Task A_planned_title_and_room_are_kept_trimmed_up_to_their_limits_and_one_character_more_is_refused()
    {
        var service = NewService();
        var longestTitle = new string('t', 200);
        var longestRoom = new string('r', 100);

        var planned = await service.StartAsync(Talk, new SessionPlan($"  {longestTitle} ", $" {longestRoom}  "), CancellationToken.None);
        var blank = await service.StartAsync(Talk, new SessionPlan("   ", " "), CancellationToken.None);
        var titleError = await Assert.ThrowsAsync<RequestRefusedException>(() => service.StartAsync(Talk, new SessionPlan(longestTitle + "t"), CancellationToken.None));
        var roomError = await Assert.ThrowsAsync<RequestRefusedException>(() => service.StartAsync(Talk, new SessionPlan(null, longestRoom + "r"), CancellationToken.None));

        Assert.Equal((longestTitle, longestRoom), (planned.Plan.Title, planned.Plan.Room));
        Assert.Equal(((string?)null, (string?)null), (blank.Plan.Title, blank.Plan.Room));
        Assert.Equal("A title has at most 200 characters and a room name at most 100.", titleError.Message);
        Assert.Equal(titleError.Message, roomError.Message);
        Assert.Equal(2, (await Restart().ListAsync(CancellationToken.None)).Count);
    }

    [Fact]
    public async Task Ending_a_talk_keeps_its_first_end_time_and_opening_it_again_clears_it()
    {
        var service = NewService();
        var session = await service.StartAsync(Talk, CancellationToken.None);
        var endedAt = _time.GetUtcNow();

        var ended = await service.SetEndedAsync(session.Code, true, CancellationToken.None);
        _time.Advance(TimeSpan.FromHours(2));
        var endedAgain = await service.SetEndedAsync(session.Code, true, CancellationToken.None);
        var afterRestart = await Restart().FindAsync(session.Code, CancellationToken.None);
        var reopened = await service.SetEndedAsync(session.Code, false, CancellationToken.None);

        Assert.Equal(endedAt, ended.EndedAt);
        Assert.True(ended.Ended);
        Assert.Equal(endedAt, endedAgain.EndedAt);
        Assert.Equal(endedAt, afterRestart!.EndedAt);
        Assert.Null(reopened.EndedAt);
        Assert.False(reopened.Ended);
        Assert.Null((await Restart().FindAsync(session.Code, CancellationToken.None))!.EndedAt);
    }

    [Fact]
    public async Task Erasing_the_audiences_data_is_recorded_with_its_time_and_an_unknown_session_is_refused()
    {
        var service = NewService();
        var session = await service.StartAsync(Talk, CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(90));

        var erased = await service.MarkAudienceDataErasedAsync(session.Code, CancellationToken.None);

        Assert.Equal(_time.GetUtcNow(), erased.AudienceDataErasedAt);
        Assert.Equal(_time.GetUtcNow(), (await Restart().FindAsync(session.Code, CancellationToken.None))!.AudienceDataErasedAt);
        await Assert.ThrowsAsync<RequestRefusedException>(() => service.MarkAudienceDataErasedAsync("ZZZZZZ", CancellationToken.None));
        await Assert.ThrowsAsync<RequestRefusedException>(() => service.SetEndedAsync("ZZZZZZ", true, CancellationToken.None));
    }

    [Fact]
    public async Task A_rehearsal_goes_live_on_its_first_slide_with_a_new_version_the_timer_at_zero_and_not_ended()
    {
        var service = NewService();
        var rehearsal = await service.StartAsync(Talk, new SessionPlan("Dry run", IsRehearsal: true), CancellationToken.None);
        await service.NavigateAsync(rehearsal.Code, Navigation.GoTo(3), CancellationToken.None);
        await service.StartTimerAsync(rehearsal.Code, CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(4));
        var last = await service.SetEndedAsync(rehearsal.Code, true, CancellationToken.None);
        var toldBefore = _notifier.Notifications.Count;
        var timersBefore = _notifier.Timers.Count;

        var live = await service.GoLiveAsync(rehearsal.Code, CancellationToken.None);

        Assert.False(live.Plan.IsRehearsal);
        Assert.Equal(rehearsal.Code, live.Code);
        Assert.Equal((0, 0), (live.Position.Slide, live.Position.Fragment));
        Assert.Equal(last.Position.Version + 1, live.Position.Version);
        Assert.False(live.Timer.Running);
        Assert.Equal(TimeSpan.Zero, live.Timer.ElapsedAt(_time.GetUtcNow()));
        Assert.Null(live.EndedAt);
        Assert.True(live.Shown.Contains(0));
        Assert.False(live.Shown.Contains(3));
        Assert.Equal(live, await Restart().FindAsync(rehearsal.Code, CancellationToken.None));
        var told = Assert.Single(_notifier.Notifications.Skip(toldBefore));
        Assert.Equal((0, live.Position.Version), (told.StoredSlide, told.StoredVersion));
        Assert.Equal(live, told.Sent);
        Assert.Single(_notifier.Timers.Skip(timersBefore));
    }

    [Fact]
    public async Task A_rehearsal_going_live_reaches_the_slide_followers_on_its_first_slide_after_it_is_announced()
    {
        var seen = new List<(int Slide, bool SlideChanged, bool IsRehearsal, int Announced)>();
        var follower = new RecordingFollower((s, changed) => seen.Add((s.Position.Slide, changed, s.Plan.IsRehearsal, _notifier.Notifications.Count)));
        var catalog = new DeckCatalog(ContentDirectory, watchForChanges: false, NullLogger<DeckCatalog>.Instance, _time);
        _catalogs.Add(catalog);
        var service = new LiveSessionService(_dbFactory, catalog, _notifier, _time, NullLogger<LiveSessionService>.Instance, slideFollowers: new SlideFollowers(() => [follower]));
        var rehearsal = await service.StartAsync(Talk, new SessionPlan("Dry run", IsRehearsal: true), CancellationToken.None);
        await service.NavigateAsync(rehearsal.Code, Navigation.GoTo(3), CancellationToken.None);

        await service.GoLiveAsync(rehearsal.Code, CancellationToken.None);

        Assert.Equal([(3, true, true, 1), (0, true, false, 2)], seen);
    }

    [Fact]
    public async Task Only_a_rehearsal_can_go_live_and_an_unknown_session_cannot()
    {
        var service = NewService();
        var talk = await service.StartAsync(Talk, CancellationToken.None);

        var error = await Assert.ThrowsAsync<RequestRefusedException>(() => service.GoLiveAsync(talk.Code, CancellationToken.None));
        await Assert.ThrowsAsync<RequestRefusedException>(() => service.GoLiveAsync("ZZZZZZ", CancellationToken.None));

        Assert.Equal($"Session {talk.Code} is live already: only a rehearsal can go live.", error.Message);
        Assert.Equal(talk, await Restart().FindAsync(talk.Code, CancellationToken.None));
    }

    [Fact]
    public async Task Refreshing_reads_each_named_session_from_the_database_as_another_node_left_it()
    {
        var nodeA = NewService();
        var nodeB = NewService();
        var first = await nodeA.StartAsync(Talk, CancellationToken.None);
        var second = await nodeA.StartAsync(OtherTalk, CancellationToken.None);
        await nodeB.FindAsync(first.Code, CancellationToken.None);
        var moved = await nodeA.NavigateAsync(first.Code, Navigation.Next, CancellationToken.None);

        var refreshed = await nodeB.RefreshAsync([first.Code, second.Code, "ZZZZZZ"], CancellationToken.None);
        var none = await nodeB.RefreshAsync([], CancellationToken.None);

        Assert.Equal([moved, second], refreshed.OrderBy(s => s.Code == first.Code ? 0 : 1));
        Assert.Empty(none);
    }

    [Fact]
    public async Task Invalidating_a_session_makes_the_next_read_come_from_the_database()
    {
        var nodeA = NewService();
        var nodeB = NewService();
        var session = await nodeA.StartAsync(Talk, CancellationToken.None);
        await nodeB.FindAsync(session.Code, CancellationToken.None);
        var moved = await nodeA.NavigateAsync(session.Code, Navigation.Next, CancellationToken.None);

        nodeB.Invalidate(session.Code);

        Assert.Equal(moved.Position, (await nodeB.FindAsync(session.Code, CancellationToken.None))!.Position);
    }
}
