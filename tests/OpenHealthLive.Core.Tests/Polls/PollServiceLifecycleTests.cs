using OpenHealthLive.Core.Polls;
using OpenHealthLive.Core.Refusals;
using OpenHealthLive.Core.Sessions;
using OpenHealthLive.Core.Storage;

namespace OpenHealthLive.Core.Tests.Polls;

/// <summary>
/// A poll's life: closed until opened, one open poll per session, rounds, results shown or hidden, opening by itself
/// on its slide; and what the room is told, always after the change is committed.
/// </summary>
public sealed class PollServiceLifecycleTests : PollServiceTestBase
{
    [Fact]
    public async Task A_poll_nobody_opened_is_closed_hidden_in_round_0_with_empty_results()
    {
        var polls = NewService();

        var view = await polls.GetAsync(Code, Colour, CancellationToken.None);
        var results = await polls.ResultsAsync(Code, Colour, CancellationToken.None);

        Assert.Equal(Code, view.SessionCode);
        Assert.Equal(Colour, view.Definition.Id);
        Assert.False(view.IsOpen);
        Assert.False(view.ResultsVisible);
        Assert.Equal(0, view.Round);
        Assert.Equal(0, view.Voters);
        Assert.Null(view.OpenedAt);
        Assert.Null(view.ClosedAt);
        Assert.Empty(view.HeldAnswers!);
        Assert.Equal(Colours.Select((c, i) => new OptionResult(i, c, 0, 0)), results.Options);
        Assert.Equal(0, results.Voters);
        Assert.Null(await StoredStateAsync(Colour));
    }

    [Fact]
    public async Task The_list_has_every_poll_of_the_deck_in_slide_order_with_its_own_state_and_voters()
    {
        var polls = NewService();
        await polls.OpenAsync(Code, Tools, CancellationToken.None);
        await polls.VoteAsync(Code, "d1", Tools, "a", Choices(0), CancellationToken.None);
        await polls.VoteAsync(Code, "d2", Tools, "b", Choices(1), CancellationToken.None);
        await polls.SetResultsVisibleAsync(Code, Rate, true, CancellationToken.None);

        var list = await polls.ListAsync(Code, CancellationToken.None);

        Assert.Equal([Colour, Tools, Rate, Order, Word, Capital, Auto], list.Select(p => p.Definition.Id));
        Assert.Equal([false, true, false, false, false, false, false], list.Select(p => p.IsOpen));
        Assert.Equal([0, 2, 0, 0, 0, 0, 0], list.Select(p => p.Voters));
        Assert.Equal([false, false, true, false, false, false, false], list.Select(p => p.ResultsVisible));
        Assert.All(list, p => Assert.Equal(Code, p.SessionCode));
    }

    [Fact]
    public async Task Opening_a_poll_closes_the_open_one_and_the_room_hears_of_both_after_the_commit()
    {
        var polls = NewService();
        await polls.OpenAsync(Code, Colour, CancellationToken.None);
        Time.Advance(TimeSpan.FromMinutes(1));
        Notifier.Clear();

        var tools = await polls.OpenAsync(Code, Tools, CancellationToken.None);

        Assert.True(tools.IsOpen);
        Assert.Equal(Start.AddMinutes(1), tools.OpenedAt);
        var colour = await polls.GetAsync(Code, Colour, CancellationToken.None);
        Assert.False(colour.IsOpen);
        Assert.Equal(Start, colour.OpenedAt);
        Assert.Equal(Start.AddMinutes(1), colour.ClosedAt);
        var told = Notifier.PollChanges;
        Assert.Equal([Tools, Colour], told.Select(t => t.PollId));
        Assert.Equal([true, false], told.Select(t => t.Poll!.IsOpen));
        Assert.Equal([true, false], told.Select(t => t.StoredState!.IsOpen));
        Assert.Empty(Notifier.ResultChanges);
    }

