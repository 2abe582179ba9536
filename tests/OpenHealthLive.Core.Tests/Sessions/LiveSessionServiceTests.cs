using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using OpenHealthLive.Core.Refusals;
using OpenHealthLive.Core.Sessions;
using OpenHealthLive.Core.Slides;
using OpenHealthLive.Core.Storage;
using OpenHealthLive.Core.Tests.Infrastructure;

namespace OpenHealthLive.Core.Tests.Sessions;

/// <summary>The session service over a real SQLite file and a real content folder, one of each per test.</summary>
public sealed partial class LiveSessionServiceTests : IAsyncLifetime, IDisposable
{
    private const string Talk = "talk";
    private const int TalkSlides = 5;
    private const string OtherTalk = "other-talk";
    private const string LongTalk = "long-talk";
    private static readonly Navigation First = new(NavigationKind.First);
    private static readonly Navigation Last = new(NavigationKind.Last);

    private readonly TempDirectory _temp = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 14, 9, 30, 0, TimeSpan.Zero));
    private readonly List<DeckCatalog> _catalogs = [];
    private readonly SqliteDbContextFactory _dbFactory;
    private readonly RecordingNotifier _notifier;

    public LiveSessionServiceTests()
    {
        _dbFactory = new SqliteDbContextFactory(DataDirectory);
        _notifier = new RecordingNotifier(_dbFactory);
    }

    private string DataDirectory => _temp.Combine("data");

    private string ContentDirectory => _temp.Combine("content");

    public async Task InitializeAsync()
    {
        WriteDeck(Talk, TalkSlides);
        WriteDeck(OtherTalk, 3);
        WriteDeck(LongTalk, 100);
        await using var db = _dbFactory.CreateDbContext();
        await SqliteStorage.MigrateAsync(db, CancellationToken.None);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        foreach (var catalog in _catalogs)
        {
            catalog.Dispose();
        }

        _temp.Dispose();
    }

    [Fact]
    public async Task The_default_session_is_created_once_and_keeps_its_generated_code_after_a_restart()
    {
        var first = await NewService().EnsureDefaultSessionAsync(Talk, null, CancellationToken.None);
        var sameProcess = await NewService().EnsureDefaultSessionAsync(Talk, "  ", CancellationToken.None);
        var afterRestart = await Restart().EnsureDefaultSessionAsync(Talk, null, CancellationToken.None);

        Assert.True(JoinCode.IsNormalized(first.Code));
        Assert.True(first.IsDefault);
        Assert.Equal(Talk, first.DeckSlug);
        Assert.Equal(first.Code, sameProcess.Code);
        Assert.Equal(first.Code, afterRestart.Code);
        var all = await Restart().ListAsync(CancellationToken.None);
        Assert.Equal(first.Code, Assert.Single(all).Code);
    }

    [Fact]
    public async Task A_configured_default_code_is_normalised_and_used()
    {
        var service = NewService();

        var session = await service.EnsureDefaultSessionAsync(Talk, "abc-def", CancellationToken.None);

        Assert.Equal("ABCDEF", session.Code);
        Assert.Equal("ABCDEF", (await service.FindDefaultAsync(CancellationToken.None))?.Code);
        Assert.NotNull(await Restart().FindAsync("abc def", CancellationToken.None));
    }

    [Fact]
    public async Task A_newly_configured_default_code_takes_over_as_the_default_session()
    {
        var generated = await NewService().EnsureDefaultSessionAsync(Talk, null, CancellationToken.None);

        var configured = await Restart().EnsureDefaultSessionAsync(Talk, "XYZ234", CancellationToken.None);

        var sessions = await Restart().ListAsync(CancellationToken.None);
        Assert.Equal(2, sessions.Count);
        Assert.Equal("XYZ234", Assert.Single(sessions, s => s.IsDefault).Code);
        Assert.False(sessions.Single(s => s.Code == generated.Code).IsDefault);
        Assert.Equal("XYZ234", (await Restart().EnsureDefaultSessionAsync(Talk, null, CancellationToken.None)).Code);
        Assert.True(configured.IsDefault);
    }

    [Fact]
    public async Task An_invalid_configured_default_code_is_refused_with_a_message_naming_it()
    {
        var service = NewService();

        var error = await Assert.ThrowsAsync<RequestRefusedException>(() => service.EnsureDefaultSessionAsync(Talk, "ABC10", CancellationToken.None));

        Assert.Contains("'ABC10'", error.Message, StringComparison.Ordinal);
        Assert.Contains("is not a valid code", error.Message, StringComparison.Ordinal);
        Assert.Empty(await service.ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Changing_the_default_deck_keeps_the_code_and_restarts_on_the_first_slide()
    {
        var service = NewService();
        var before = await service.EnsureDefaultSessionAsync(Talk, null, CancellationToken.None);
        await service.NavigateAsync(before.Code, Navigation.GoTo(3), CancellationToken.None);
        var moved = await service.FindAsync(before.Code, CancellationToken.None);

        var after = await Restart().EnsureDefaultSessionAsync(OtherTalk, null, CancellationToken.None);

        Assert.Equal(before.Code, after.Code);
        Assert.Equal(OtherTalk, after.DeckSlug);
        Assert.Equal(0, after.Position.Slide);
        Assert.Equal(0, after.Position.Fragment);
        Assert.Equal([0], after.Shown.Slides);
        Assert.Equal(moved!.Position.Version + 1, after.Position.Version);
        Assert.Equal(after, await Restart().FindAsync(before.Code, CancellationToken.None));
    }

    [Fact]
    public async Task Ensuring_the_default_session_again_for_the_same_deck_keeps_its_position()
    {
        var service = NewService();
        var session = await service.EnsureDefaultSessionAsync(Talk, null, CancellationToken.None);
        var moved = await service.NavigateAsync(session.Code, Navigation.GoTo(2), CancellationToken.None);

        var again = await Restart().EnsureDefaultSessionAsync(Talk, null, CancellationToken.None);

        Assert.Equal(moved.Position, again.Position);
    }

    [Fact]
    public async Task A_started_session_has_a_new_code_and_begins_on_the_first_slide()
    {
        var service = NewService();

        var session = await service.StartAsync(Talk, CancellationToken.None);
        var other = await service.StartAsync(Talk, CancellationToken.None);

        Assert.True(JoinCode.IsNormalized(session.Code));
        Assert.NotEqual(session.Code, other.Code);
        Assert.Equal(Talk, session.DeckSlug);
        Assert.False(session.IsDefault);
        Assert.Equal((0, 0), (session.Position.Slide, session.Position.Fragment));
        Assert.Equal(_time.GetUtcNow(), session.CreatedAt);
        Assert.Equal(session, await Restart().FindAsync(session.Code, CancellationToken.None));
    }

    [Theory]
    [InlineData("no-such-talk")]
    [InlineData("../talk")]
    [InlineData("Talk")]
    public async Task Starting_a_session_for_a_deck_that_is_not_in_the_content_folder_fails(string slug)
    {
        var service = NewService();

        var error = await Assert.ThrowsAsync<RequestRefusedException>(() => service.StartAsync(slug, CancellationToken.None));

        Assert.Equal($"There is no deck '{slug}' in the content folder.", error.Message);
        Assert.Empty(await service.ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_session_is_found_by_its_code_in_any_case_with_spaces_or_dashes()
    {
        var service = NewService();
        var session = await service.StartAsync(Talk, CancellationToken.None);
        var typed = $"{session.Code[..3].ToLowerInvariant()}-{session.Code[3..].ToLowerInvariant()} ";

        Assert.Equal(session, await service.FindAsync(typed, CancellationToken.None));
        Assert.Equal(session, await Restart().FindAsync(typed, CancellationToken.None));
        Assert.Null(await service.FindAsync("not a code", CancellationToken.None));
        Assert.Null(await service.FindAsync(null, CancellationToken.None));
    }

    [Fact]
    public async Task Each_navigation_moves_the_session_and_grows_the_version_by_exactly_one()
    {
        var service = NewService();
        var session = await service.StartAsync(Talk, CancellationToken.None);
        (Navigation Move, int Slide)[] steps =
        [
            (Navigation.Next, 1),
            (Navigation.Next, 2),
            (Navigation.Previous, 1),
            (Last, TalkSlides - 1),
            (First, 0),
            (Navigation.GoTo(3), 3),
            (Navigation.Previous, 2),
        ];

        var version = session.Position.Version;
        foreach (var (move, slide) in steps)
        {
            var state = await service.NavigateAsync(session.Code, move, CancellationToken.None);

            Assert.Equal(new SlidePosition(slide, 0, version + 1), state.Position);
            version = state.Position.Version;
        }

        Assert.Equal(steps.Length, _notifier.Notifications.Count);
        Assert.Equal(steps.Select(s => s.Slide), _notifier.Notifications.Select(n => n.Sent.Position.Slide));
    }

    [Fact]
    public async Task A_navigation_that_does_not_move_changes_nothing_and_tells_no_one()
    {
        var service = NewService();
        var session = await service.StartAsync(Talk, CancellationToken.None);

        var stillFirst = await service.NavigateAsync(session.Code, Navigation.Previous, CancellationToken.None);
        var firstAgain = await service.NavigateAsync(session.Code, First, CancellationToken.None);
        var goToSame = await service.NavigateAsync(session.Code, Navigation.GoTo(0), CancellationToken.None);
        var atEnd = await service.NavigateAsync(session.Code, Last, CancellationToken.None);
        var pastEnd = await service.NavigateAsync(session.Code, Navigation.Next, CancellationToken.None);
        var lastAgain = await service.NavigateAsync(session.Code, Last, CancellationToken.None);

        Assert.Equal(session.Position, stillFirst.Position);
        Assert.Equal(session.Position, firstAgain.Position);
        Assert.Equal(session.Position, goToSame.Position);
        Assert.Equal(atEnd.Position, pastEnd.Position);
        Assert.Equal(atEnd.Position, lastAgain.Position);
        Assert.Equal(session.Position.Version + 1, atEnd.Position.Version);
        Assert.Single(_notifier.Notifications);
        Assert.Equal(atEnd.Position, (await Restart().FindAsync(session.Code, CancellationToken.None))!.Position);
    }

    [Fact]
    public async Task Each_refusal_of_the_session_service_names_its_rule_with_a_code()
    {
        var service = NewService();
        var session = await service.StartAsync(Talk, CancellationToken.None);
        _temp.WriteFile($"content/broken/{DeckParser.DeckFileName}", "# No front matter\n\n---\n\n# Two\n");
        var broken = await service.StartAsync("broken", CancellationToken.None);

        Assert.Equal("unknown-session", (await Assert.ThrowsAsync<RequestRefusedException>(() => service.NavigateAsync("ZZZZZZ", Navigation.Next, CancellationToken.None))).Code);
        Assert.Equal("unknown-deck", (await Assert.ThrowsAsync<RequestRefusedException>(() => service.StartAsync("no-such-deck", CancellationToken.None))).Code);
        Assert.Equal("unknown-slide", (await Assert.ThrowsAsync<RequestRefusedException>(() => service.NavigateAsync(session.Code, Navigation.GoTo(TalkSlides, 0), CancellationToken.None))).Code);
        Assert.Equal("unknown-slide", (await Assert.ThrowsAsync<RequestRefusedException>(() => service.NavigateAsync(session.Code, Navigation.GoTo(1, 1), CancellationToken.None))).Code);
        Assert.Equal("deck-errors", (await Assert.ThrowsAsync<RequestRefusedException>(() => service.NavigateAsync(broken.Code, Navigation.Next, CancellationToken.None))).Code);
        Assert.Equal("bad-code", (await Assert.ThrowsAsync<RequestRefusedException>(() => service.EnsureDefaultSessionAsync(Talk, "ABC10", CancellationToken.None))).Code);
    }

    [Fact]
    public void The_refusal_type_has_no_constructor_without_a_code()
    {
        // A refusal without a code reaches a phone as "invalid": it can neither word it nor tell whether to retry.
        var withoutCode = typeof(RequestRefusedException).GetConstructors()
            .Where(c => c.GetParameters() is not [{ Name: "code", ParameterType: var type }, ..] || type != typeof(string))
            .Select(c => c.ToString());

        Assert.Empty(withoutCode);
    }

    [Theory]
    [InlineData(TalkSlides, 0, "Slide 6 does not exist; the deck has 5 slides.")]
    [InlineData(-1, 0, "Slide 0 does not exist; the deck has 5 slides.")]
    [InlineData(1, 1, "Slide 2 has 0 fragments; step 1 does not exist.")]
    public async Task Going_to_a_step_outside_the_deck_fails_with_a_clear_message_and_changes_nothing(int slide, int fragment, string message)
    {
        var service = NewService();
        var session = await service.StartAsync(Talk, CancellationToken.None);
        await service.NavigateAsync(session.Code, Navigation.Next, CancellationToken.None);
        var before = await Restart().FindAsync(session.Code, CancellationToken.None);

        var error = await Assert.ThrowsAsync<RequestRefusedException>(
            () => service.NavigateAsync(session.Code, Navigation.GoTo(slide, fragment), CancellationToken.None));

        Assert.Equal(message, error.Message);
        Assert.Equal(before, await Restart().FindAsync(session.Code, CancellationToken.None));
        Assert.Single(_notifier.Notifications);
    }

    [Fact]
    public async Task The_room_has_been_shown_the_slides_it_landed_on_and_not_the_ones_jumped_over()
    {
        var service = NewService();
        var code = (await service.StartAsync(Talk, CancellationToken.None)).Code;

        async Task<int[]> Go(Navigation move) => (await service.NavigateAsync(code, move, CancellationToken.None)).Shown.Slides.ToArray();

        var jumped = await Go(Navigation.GoTo(3));
        var backToStart = await Go(First);
        var stepped = await Go(Navigation.Next);
        var atEnd = await Go(Last);
        var stepBack = await Go(Navigation.Previous);
        var jumpedBack = await Go(Navigation.GoTo(1));

        Assert.Equal(5, TalkSlides);
        Assert.Equal([0, 3], jumped);
        Assert.Equal([0, 3], backToStart);
        Assert.Equal([0, 1, 3], stepped);
        Assert.Equal([0, 1, 3, 4], atEnd);
        Assert.Equal([0, 1, 3, 4], stepBack);
        Assert.Equal([0, 1, 3, 4], jumpedBack);
        Assert.Equal([0, 1, 3, 4], (await Restart().FindAsync(code, CancellationToken.None))!.Shown.Slides);
    }

    [Fact]
    public async Task A_session_continues_where_it_was_after_a_restart_over_the_same_database_file()
    {
        var code = (await NewService().StartAsync(Talk, CancellationToken.None)).Code;
        var beforeRestart = await NewService().NavigateAsync(code, Navigation.GoTo(3), CancellationToken.None);

        var restarted = Restart();
        var found = await restarted.FindAsync(code, CancellationToken.None);
        var next = await restarted.NavigateAsync(code, Navigation.Next, CancellationToken.None);

        Assert.Equal(beforeRestart, found);
        Assert.Equal(new SlidePosition(4, 0, beforeRestart.Position.Version + 1), next.Position);
    }

    [Fact]
    public async Task Everyone_is_told_about_a_move_only_after_it_is_committed()
    {
        var service = NewService();
        var code = (await service.StartAsync(Talk, CancellationToken.None)).Code;

        var returned = new List<LiveSessionState>
        {
            await service.NavigateAsync(code, Navigation.Next, CancellationToken.None),
            await service.NavigateAsync(code, Last, CancellationToken.None),
            await service.NavigateAsync(code, Navigation.Previous, CancellationToken.None),
        };

        Assert.Equal(returned, _notifier.Notifications.Select(n => n.Sent));
        Assert.All(_notifier.Notifications, n =>
            Assert.Equal((n.Sent.Position.Slide, n.Sent.Position.Fragment, n.Sent.Position.Version), (n.StoredSlide, n.StoredFragment, n.StoredVersion)));
    }

    [Fact]
    public async Task Fifty_simultaneous_next_requests_each_move_exactly_one_slide()
    {
        const int Presses = 50;
        var service = NewService();
        var session = await service.StartAsync(LongTalk, CancellationToken.None);
        var start = session.Position.Version;

        var results = await Task.WhenAll(Enumerable.Range(0, Presses)
            .Select(_ => Task.Run(() => service.NavigateAsync(session.Code, Navigation.Next, CancellationToken.None))));

        var expectedVersions = Enumerable.Range(1, Presses).Select(i => start + i).ToList();
        Assert.Equal(expectedVersions, results.Select(r => r.Position.Version).Order());
        Assert.Equal(Enumerable.Range(1, Presses), results.Select(r => r.Position.Slide).Order());
        Assert.All(results, r => Assert.Equal(r.Position.Version - start, r.Position.Slide));
        var stored = await Restart().FindAsync(session.Code, CancellationToken.None);
        Assert.Equal(new SlidePosition(Presses, 0, start + Presses), stored!.Position);
        Assert.Equal(Enumerable.Range(0, Presses + 1), stored.Shown.Slides);
        Assert.Equal(expectedVersions, _notifier.Notifications.Select(n => n.Sent.Position.Version).Order());
        Assert.All(_notifier.Notifications, n => Assert.True(n.StoredVersion >= n.Sent.Position.Version,
            $"Version {n.Sent.Position.Version} was announced while the database held {n.StoredVersion}."));
    }

    [Fact]
    public async Task Navigating_a_session_that_does_not_exist_fails()
    {
        var service = NewService();

        var error = await Assert.ThrowsAsync<RequestRefusedException>(() => service.NavigateAsync("ZZZZZZ", Navigation.Next, CancellationToken.None));

        Assert.Equal("There is no session with code 'ZZZZZZ'.", error.Message);
        Assert.Empty(_notifier.Notifications);
    }

    [Fact]
    public async Task Navigating_a_deck_with_errors_fails_with_a_message_naming_the_deck()
    {
        _temp.WriteFile($"content/broken/{DeckParser.DeckFileName}", "# No front matter\n\n---\n\n# Two\n");
        var service = NewService();
        var session = await service.StartAsync("broken", CancellationToken.None);

        var error = await Assert.ThrowsAsync<RequestRefusedException>(() => service.NavigateAsync(session.Code, Navigation.Next, CancellationToken.None));

        Assert.Contains("'broken' has errors", error.Message, StringComparison.Ordinal);
        Assert.Empty(_notifier.Notifications);
    }

    [Fact]
    public async Task Two_sessions_of_one_deck_each_keep_what_they_showed()
    {
        var service = NewService();
        var rehearsal = await service.StartAsync(Talk, CancellationToken.None);
        var talk = await service.StartAsync(Talk, CancellationToken.None);

        await service.NavigateAsync(rehearsal.Code, Navigation.GoTo(3), CancellationToken.None);
        await service.NavigateAsync(talk.Code, Navigation.GoTo(1), CancellationToken.None);

        Assert.Equal([0, 3], (await Restart().FindAsync(rehearsal.Code, CancellationToken.None))!.Shown.Slides);
        Assert.Equal([0, 1], (await Restart().FindAsync(talk.Code, CancellationToken.None))!.Shown.Slides);
    }

    private void WriteDeck(string slug, int slideCount)
    {
        var slides = Enumerable.Range(1, slideCount).Select(i => $"# Slide number {i}\n\nText of slide {i}.\n");
        _temp.WriteFile($"content/{slug}/{DeckParser.DeckFileName}", $"---\ntitle: {slug}\n---\n" + string.Join("\n---\n\n", slides));
    }

    /// <summary>A second service in the same process: same database file and factory, its own caches.</summary>
    [Fact]
    public async Task The_speaker_timer_counts_only_while_running_and_survives_a_restart()
    {
        var service = NewService();
        var session = await service.EnsureDefaultSessionAsync(Talk, null, CancellationToken.None);
        Assert.Equal(TimeSpan.Zero, session.Timer.ElapsedAt(_time.GetUtcNow()));

        var started = await service.StartTimerAsync(session.Code, CancellationToken.None);
        Assert.True(started.Timer.Running);
        _time.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal(TimeSpan.FromMinutes(3), started.Timer.ElapsedAt(_time.GetUtcNow()));

        var paused = await service.PauseTimerAsync(session.Code, CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(10));
        Assert.False(paused.Timer.Running);
        Assert.Equal(TimeSpan.FromMinutes(3), paused.Timer.ElapsedAt(_time.GetUtcNow()));

        await service.StartTimerAsync(session.Code, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(30));
        var afterRestart = await NewService().FindAsync(session.Code, CancellationToken.None);
        Assert.Equal(TimeSpan.FromSeconds(210), afterRestart!.Timer.ElapsedAt(_time.GetUtcNow()));

        var reset = await service.ResetTimerAsync(session.Code, CancellationToken.None);
        Assert.Equal(TimeSpan.Zero, reset.Timer.ElapsedAt(_time.GetUtcNow()));
        Assert.Equal(4, _notifier.Timers.Count);
        Assert.All(_notifier.Timers, t => Assert.Equal(t.Session.Timer.Running, t.StoredRunning));
    }

    [Fact]
    public async Task The_projector_state_is_stored_before_it_is_announced_survives_a_restart_and_counts_its_own_revisions()
    {
        var service = NewService();
        var session = await service.EnsureDefaultSessionAsync(Talk, null, CancellationToken.None);
        Assert.Equal(new ProjectorDisplay(false, false, false, 0), session.Projector);

        await service.SetProjectorAsync(session.Code, blackout: true, joinOverlay: false, CancellationToken.None);
        var captions = await service.SetProjectorCaptionsAsync(session.Code, visible: true, CancellationToken.None);

        Assert.Equal(new ProjectorDisplay(true, false, true, 2), captions.Projector);
        Assert.Equal(session.Position, captions.Position);
        Assert.Equal(new ProjectorDisplay(true, false, true, 2), (await Restart().FindAsync(session.Code, CancellationToken.None))!.Projector);
        Assert.Equal([(true, 1L), (true, 2L)], _notifier.Projectors.Select(p => (p.StoredBlackout, p.StoredRevision)));
        Assert.Empty(_notifier.Notifications);
    }

    [Fact]
    public async Task Two_nodes_moving_the_talk_at_once_both_moves_are_stored_one_after_the_other()
    {
        var code = (await NewService().StartAsync(Talk, CancellationToken.None)).Code;
        var nodeB = NewService(new SqliteDbContextFactory(DataDirectory));
        var meanwhile = new BeforeFirstUpdate(() => nodeB.NavigateAsync(code, Navigation.GoTo(3), CancellationToken.None));
        var nodeA = NewService(new SqliteDbContextFactory(DataDirectory, meanwhile));

        var movedByA = await nodeA.NavigateAsync(code, Navigation.Next, CancellationToken.None);

        Assert.True(meanwhile.Ran);
        var stored = (await Restart().FindAsync(code, CancellationToken.None))!;
        // B's jump to the fourth slide is version 2; A's "next", tried again from there, is the fifth slide at version 3.
        Assert.Equal(new SlidePosition(4, 0, 3), stored.Position);
        Assert.Equal(stored.Position, movedByA.Position);
        Assert.Equal([(3, 2L), (4, 3L)], _notifier.Notifications.Select(n => (n.Sent.Position.Slide, n.Sent.Position.Version)));
    }

    [Fact]
    public async Task Two_nodes_changing_the_projector_at_once_both_land_each_with_its_own_revision()
    {
        var session = await NewService().EnsureDefaultSessionAsync(Talk, null, CancellationToken.None);
        var nodeB = NewService(new SqliteDbContextFactory(DataDirectory));
        var meanwhile = new BeforeFirstUpdate(() => nodeB.SetProjectorCaptionsAsync(session.Code, visible: true, CancellationToken.None));
        var nodeA = NewService(new SqliteDbContextFactory(DataDirectory, meanwhile));

        var announcedByA = await nodeA.SetProjectorAsync(session.Code, blackout: true, joinOverlay: true, CancellationToken.None);

        Assert.True(meanwhile.Ran);
        var stored = (await Restart().FindAsync(session.Code, CancellationToken.None))!.Projector;
        Assert.Equal(new ProjectorDisplay(Blackout: true, JoinOverlay: true, Captions: true, Revision: 2), stored);
        // Screens keep the highest revision they are sent: that must be the whole stored state, B's captions too.
        Assert.Equal(stored, _notifier.Projectors.MaxBy(p => p.Session.Projector.Revision).Session.Projector);
        Assert.Equal([1L, 2L], _notifier.Projectors.Select(p => p.Session.Projector.Revision).Order());
        Assert.Equal(stored, announcedByA.Projector);
    }

    [Fact]
    public async Task Every_request_to_move_reaches_the_slide_followers_after_it_is_announced_saying_whether_the_slide_changed()
    {
        var seen = new List<(int Slide, int Fragment, bool SlideChanged, int Announced)>();
        var follower = new RecordingFollower((s, changed) => seen.Add((s.Position.Slide, s.Position.Fragment, changed, _notifier.Notifications.Count)));
        var catalog = new DeckCatalog(ContentDirectory, watchForChanges: false, NullLogger<DeckCatalog>.Instance, _time);
        _catalogs.Add(catalog);
        var service = new LiveSessionService(_dbFactory, catalog, _notifier, _time, NullLogger<LiveSessionService>.Instance, slideFollowers: new SlideFollowers(() => [follower]));
        var code = (await service.StartAsync(Talk, CancellationToken.None)).Code;

        await service.NavigateAsync(code, Navigation.GoTo(2), CancellationToken.None);
        await service.NavigateAsync(code, Navigation.GoTo(2), CancellationToken.None);
        await service.NavigateAsync(code, Navigation.Previous, CancellationToken.None);

        Assert.Equal([(2, 0, true, 1), (2, 0, false, 1), (1, 0, true, 2)], seen);
    }

    private sealed class RecordingFollower(Action<LiveSessionState, bool> record) : ISlideFollower
    {
        public Task SlideReachedAsync(LiveSessionState session, bool slideChanged, CancellationToken cancellationToken)
        {
            record(session, slideChanged);
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task Starting_a_running_timer_again_does_not_restart_it_and_the_timer_never_moves_the_slide_version()
    {
        var service = NewService();
        var session = await service.EnsureDefaultSessionAsync(Talk, null, CancellationToken.None);
        await service.StartTimerAsync(session.Code, CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(1));
        var again = await service.StartTimerAsync(session.Code, CancellationToken.None);
        Assert.Equal(TimeSpan.FromMinutes(1), again.Timer.ElapsedAt(_time.GetUtcNow()));
        Assert.Equal(session.Position.Version, again.Position.Version);
        Assert.Empty(_notifier.Notifications);
    }

    private LiveSessionService NewService() => NewService(_dbFactory);

    /// <summary>A new service as after a restart: pooled connections dropped, a new factory over the same file.</summary>
    private LiveSessionService Restart()
    {
        SqliteConnection.ClearAllPools();
        return NewService(new SqliteDbContextFactory(DataDirectory));
    }

    private LiveSessionService NewService(IDbContextFactory<LiveDbContext> dbFactory)
    {
        var catalog = new DeckCatalog(ContentDirectory, watchForChanges: false, NullLogger<DeckCatalog>.Instance, _time);
        _catalogs.Add(catalog);
        return new LiveSessionService(dbFactory, catalog, _notifier, _time, NullLogger<LiveSessionService>.Instance);
    }
}
