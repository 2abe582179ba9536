using OpenHealthLive.Core.Polls;
using OpenHealthLive.Core.Refusals;
using OpenHealthLive.Core.Sessions;
using OpenHealthLive.Core.Storage;

namespace OpenHealthLive.Core.Tests.Polls;

/// <summary>
/// Deleting what the audience sent: one phone's votes (a person asking to be forgotten), a whole session's (with or
/// without the results the room was shown), and a rehearsal's before the talk goes live.
/// </summary>
public sealed class PollServiceAudienceDataTests : PollServiceTestBase
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Forgetting_a_phone_deletes_its_votes_in_every_poll_and_round_of_the_session_only(bool cluster)
    {
        var polls = NewService(cluster ? new NodeTopology(true, "node-a") : null);
        var other = (await Sessions.StartAsync(Deck, CancellationToken.None)).Code;
        await polls.OpenAsync(Code, Colour, CancellationToken.None);
        await polls.VoteAsync(Code, "d1", Colour, "a", Choice(0), CancellationToken.None);
        await polls.VoteAsync(Code, "d2", Colour, "b", Choice(1), CancellationToken.None);
        await polls.ResetAsync(Code, Colour, CancellationToken.None);
        await polls.VoteAsync(Code, "d1", Colour, "c", Choice(2), CancellationToken.None);
        await polls.VoteAsync(Code, "d2", Colour, "d", Choice(2), CancellationToken.None);
        await polls.OpenAsync(Code, Tools, CancellationToken.None);
        await polls.VoteAsync(Code, "d1", Tools, "e", Choices(0, 1), CancellationToken.None);
        await polls.OpenAsync(other, Colour, CancellationToken.None);
        await polls.VoteAsync(other, "d1", Colour, "f", Choice(3), CancellationToken.None);
        await ResultsAsync(polls, Colour, cluster);
        Notifier.Clear();

        var deleted = await polls.ForgetDeviceAsync(Code, "d1", CancellationToken.None);

        Assert.Equal(3, deleted);
        Assert.Equal([(0, "d2", "b", "{\"option\":1}"), (1, "d2", "d", "{\"option\":2}")], await StoredVotesAsync(Colour));
        Assert.Empty(await StoredVotesAsync(Tools));
        Assert.Equal([0, 0, 1, 0], (await ResultsAsync(polls, Colour, cluster)).Options.Select(o => o.Count));
        Assert.Equal(0, (await ResultsAsync(polls, Tools, cluster)).Voters);
        Assert.Equal(1, (await polls.GetAsync(other, Colour, CancellationToken.None)).Voters);
        Assert.Equal(Choice(3), await polls.MyVoteAsync(other, "d1", Colour, CancellationToken.None));

        // The room hears of both polls whose counts changed, after the deletion was committed.
        var told = Notifier.ResultChanges.OrderBy(t => t.PollId, StringComparer.Ordinal).ToList();
        Assert.Equal([Colour, Tools], told.Select(t => t.PollId));
        Assert.Equal([1, 0], told.Select(t => t.StoredVotes));
        Assert.Empty(Notifier.HeldChanges);

        // The phone may vote again, as a new voter.
        Assert.False((await polls.VoteAsync(Code, "d1", Tools, "g", Choices(2), CancellationToken.None)).Changed);
    }

    [Fact]
    public async Task Forgetting_a_phone_whose_answer_was_held_takes_it_off_the_presenters_list()
    {
        var polls = NewService();
        await polls.OpenAsync(Code, Word, CancellationToken.None);
        await polls.VoteAsync(Code, "d1", Word, "a", Typed("943 476 5919"), CancellationToken.None);
        await polls.VoteAsync(Code, "d2", Word, "b", Typed("open"), CancellationToken.None);
        Notifier.Clear();

        Assert.Equal(1, await polls.ForgetDeviceAsync(Code, "d1", CancellationToken.None));

        Assert.Empty((await polls.GetAsync(Code, Word, CancellationToken.None)).HeldAnswers!);
        Assert.Empty(Assert.Single(Notifier.HeldChanges).Poll!.HeldAnswers!);
        Assert.Equal([new WordResult("open", 1)], (await polls.ResultsAsync(Code, Word, CancellationToken.None)).Words);
    }

    [Fact]
    public async Task Forgetting_a_phone_that_never_voted_deletes_nothing_and_tells_nobody()
    {
        var polls = NewService();
        await polls.OpenAsync(Code, Colour, CancellationToken.None);
        await polls.VoteAsync(Code, "d1", Colour, "a", Choice(0), CancellationToken.None);
        Notifier.Clear();

        Assert.Equal(0, await polls.ForgetDeviceAsync(Code, "nobody", CancellationToken.None));

        Assert.Empty(Notifier.All);
        Assert.Single(await StoredVotesAsync(Colour));
    }

    [Fact]
    public async Task Erasing_a_session_keeping_shown_results_keeps_their_counts_and_drops_every_vote_and_hidden_result()
    {
        var polls = NewService();
        await polls.OpenAsync(Code, Tools, CancellationToken.None);
        await polls.VoteAsync(Code, "d1", Tools, "a", Choices(0), CancellationToken.None);
        await polls.OpenAsync(Code, Colour, CancellationToken.None);
        await polls.VoteAsync(Code, "d1", Colour, "b", Choice(0), CancellationToken.None);
        await polls.VoteAsync(Code, "d2", Colour, "c", Choice(0), CancellationToken.None);
        await polls.VoteAsync(Code, "d3", Colour, "d", Choice(1), CancellationToken.None);
        await polls.SetResultsVisibleAsync(Code, Colour, true, CancellationToken.None);
        Time.Advance(TimeSpan.FromMinutes(1));
        Notifier.Clear();

        var erased = await polls.EraseSessionAsync(Code, keepPublishedResults: true, CancellationToken.None);

        Assert.Equal(new VotesDeleted(4, 1), erased);
        Assert.Empty(await StoredVotesAsync(Colour));
        Assert.Empty(await StoredVotesAsync(Tools));
        // The shown results: 3 voters, Red 2 of 3, Green 1 of 3, still shown; the open poll is closed.
        var colour = await polls.GetAsync(Code, Colour, CancellationToken.None);
        Assert.False(colour.IsOpen);
        Assert.True(colour.ResultsVisible);
        Assert.Equal(Start.AddMinutes(1), colour.ClosedAt);
        Assert.Equal(Start, (await polls.GetAsync(Code, Tools, CancellationToken.None)).ClosedAt);
        var kept = await polls.ResultsAsync(Code, Colour, CancellationToken.None);
        Assert.Equal(3, kept.Voters);
        Assert.Equal([new OptionResult(0, "Red", 2, 200.0 / 3), new OptionResult(1, "Green", 1, 100.0 / 3), new OptionResult(2, "Blue", 0, 0), new OptionResult(3, "Grey", 0, 0)], kept.Options);
        Assert.Equal(kept, await NewService().ResultsAsync(Code, Colour, CancellationToken.None));
        Assert.Equal(0, (await polls.ResultsAsync(Code, Tools, CancellationToken.None)).Voters);
        Assert.Equal(0, (await NewService().ResultsAsync(Code, Tools, CancellationToken.None)).Voters);

        // Every poll with a state is told, after the commit.
        Assert.Equal([Colour, Tools], Notifier.PollChanges.Select(t => t.PollId).Order(StringComparer.Ordinal));
        Assert.All(Notifier.PollChanges, t => Assert.Equal(0, t.StoredVotes));
        Assert.Equal(3, Notifier.PollChanges.Single(t => t.PollId == Colour).Results!.Voters);

        // Voting again starts a new round: the kept counts stand for the old one only.
        var reopened = await polls.OpenAsync(Code, Colour, CancellationToken.None);
        Assert.Equal(1, reopened.Round);
        Assert.False(reopened.ResultsVisible);
        Assert.Equal(0, reopened.Voters);
        Assert.Equal(1, (await polls.VoteAsync(Code, "d1", Colour, "e", Choice(3), CancellationToken.None)).Round);
        Assert.Equal([0, 0, 0, 1], (await polls.ResultsAsync(Code, Colour, CancellationToken.None)).Options.Select(o => o.Count));
    }

    [Fact]
    public async Task Erasing_a_session_twice_keeps_the_first_published_counts()
    {
        var polls = NewService();
        await polls.OpenAsync(Code, Colour, CancellationToken.None);
        await polls.VoteAsync(Code, "d1", Colour, "a", Choice(2), CancellationToken.None);
        await polls.SetResultsVisibleAsync(Code, Colour, true, CancellationToken.None);
        await polls.EraseSessionAsync(Code, keepPublishedResults: true, CancellationToken.None);

        var again = await polls.EraseSessionAsync(Code, keepPublishedResults: true, CancellationToken.None);

        Assert.Equal(new VotesDeleted(0, 1), again);
        Assert.Equal([0, 0, 1, 0], (await NewService().ResultsAsync(Code, Colour, CancellationToken.None)).Options.Select(o => o.Count));
    }

    [Fact]
    public async Task Erasing_a_session_without_keeping_results_drops_them_and_hides_them_again()
    {
        var polls = NewService();
        await polls.OpenAsync(Code, Colour, CancellationToken.None);
        await polls.VoteAsync(Code, "d1", Colour, "a", Choice(0), CancellationToken.None);
        await polls.SetResultsVisibleAsync(Code, Colour, true, CancellationToken.None);

        var erased = await polls.EraseSessionAsync(Code, keepPublishedResults: false, CancellationToken.None);

        Assert.Equal(new VotesDeleted(1, 0), erased);
        var colour = await polls.GetAsync(Code, Colour, CancellationToken.None);
        Assert.False(colour.ResultsVisible);
        Assert.False(colour.IsOpen);
        Assert.Equal(0, colour.Voters);
        Assert.Null((await StoredStateAsync(Colour))!.PublishedResults);
        Assert.Equal(0, (await NewService().ResultsAsync(Code, Colour, CancellationToken.None)).Voters);
    }

    [Fact]
    public async Task Resetting_a_session_puts_every_poll_back_to_before_it_was_opened_and_deletes_every_vote()
    {
        var polls = NewService();
        await polls.OpenAsync(Code, Colour, CancellationToken.None);
        await polls.VoteAsync(Code, "d1", Colour, "a", Choice(0), CancellationToken.None);
        await polls.SetResultsVisibleAsync(Code, Colour, true, CancellationToken.None);
        await polls.OpenAsync(Code, Auto, CancellationToken.None);
        await polls.VoteAsync(Code, "d1", Auto, "b", Choice(0), CancellationToken.None);
        await polls.VoteAsync(Code, "d2", Auto, "c", Choice(1), CancellationToken.None);
        Notifier.Clear();

        var deleted = await polls.ResetSessionAsync(Code, CancellationToken.None);

        Assert.Equal(3, deleted);
        Assert.Empty(await StoredVotesAsync(Colour));
        Assert.Empty(await StoredVotesAsync(Auto));
        foreach (var id in new[] { Colour, Auto })
        {
            var view = await polls.GetAsync(Code, id, CancellationToken.None);
            Assert.False(view.IsOpen);
            Assert.False(view.ResultsVisible);
            Assert.Equal(1, view.Round);
            Assert.Null(view.OpenedAt);
            Assert.Null(view.ClosedAt);
            Assert.Equal(0, view.Voters);
            Assert.Equal(0, (await polls.ResultsAsync(Code, id, CancellationToken.None)).Voters);
        }

        Assert.Equal([Auto, Colour], Notifier.PollChanges.Select(t => t.PollId).Order(StringComparer.Ordinal));
        Assert.All(Notifier.PollChanges, t => Assert.False(t.StoredState!.IsOpen));

        // A rehearsal going live: the auto-open poll opens by itself on its slide again.
        await polls.SlideReachedAsync(await Sessions.NavigateAsync(Code, Navigation.GoTo(7), CancellationToken.None), true, CancellationToken.None);
        Assert.True((await polls.GetAsync(Code, Auto, CancellationToken.None)).IsOpen);
        Assert.False((await polls.VoteAsync(Code, "d1", Auto, "d", Choice(1), CancellationToken.None)).Changed);
    }

    [Fact]
    public async Task Erasing_or_resetting_an_unknown_session_is_refused()
    {
        var polls = NewService();

        var erase = await Assert.ThrowsAsync<RequestRefusedException>(() => polls.EraseSessionAsync("ZZZZZZ", true, CancellationToken.None));
        var reset = await Assert.ThrowsAsync<RequestRefusedException>(() => polls.ResetSessionAsync("ZZZZZZ", CancellationToken.None));

        Assert.Equal(RefusalCodes.UnknownSession, erase.Code);
        Assert.Equal(RefusalCodes.UnknownSession, reset.Code);
        Assert.Equal("There is no session with code ZZZZZZ.", erase.Message);
        Assert.Equal("There is no session with code ZZZZZZ.", reset.Message);
    }

    [Fact]
    public async Task Erasing_and_resetting_a_session_reach_the_votes_of_a_poll_the_deck_no_longer_has_and_tell_only_of_the_deck_s_polls()
    {
        var polls = NewService();
        await polls.OpenAsync(Code, Colour, CancellationToken.None);
        await polls.VoteAsync(Code, "d1", Colour, "a", Choice(0), CancellationToken.None);
        await polls.SetResultsVisibleAsync(Code, Colour, true, CancellationToken.None);
        await AddGonePollAsync();
        Notifier.Clear();

        var erased = await polls.EraseSessionAsync(Code, keepPublishedResults: true, CancellationToken.None);

        // The removed poll's shown results cannot be counted without its definition: nothing is published for it.
        Assert.Equal(new VotesDeleted(2, 1), erased);
        Assert.Null((await StoredStateAsync("gone"))!.PublishedResults);
        Assert.Equal([Colour], Notifier.PollChanges.Select(t => t.PollId));

        await AddGonePollAsync(round: 0);
        Notifier.Clear();
        Assert.Equal(1, await polls.ResetSessionAsync(Code, CancellationToken.None));
        Assert.Equal([Colour], Notifier.PollChanges.Select(t => t.PollId));
        Assert.Equal(1, (await StoredStateAsync("gone"))!.Round);
    }

    [Fact]
    public async Task A_session_whose_deck_has_errors_can_still_have_its_votes_erased_and_reset()
    {
        var polls = NewService();
        await polls.OpenAsync(Code, Colour, CancellationToken.None);
        await polls.VoteAsync(Code, "d1", Colour, "a", Choice(0), CancellationToken.None);
        await polls.VoteAsync(Code, "d2", Colour, "b", Choice(1), CancellationToken.None);
        await polls.SetResultsVisibleAsync(Code, Colour, true, CancellationToken.None);
        var broken = ServiceWithDeck("---\ntitle: Poll talk\n---\n# Broken\n\n```poll\nid: colour\ntype: nonsense\nquestion: Which?\n```\n");
        Notifier.Clear();

        Assert.Equal(new VotesDeleted(2, 0), await broken.EraseSessionAsync(Code, keepPublishedResults: true, CancellationToken.None));
        Assert.Equal(0, await broken.ResetSessionAsync(Code, CancellationToken.None));

        Assert.Empty(await StoredVotesAsync(Colour));
        Assert.Empty(Notifier.All);
    }

    /// <summary>A poll that was in the deck when it was voted on, and has since been removed from it.</summary>
    private async Task AddGonePollAsync(int round = 0)
    {
        await using var db = DbFactory.CreateDbContext();
        var state = await db.PollStates.FindAsync(Code, "gone");
        if (state is null)
        {
            db.PollStates.Add(new PollStateRecord { SessionCode = Code, PollId = "gone", IsOpen = false, ResultsVisible = true, Round = round });
        }

        db.PollVotes.Add(new PollVoteRecord
        {
            SessionCode = Code,
            PollId = "gone",
            Round = state?.Round ?? round,
            DeviceHash = "d9",
            ClientId = "z",
            Answer = "{\"option\":0}",
            CreatedAt = Start,
            UpdatedAt = Start,
        });
        await db.SaveChangesAsync();
    }

    private async Task<PollResults> ResultsAsync(PollService polls, string pollId, bool cluster)
    {
        if (cluster)
        {
            Time.Advance(TimeSpan.FromSeconds(1));
        }

        return await polls.ResultsAsync(Code, pollId, CancellationToken.None);
    }
}