    [Fact]
    public async Task Opening_or_closing_a_poll_leaves_the_other_closed_polls_untold()
    {
        var polls = NewService();
        await polls.CloseAsync(Code, Colour, CancellationToken.None);
        Notifier.Clear();

        await polls.OpenAsync(Code, Tools, CancellationToken.None);
        await polls.CloseAsync(Code, Tools, CancellationToken.None);

        Assert.Equal([Tools, Tools], Notifier.PollChanges.Select(t => t.PollId));
        Assert.Equal([true, false], Notifier.PollChanges.Select(t => t.StoredState!.IsOpen));
    }

    [Fact]
    public async Task Closing_keeps_the_votes_and_reopening_continues_the_same_round()
    {
        var polls = NewService();
        await polls.OpenAsync(Code, Colour, CancellationToken.None);
        await polls.VoteAsync(Code, "d1", Colour, "a", Choice(1), CancellationToken.None);
        Time.Advance(TimeSpan.FromMinutes(2));

        var closed = await polls.CloseAsync(Code, Colour, CancellationToken.None);
        Time.Advance(TimeSpan.FromMinutes(3));
        var reopened = await polls.OpenAsync(Code, Colour, CancellationToken.None);
        var changed = await polls.VoteAsync(Code, "d1", Colour, "b", Choice(2), CancellationToken.None);

        Assert.False(closed.IsOpen);
        Assert.Equal(1, closed.Voters);
        Assert.Equal(Start.AddMinutes(2), closed.ClosedAt);
        Assert.True(reopened.IsOpen);
        Assert.Equal(0, reopened.Round);
        Assert.Equal(Start, reopened.OpenedAt);
        Assert.Equal(1, reopened.Voters);
        Assert.Equal(new VoteReceipt(Colour, 0, Choice(2), Changed: true), changed);
        Assert.Equal([0, 0, 1, 0], (await polls.ResultsAsync(Code, Colour, CancellationToken.None)).Options.Select(o => o.Count));
        var told = Notifier.PollChanges.Where(t => t.PollId == Colour).ToList();
        Assert.Equal([true, false, true], told.Select(t => t.StoredState!.IsOpen));
        Assert.Equal([0, 1, 1], told.Select(t => t.Poll!.Voters));
    }

    [Fact]
    public async Task A_reset_of_an_open_poll_starts_a_new_round_hides_the_results_and_lets_every_phone_vote_again()
    {
        var polls = NewService();
        await polls.OpenAsync(Code, Colour, CancellationToken.None);
        await polls.VoteAsync(Code, "d1", Colour, "a", Choice(0), CancellationToken.None);
        await polls.VoteAsync(Code, "d2", Colour, "b", Choice(1), CancellationToken.None);
        await polls.SetResultsVisibleAsync(Code, Colour, true, CancellationToken.None);
        Time.Advance(TimeSpan.FromMinutes(5));
        Notifier.Clear();

        var reset = await polls.ResetAsync(Code, Colour, CancellationToken.None);

        Assert.True(reset.IsOpen);
        Assert.Equal(1, reset.Round);
        Assert.False(reset.ResultsVisible);
        Assert.Equal(0, reset.Voters);
        Assert.Equal(Start.AddMinutes(5), reset.OpenedAt);
        var told = Assert.Single(Notifier.PollChanges);
        Assert.Equal(1, told.StoredState!.Round);
        Assert.Equal(0, told.Results!.Voters);
        Assert.False(told.Poll!.ResultsVisible);

        var again = await polls.VoteAsync(Code, "d1", Colour, "c", Choice(3), CancellationToken.None);
        Assert.Equal(new VoteReceipt(Colour, 1, Choice(3), Changed: false), again);
        Assert.Equal([0, 0, 0, 1], (await polls.ResultsAsync(Code, Colour, CancellationToken.None)).Options.Select(o => o.Count));
        // The earlier round's votes stay in the database but no longer count.
        Assert.Equal([(0, "d1", "a", "{\"option\":0}"), (0, "d2", "b", "{\"option\":1}"), (1, "d1", "c", "{\"option\":3}")], await StoredVotesAsync(Colour));
    }

    [Fact]
    public async Task A_reset_of_a_closed_poll_starts_a_new_round_that_is_not_yet_opened()
    {
        var polls = NewService();
        await polls.OpenAsync(Code, Colour, CancellationToken.None);
        await polls.VoteAsync(Code, "d1", Colour, "a", Choice(0), CancellationToken.None);
        await polls.CloseAsync(Code, Colour, CancellationToken.None);

        var reset = await polls.ResetAsync(Code, Colour, CancellationToken.None);
        var secondReset = await polls.ResetAsync(Code, Colour, CancellationToken.None);

        Assert.False(reset.IsOpen);
        Assert.Equal(1, reset.Round);
        Assert.Null(reset.OpenedAt);
        Assert.Equal(0, reset.Voters);
        Assert.Equal(2, secondReset.Round);
        await Assert.ThrowsAsync<RequestRefusedException>(() => polls.VoteAsync(Code, "d2", Colour, "b", Choice(0), CancellationToken.None));
    }

    [Fact]
    public async Task Results_are_shown_and_hidden_by_the_presenter_and_the_room_is_told_each_time()
    {
        var polls = NewService();
        await polls.OpenAsync(Code, Colour, CancellationToken.None);
        await polls.VoteAsync(Code, "d1", Colour, "a", Choice(2), CancellationToken.None);
        Notifier.Clear();

        var shown = await polls.SetResultsVisibleAsync(Code, Colour, true, CancellationToken.None);
        var hidden = await polls.SetResultsVisibleAsync(Code, Colour, false, CancellationToken.None);

        Assert.True(shown.ResultsVisible);
        Assert.True(shown.IsOpen);
        Assert.False(hidden.ResultsVisible);
        Assert.Equal([true, false], Notifier.PollChanges.Select(t => t.StoredState!.ResultsVisible));
        Assert.Equal([true, false], Notifier.PollChanges.Select(t => t.Poll!.ResultsVisible));
        Assert.All(Notifier.PollChanges, t => Assert.Equal([0, 0, 1, 0], t.Results!.Options.Select(o => o.Count)));
        Assert.False((await StoredStateAsync(Colour))!.ResultsVisible);
    }

    [Fact]
    public async Task A_poll_marked_auto_open_opens_when_its_slide_is_reached_once_per_round()
    {
        var polls = NewService();
        var onColourSlide = await Sessions.NavigateAsync(Code, Navigation.GoTo(1), CancellationToken.None);
        await polls.SlideReachedAsync(onColourSlide, slideChanged: true, CancellationToken.None);
        Assert.Empty(Notifier.PollChanges);

        var onAutoSlide = await Sessions.NavigateAsync(Code, Navigation.GoTo(7), CancellationToken.None);
        Time.Advance(TimeSpan.FromMinutes(1));
        await polls.SlideReachedAsync(onAutoSlide, slideChanged: true, CancellationToken.None);
        var opened = await polls.GetAsync(Code, Auto, CancellationToken.None);
        Assert.True(opened.IsOpen);
        Assert.Equal(Start.AddMinutes(1), opened.OpenedAt);
        Assert.Equal([$"Poll auto of session {Code} opened on reaching its slide"], Log.Entries.Select(e => e.Message));
        Assert.False((await polls.GetAsync(Code, Colour, CancellationToken.None)).IsOpen);

        // Reached again while open, or after the presenter closed it: it stays as it is.
        await polls.SlideReachedAsync(onAutoSlide, slideChanged: true, CancellationToken.None);
        await polls.CloseAsync(Code, Auto, CancellationToken.None);
        await polls.SlideReachedAsync(onAutoSlide, slideChanged: true, CancellationToken.None);
        Assert.False((await polls.GetAsync(Code, Auto, CancellationToken.None)).IsOpen);
        Assert.Equal([true, false], Notifier.PollChanges.Select(t => t.StoredState!.IsOpen));

        // A new round has not been opened yet: reaching the slide opens it.
        await polls.ResetAsync(Code, Auto, CancellationToken.None);
        await polls.SlideReachedAsync(onAutoSlide, slideChanged: true, CancellationToken.None);
        var reopened = await polls.GetAsync(Code, Auto, CancellationToken.None);
        Assert.True(reopened.IsOpen);
        Assert.Equal(1, reopened.Round);
    }

    [Fact]
    public async Task Reaching_an_auto_open_slide_closes_the_poll_that_was_open()
    {
        var polls = NewService();
        await polls.OpenAsync(Code, Colour, CancellationToken.None);

        await polls.SlideReachedAsync(await Sessions.NavigateAsync(Code, Navigation.GoTo(7), CancellationToken.None), slideChanged: true, CancellationToken.None);

        Assert.False((await polls.GetAsync(Code, Colour, CancellationToken.None)).IsOpen);
        Assert.True((await polls.GetAsync(Code, Auto, CancellationToken.None)).IsOpen);
    }

    [Fact]
    public async Task A_state_change_whose_commit_fails_is_stored_nowhere_and_told_to_nobody()
    {
        var polls = NewService();
        await polls.GetAsync(Code, Colour, CancellationToken.None);

        Gate.FailNextCommit();
        await Assert.ThrowsAsync<StorageUnavailableException>(() => polls.OpenAsync(Code, Colour, CancellationToken.None));

        Assert.Null(await StoredStateAsync(Colour));
        Assert.Empty(Notifier.All);
        Assert.False((await polls.GetAsync(Code, Colour, CancellationToken.None)).IsOpen);
        await Assert.ThrowsAsync<RequestRefusedException>(() => polls.VoteAsync(Code, "d1", Colour, "a", Choice(0), CancellationToken.None));

        Assert.True((await polls.OpenAsync(Code, Colour, CancellationToken.None)).IsOpen);
        Assert.Equal(0, (await polls.VoteAsync(Code, "d1", Colour, "b", Choice(0), CancellationToken.None)).Round);
    }

    [Fact]
    public async Task Closing_a_poll_on_one_node_is_seen_by_the_next_vote_even_after_the_vote_book_was_loaded()
    {
        var polls = NewService();
        await polls.OpenAsync(Code, Colour, CancellationToken.None);
        await polls.VoteAsync(Code, "d1", Colour, "a", Choice(0), CancellationToken.None);

        await polls.OpenAsync(Code, Tools, CancellationToken.None);

        var refused = await Assert.ThrowsAsync<RequestRefusedException>(() => polls.VoteAsync(Code, "d2", Colour, "b", Choice(0), CancellationToken.None));
        Assert.Equal(RefusalCodes.PollClosed, refused.Code);
        await polls.VoteAsync(Code, "d2", Tools, "c", Choices(0), CancellationToken.None);
        Assert.Single(await StoredVotesAsync(Colour));
    }

    [Fact]
    public async Task The_polls_of_one_session_do_not_touch_another_sessions()
    {
        var polls = NewService();
        var other = (await Sessions.StartAsync(Deck, CancellationToken.None)).Code;
        await polls.OpenAsync(Code, Colour, CancellationToken.None);
        await polls.OpenAsync(other, Colour, CancellationToken.None);
        await polls.VoteAsync(Code, "d1", Colour, "a", Choice(0), CancellationToken.None);

        await polls.OpenAsync(other, Tools, CancellationToken.None);
        await polls.ResetAsync(other, Colour, CancellationToken.None);

        var here = await polls.GetAsync(Code, Colour, CancellationToken.None);
        Assert.True(here.IsOpen);
        Assert.Equal(0, here.Round);
        Assert.Equal(1, here.Voters);
        Assert.Equal(0, (await polls.GetAsync(other, Colour, CancellationToken.None)).Voters);
        Assert.False((await polls.GetAsync(other, Colour, CancellationToken.None)).IsOpen);
        Assert.Equal(0, (await polls.VoteAsync(Code, "d2", Colour, "b", Choice(1), CancellationToken.None)).Round);
    }

    [Fact]
    public async Task An_unknown_session_has_no_polls()
    {
        var polls = NewService();

        var refused = await Assert.ThrowsAsync<RequestRefusedException>(() => polls.ListAsync("ZZZZZZ", CancellationToken.None));

        Assert.Equal(RefusalCodes.UnknownSession, refused.Code);
    }
    [Fact]
    public async Task Showing_a_closed_polls_results_or_opening_the_open_poll_again_tells_the_room_of_that_poll_only()
    {
        var polls = NewService();
        await polls.OpenAsync(Code, Colour, CancellationToken.None);
        Notifier.Clear();

        await polls.SetResultsVisibleAsync(Code, Tools, true, CancellationToken.None);
        await polls.OpenAsync(Code, Colour, CancellationToken.None);

        Assert.Equal([Tools, Colour], Notifier.PollChanges.Select(t => t.PollId));
        Assert.True((await polls.GetAsync(Code, Colour, CancellationToken.None)).IsOpen);
    }

    [Fact]
    public async Task A_missing_poll_id_is_refused_as_an_unknown_poll()
    {
        var polls = NewService();

        var refused = await Assert.ThrowsAsync<RequestRefusedException>(() => polls.GetAsync(Code, null!, CancellationToken.None));

        Assert.Equal(RefusalCodes.UnknownPoll, refused.Code);
        Assert.Equal("This deck has no poll ''.", refused.Message);
    }

    [Fact]
    public async Task While_the_deck_has_errors_its_polls_are_unavailable_and_reaching_a_slide_opens_nothing()
    {
        var polls = ServiceWithDeck("---\ntitle: Poll talk\n---\n# Broken\n\n```poll\nid: colour\ntype: nonsense\nquestion: Which?\n```\n");

        var refused = await Assert.ThrowsAsync<RequestRefusedException>(() => polls.ListAsync(Code, CancellationToken.None));
        await polls.SlideReachedAsync(await Sessions.NavigateAsync(Code, Navigation.GoTo(7), CancellationToken.None), slideChanged: true, CancellationToken.None);

        Assert.Equal($"The deck '{Deck}' has errors; its polls are not available.", refused.Message);
        Assert.Empty(Notifier.All);
        Assert.Null(await StoredStateAsync(Colour));
    }
    [Fact]
    public async Task A_deck_edited_while_live_shows_its_new_labels_with_the_votes_already_counted()
    {
        var (polls, editDeckAsync) = WatchingService();
        await polls.OpenAsync(Code, Colour, CancellationToken.None);
        await polls.VoteAsync(Code, "d1", Colour, "a", Choice(0), CancellationToken.None);
        await polls.VoteAsync(Code, "d2", Colour, "b", Choice(2), CancellationToken.None);

        await editDeckAsync(DeckSource.Replace("options: [Red, Green, Blue, Grey]", "options: [Rouge, Vert, Bleu, Gris]", StringComparison.Ordinal));
        await polls.VoteAsync(Code, "d3", Colour, "c", Choice(1), CancellationToken.None);

        var results = await polls.ResultsAsync(Code, Colour, CancellationToken.None);
        Assert.Equal([new OptionResult(0, "Rouge", 1, 100.0 / 3), new OptionResult(1, "Vert", 1, 100.0 / 3), new OptionResult(2, "Bleu", 1, 100.0 / 3), new OptionResult(3, "Gris", 0, 0)], results.Options);
        Assert.Equal(["Rouge", "Vert", "Bleu", "Gris"], (await polls.GetAsync(Code, Colour, CancellationToken.None)).Definition.Options);
    }
}
