using Microsoft.Extensions.Logging;
using OpenHealthLive.Core.Polls;
using OpenHealthLive.Core.Questions;
using OpenHealthLive.Core.Refusals;
using OpenHealthLive.Core.Sessions;
using OpenHealthLive.Core.Storage;

namespace OpenHealthLive.Core.Tests.Polls;

/// <summary>
/// The rules of a vote, on one node (the writer decides from the poll's vote book) and in a cluster (the database
/// decides each vote): the same rules on both paths. Expected counts are worked out by hand in each test.
/// </summary>
public sealed class PollServiceVotingTests : PollServiceTestBase
{
    public static TheoryData<bool> BothPaths => new(false, true);

    [Theory]
    [MemberData(nameof(BothPaths))]
    public async Task Single_choice_votes_are_counted_per_option_as_a_share_of_voters(bool cluster)
    {
        var polls = NewService(Topology(cluster));
        await polls.OpenAsync(Code, Colour, CancellationToken.None);

        await polls.VoteAsync(Code, "d1", Colour, "a", Choice(0), CancellationToken.None);
        await polls.VoteAsync(Code, "d2", Colour, "b", Choice(2), CancellationToken.None);
        await polls.VoteAsync(Code, "d3", Colour, "c", Choice(2), CancellationToken.None);
        await polls.VoteAsync(Code, "d4", Colour, "d", Choice(3), CancellationToken.None);

        var results = await ResultsAsync(polls, Colour, cluster);
        Assert.Equal(4, results.Voters);
        Assert.Equal(
            [new OptionResult(0, "Red", 1, 25), new OptionResult(1, "Green", 0, 0), new OptionResult(2, "Blue", 2, 50), new OptionResult(3, "Grey", 1, 25)],
            results.Options);
        Assert.Empty(results.Ranking);
        Assert.Empty(results.Ratings);
        Assert.Empty(results.Words);
        Assert.Equal(4, (await polls.GetAsync(Code, Colour, CancellationToken.None)).Voters);
    }

    [Theory]
    [MemberData(nameof(BothPaths))]
    public async Task Multiple_choice_counts_each_option_picked_and_percentages_are_of_voters(bool cluster)
    {
        var polls = NewService(Topology(cluster));
        await polls.OpenAsync(Code, Tools, CancellationToken.None);

        await polls.VoteAsync(Code, "d1", Tools, "a", Choices(1, 0), CancellationToken.None);
        await polls.VoteAsync(Code, "d2", Tools, "b", Choices(1, 3), CancellationToken.None);
        await polls.VoteAsync(Code, "d3", Tools, "c", Choices(1), CancellationToken.None);

        // Three voters: Docker by all three (100 %), Git and Python by one each (a third).
        var results = await ResultsAsync(polls, Tools, cluster);
        Assert.Equal(3, results.Voters);
        Assert.Equal([1, 3, 0, 1], results.Options.Select(o => o.Count));
        Assert.Equal([100.0 / 3, 100.0, 0.0, 100.0 / 3], results.Options.Select(o => o.Percent));
        Assert.Equal(ToolNames, results.Options.Select(o => o.Label));
    }

    [Theory]
    [MemberData(nameof(BothPaths))]
    public async Task A_rating_gives_each_item_its_average_spread_and_distribution(bool cluster)
    {
        var polls = NewService(Topology(cluster));
        await polls.OpenAsync(Code, Rate, CancellationToken.None);

        await polls.VoteAsync(Code, "d1", Rate, "a", Ratings(5, 2), CancellationToken.None);
        await polls.VoteAsync(Code, "d2", Rate, "b", Ratings(3, 2), CancellationToken.None);

        // Content: 5 and 3, mean 4, each 1 away (deviation 1). Slides: 2 and 2, mean 2, deviation 0.
        var results = await ResultsAsync(polls, Rate, cluster);
        Assert.Equal(2, results.Voters);
        Assert.Equal(
            [new RatingResult(0, "Content", 4, 1, 2, [0, 0, 1, 0, 1]), new RatingResult(1, "Slides", 2, 0, 2, [0, 2, 0, 0, 0])],
            results.Ratings);
        Assert.Empty(results.Options);
    }

    [Theory]
    [MemberData(nameof(BothPaths))]
    public async Task A_ranking_scores_each_option_by_borda_count_ties_in_deck_order(bool cluster)
    {
        var polls = NewService(Topology(cluster));
        await polls.OpenAsync(Code, Order, CancellationToken.None);

        await polls.VoteAsync(Code, "d1", Order, "a", Ranked(2, 0, 1), CancellationToken.None);
        await polls.VoteAsync(Code, "d2", Order, "b", Ranked(0, 2, 1), CancellationToken.None);

        // Three options: a first place earns 2, a second 1, a last 0. Alpha 1 + 2 = 3 (places 2 and 1),
        // Gamma 2 + 1 = 3 (places 1 and 2), Beta 0 + 0 (last twice); Alpha before Gamma as in the deck.
        var results = await ResultsAsync(polls, Order, cluster);
        Assert.Equal(
            [new RankResult(0, "Alpha", 3, 1.5), new RankResult(2, "Gamma", 3, 1.5), new RankResult(1, "Beta", 0, 3)],
            results.Ranking);
        Assert.Equal(2, results.Voters);
    }

    [Theory]
    [MemberData(nameof(BothPaths))]
    public async Task A_word_cloud_counts_words_as_normalised_most_frequent_first(bool cluster)
    {
        var polls = NewService(Topology(cluster));
        await polls.OpenAsync(Code, Word, CancellationToken.None);

        var receipt = await polls.VoteAsync(Code, "d1", Word, "a", Typed("  Open! "), CancellationToken.None);
        await polls.VoteAsync(Code, "d2", Word, "b", Typed("open"), CancellationToken.None);
        await polls.VoteAsync(Code, "d3", Word, "c", Typed("Trust"), CancellationToken.None);

        Assert.Equal(Typed("open"), receipt.Answer);
        Assert.Null(receipt.HeldReason);
        var results = await ResultsAsync(polls, Word, cluster);
        Assert.Equal([new WordResult("open", 2), new WordResult("trust", 1)], results.Words);
        Assert.Equal(3, results.Voters);
    }

    [Theory]
    [MemberData(nameof(BothPaths))]
    public async Task A_quiz_is_counted_like_a_single_choice(bool cluster)
    {
        var polls = NewService(Topology(cluster));
        await polls.OpenAsync(Code, Capital, CancellationToken.None);

        await polls.VoteAsync(Code, "d1", Capital, "a", Choice(2), CancellationToken.None);
        await polls.VoteAsync(Code, "d2", Capital, "b", Choice(0), CancellationToken.None);

        var results = await ResultsAsync(polls, Capital, cluster);
        Assert.Equal([new OptionResult(0, "Paris", 1, 50), new OptionResult(1, "Rome", 0, 0), new OptionResult(2, "Oslo", 1, 50)], results.Options);
    }

    [Theory]
    [MemberData(nameof(BothPaths))]
    public async Task A_phone_voting_again_with_a_new_client_id_changes_its_vote_and_is_counted_once(bool cluster)
    {
        var polls = NewService(Topology(cluster));
        await polls.OpenAsync(Code, Colour, CancellationToken.None);
        Time.Advance(TimeSpan.FromMinutes(1));

        var first = await polls.VoteAsync(Code, "d1", Colour, "first", Choice(0), CancellationToken.None);
        Time.Advance(TimeSpan.FromMinutes(1));
        var changed = await polls.VoteAsync(Code, "d1", Colour, "second", Choice(2), CancellationToken.None);

        Assert.Equal(new VoteReceipt(Colour, 0, Choice(0), Changed: false), first);
        Assert.Equal(new VoteReceipt(Colour, 0, Choice(2), Changed: true), changed);
        var results = await ResultsAsync(polls, Colour, cluster);
        Assert.Equal(1, results.Voters);
        Assert.Equal([0, 0, 1, 0], results.Options.Select(o => o.Count));
        Assert.Equal([(0, "d1", "second", "{\"option\":2}")], await StoredVotesAsync(Colour));
        await using var db = DbFactory.CreateDbContext();
        var stored = db.PollVotes.Single();
        Assert.Equal(Start.AddMinutes(1), stored.CreatedAt);
        Assert.Equal(Start.AddMinutes(2), stored.UpdatedAt);
    }

    [Theory]
    [MemberData(nameof(BothPaths))]
    public async Task A_retry_with_the_same_client_id_is_acknowledged_with_the_stored_answer_and_changes_nothing(bool cluster)
    {
        var polls = NewService(Topology(cluster));
        await polls.OpenAsync(Code, Colour, CancellationToken.None);
        await polls.VoteAsync(Code, "d1", Colour, "same", Choice(1), CancellationToken.None);
        Notifier.Clear();

        var retry = await polls.VoteAsync(Code, "d1", Colour, "same", Choice(3), CancellationToken.None);

        Assert.Equal(new VoteReceipt(Colour, 0, Choice(1), Changed: false), retry);
        Assert.Equal([0, 1, 0, 0], (await ResultsAsync(polls, Colour, cluster)).Options.Select(o => o.Count));
        Assert.Equal([(0, "d1", "same", "{\"option\":1}")], await StoredVotesAsync(Colour));
        Assert.Empty(Notifier.All);
    }

    [Theory]
    [MemberData(nameof(BothPaths))]
    public async Task A_vote_is_told_to_the_room_only_after_it_is_committed_with_whether_results_are_shown(bool cluster)
    {
        var polls = NewService(Topology(cluster));
        await polls.OpenAsync(Code, Colour, CancellationToken.None);
        Notifier.Clear();

        await polls.VoteAsync(Code, "d1", Colour, "a", Choice(1), CancellationToken.None);
        await polls.SetResultsVisibleAsync(Code, Colour, true, CancellationToken.None);
        await polls.VoteAsync(Code, "d2", Colour, "b", Choice(1), CancellationToken.None);

        var told = Notifier.ResultChanges;
        Assert.Equal(2, told.Count);
        Assert.All(told, t => Assert.Equal((Code, Colour), (t.SessionCode, t.PollId)));
        Assert.Equal([1, 2], told.Select(t => t.StoredVotes));
        Assert.Equal([false, true], told.Select(t => t.ResultsVisible));
        Time.Advance(TimeSpan.FromSeconds(1));
        var snapshot = await told[1].Snapshot!(CancellationToken.None);
        Assert.Equal([0, 2, 0, 0], snapshot.Options.Select(o => o.Count));
        Assert.Empty(Notifier.HeldChanges);
    }

    [Theory]
    [MemberData(nameof(BothPaths))]
    public async Task A_vote_on_a_closed_poll_is_refused_as_poll_closed_and_not_stored(bool cluster)
    {
        var polls = NewService(Topology(cluster));

        var neverOpened = await Assert.ThrowsAsync<RequestRefusedException>(() => polls.VoteAsync(Code, "d1", Colour, "a", Choice(0), CancellationToken.None));
        await polls.OpenAsync(Code, Colour, CancellationToken.None);
        await polls.VoteAsync(Code, "d1", Colour, "b", Choice(0), CancellationToken.None);
        await polls.CloseAsync(Code, Colour, CancellationToken.None);
        var closed = await Assert.ThrowsAsync<RequestRefusedException>(() => polls.VoteAsync(Code, "d1", Colour, "c", Choice(3), CancellationToken.None));
        var newPhone = await Assert.ThrowsAsync<RequestRefusedException>(() => polls.VoteAsync(Code, "d2", Colour, "d", Choice(3), CancellationToken.None));

        Assert.All([neverOpened, closed, newPhone], e => Assert.Equal(RefusalCodes.PollClosed, e.Code));
        Assert.Equal("This poll is closed; your vote was not counted.", closed.Message);
        Assert.Equal([(0, "d1", "b", "{\"option\":0}")], await StoredVotesAsync(Colour));
        Assert.Equal([1, 0, 0, 0], (await ResultsAsync(polls, Colour, cluster)).Options.Select(o => o.Count));
    }

    [Theory]
    [MemberData(nameof(BothPaths))]
    public async Task A_vote_after_the_talk_ended_is_refused_as_talk_ended(bool cluster)
    {
        var polls = NewService(Topology(cluster));
        await polls.OpenAsync(Code, Colour, CancellationToken.None);
        await polls.VoteAsync(Code, "d1", Colour, "a", Choice(0), CancellationToken.None);

        await Sessions.SetEndedAsync(Code, true, CancellationToken.None);
        var refused = await Assert.ThrowsAsync<RequestRefusedException>(() => polls.VoteAsync(Code, "d2", Colour, "b", Choice(1), CancellationToken.None));

        Assert.Equal(RefusalCodes.TalkEnded, refused.Code);
        Assert.Equal(TalkEnded.Message, refused.Message);
        Assert.Single(await StoredVotesAsync(Colour));

        await Sessions.SetEndedAsync(Code, false, CancellationToken.None);
        Assert.Equal(0, (await polls.VoteAsync(Code, "d2", Colour, "c", Choice(1), CancellationToken.None)).Round);
    }

    [Theory]
    [MemberData(nameof(BothPaths))]
    public async Task A_blocked_phone_is_refused_after_the_refusals_every_phone_can_get_and_others_still_vote(bool cluster)
    {
        var topology = Topology(cluster);
        var polls = NewService(topology, new DeviceBlocks(DbFactory, Time, topology));
        await BlockAsync("blocked");

        // Closed first: the blocked phone hears what every phone hears, nothing that tells it it was blocked.
        var whileClosed = await Assert.ThrowsAsync<RequestRefusedException>(() => polls.VoteAsync(Code, "blocked", Colour, "a", Choice(0), CancellationToken.None));
        await polls.OpenAsync(Code, Colour, CancellationToken.None);
        await Assert.ThrowsAsync<DeviceBlockedException>(() => polls.VoteAsync(Code, "blocked", Colour, "b", Choice(0), CancellationToken.None));
        await polls.VoteAsync(Code, "free", Colour, "c", Choice(1), CancellationToken.None);

        Assert.Equal(RefusalCodes.PollClosed, whileClosed.Code);
        Assert.Equal([(0, "free", "c", "{\"option\":1}")], await StoredVotesAsync(Colour));
    }

    [Theory]
    [InlineData("a")]
    [InlineData("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_")]
    [InlineData("Z9-_")]
    public async Task A_client_id_of_1_to_64_ascii_letters_digits_dashes_and_underscores_is_taken(string clientId)
    {
        Assert.InRange(clientId.Length, 1, 64);
        var polls = NewService();
        await polls.OpenAsync(Code, Colour, CancellationToken.None);

        await polls.VoteAsync(Code, "d1", Colour, clientId, Choice(0), CancellationToken.None);

        Assert.Equal([(0, "d1", clientId, "{\"option\":0}")], await StoredVotesAsync(Colour));
    }

    [Theory]
    [InlineData("")]
    [InlineData("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_x")]
    [InlineData("a b")]
    [InlineData("a.b")]
    [InlineData("caf\u00e9")]
    [InlineData("\u0661")]
    public async Task A_missing_too_long_or_odd_client_id_is_refused_before_anything_is_stored(string clientId)
    {
        var polls = NewService();
        await polls.OpenAsync(Code, Colour, CancellationToken.None);

        var refused = await Assert.ThrowsAsync<RequestRefusedException>(() => polls.VoteAsync(Code, "d1", Colour, clientId, Choice(0), CancellationToken.None));

        Assert.Equal(RefusalCodes.BadClientId, refused.Code);
        Assert.Equal("The vote has no valid client id; reload the page and try again.", refused.Message);
        Assert.Empty(await StoredVotesAsync(Colour));
    }

    [Fact]
    public async Task A_multiple_choice_takes_up_to_its_maximum_and_refuses_one_more()
    {
        var polls = NewService();
        await polls.OpenAsync(Code, Tools, CancellationToken.None);

        var two = await polls.VoteAsync(Code, "d1", Tools, "a", Choices(3, 0), CancellationToken.None);
        var three = await Assert.ThrowsAsync<RequestRefusedException>(() => polls.VoteAsync(Code, "d2", Tools, "b", Choices(0, 1, 2), CancellationToken.None));

        Assert.Equal(Choices(0, 3), two.Answer);
        Assert.Equal(RefusalCodes.BadAnswer, three.Code);
        Assert.Equal([(0, "d1", "a", "{\"options\":[0,3]}")], await StoredVotesAsync(Tools));
    }

    [Theory]
    [InlineData(1, 5, true)]
    [InlineData(5, 1, true)]
    [InlineData(0, 3, false)]
    [InlineData(3, 6, false)]
    public async Task A_rating_takes_1_to_the_scale_and_refuses_0_and_one_above(int content, int slides, bool taken)
    {
        var polls = NewService();
        await polls.OpenAsync(Code, Rate, CancellationToken.None);

        var vote = polls.VoteAsync(Code, "d1", Rate, "a", Ratings(content, slides), CancellationToken.None);

        if (taken)
        {
            Assert.Equal(Ratings(content, slides), (await vote).Answer);
            Assert.Single(await StoredVotesAsync(Rate));
        }
        else
        {
            Assert.Equal(RefusalCodes.BadAnswer, (await Assert.ThrowsAsync<RequestRefusedException>(() => vote)).Code);
            Assert.Empty(await StoredVotesAsync(Rate));
        }
    }

    [Fact]
    public async Task An_answer_of_the_wrong_shape_is_refused_as_bad_answer_and_the_phones_earlier_vote_stands()
    {
        var polls = NewService();
        await polls.OpenAsync(Code, Colour, CancellationToken.None);
        await polls.VoteAsync(Code, "d1", Colour, "a", Choice(1), CancellationToken.None);

        var wrongField = await Assert.ThrowsAsync<RequestRefusedException>(() => polls.VoteAsync(Code, "d1", Colour, "b", Typed("red"), CancellationToken.None));
        var noSuchOption = await Assert.ThrowsAsync<RequestRefusedException>(() => polls.VoteAsync(Code, "d1", Colour, "c", Choice(4), CancellationToken.None));

        Assert.Equal(RefusalCodes.BadAnswer, wrongField.Code);
        Assert.Equal(RefusalCodes.BadAnswer, noSuchOption.Code);
        Assert.Equal([(0, "d1", "a", "{\"option\":1}")], await StoredVotesAsync(Colour));
    }

    [Fact]
    public async Task A_vote_for_an_unknown_poll_or_session_is_refused_with_its_code()
    {
        var polls = NewService();

        var poll = await Assert.ThrowsAsync<RequestRefusedException>(() => polls.VoteAsync(Code, "d1", "nope", "a", Choice(0), CancellationToken.None));
        var session = await Assert.ThrowsAsync<RequestRefusedException>(() => polls.VoteAsync("ZZZZZZ", "d1", Colour, "a", Choice(0), CancellationToken.None));

        Assert.Equal(RefusalCodes.UnknownPoll, poll.Code);
        Assert.Equal("This deck has no poll 'nope'.", poll.Message);
        Assert.Equal(RefusalCodes.UnknownSession, session.Code);
        Assert.Equal("There is no session with code ZZZZZZ.", session.Message);
    }

    [Fact]
    public async Task An_unknown_poll_id_is_quoted_up_to_64_characters()
    {
        var polls = NewService();
        var sixtyFour = new string('p', 64);

        var whole = await Assert.ThrowsAsync<RequestRefusedException>(() => polls.GetAsync(Code, sixtyFour, CancellationToken.None));
        var cut = await Assert.ThrowsAsync<RequestRefusedException>(() => polls.GetAsync(Code, sixtyFour + "X", CancellationToken.None));

        Assert.Equal($"This deck has no poll '{sixtyFour}'.", whole.Message);
        Assert.Equal($"This deck has no poll '{sixtyFour}'.", cut.Message);
    }

    [Theory]
    [MemberData(nameof(BothPaths))]
    public async Task A_word_with_an_nhs_number_is_held_masked_for_the_presenter_and_not_counted(bool cluster)
    {
        var polls = NewService(Topology(cluster));
        await polls.OpenAsync(Code, Word, CancellationToken.None);
        await polls.VoteAsync(Code, "d2", Word, "x", Typed("trust"), CancellationToken.None);
        Notifier.Clear();

        var receipt = await polls.VoteAsync(Code, "d1", Word, "a", Typed("943 476 5919"), CancellationToken.None);

        const string reason = "Held for the presenter: it looks like it contains an NHS number with a valid check digit (ending …919).";
        Assert.Equal(new VoteReceipt(Word, 0, Typed("[NHS number ending …919]"), Changed: false, reason), receipt);
        var results = await ResultsAsync(polls, Word, cluster);
        Assert.Equal([new WordResult("trust", 1)], results.Words);
        Assert.Equal(1, results.Voters);
        var view = await polls.GetAsync(Code, Word, CancellationToken.None);
        Assert.Equal([new HeldPollAnswer("[NHS number ending …919]", reason)], view.HeldAnswers);
        var stored = (await StoredVotesAsync(Word)).Single(v => v.Device == "d1").Answer;
        Assert.DoesNotContain("5919", stored, StringComparison.Ordinal);
        Assert.Equal(Typed("[NHS number ending …919]"), await polls.MyVoteAsync(Code, "d1", Word, CancellationToken.None));

        // The presenter is told (after the commit), and the room's counts are told too, unchanged.
        var held = Assert.Single(Notifier.HeldChanges);
        Assert.Equal(2, held.StoredVotes);
        Assert.Equal([new HeldPollAnswer("[NHS number ending …919]", reason)], held.Poll!.HeldAnswers);
        Assert.Single(Notifier.ResultChanges);
    }

    [Theory]
    [MemberData(nameof(BothPaths))]
    public async Task A_held_answer_changed_to_a_clean_word_leaves_the_held_list_and_is_counted(bool cluster)
    {
        var polls = NewService(Topology(cluster));
        await polls.OpenAsync(Code, Word, CancellationToken.None);
        await polls.VoteAsync(Code, "d1", Word, "a", Typed("943 476 5919"), CancellationToken.None);
        Notifier.Clear();

        var changed = await polls.VoteAsync(Code, "d1", Word, "b", Typed("Trust"), CancellationToken.None);

        Assert.Equal(new VoteReceipt(Word, 0, Typed("trust"), Changed: true), changed);
        var results = await ResultsAsync(polls, Word, cluster);
        Assert.Equal([new WordResult("trust", 1)], results.Words);
        Assert.Equal(1, results.Voters);
        Assert.Empty((await polls.GetAsync(Code, Word, CancellationToken.None)).HeldAnswers!);
        // The presenter's held list lost it: told once more.
        Assert.Empty(Assert.Single(Notifier.HeldChanges).Poll!.HeldAnswers!);
    }

    [Theory]
    [InlineData(175, "[NHS number ending …919] ", 175, "")]
    [InlineData(176, "[NHS number ending …919] ", 174, "…")]
    public async Task A_held_answer_is_kept_masked_up_to_200_characters_and_cut_with_an_ellipsis_beyond(int marks, string masked, int keptMarks, string end)
    {
        var polls = NewService();
        await polls.OpenAsync(Code, Word, CancellationToken.None);

        // Punctuation is dropped when counting, so the answer is short once normalised; masking the number adds
        // 12 characters (24 for "943 476 5919"'s 12), so the masked text is 25 + marks long.
        var receipt = await polls.VoteAsync(Code, "d1", Word, "a", Typed("943 476 5919 " + new string('!', marks)), CancellationToken.None);

        var expected = masked + new string('!', keptMarks) + end;
        Assert.Equal(200, expected.Length);
        Assert.Equal(expected, receipt.Answer.Text);
        Assert.Equal(expected, Assert.Single((await polls.GetAsync(Code, Word, CancellationToken.None)).HeldAnswers!).Text);
    }

    [Fact]
    public async Task My_vote_is_this_phones_answer_in_the_current_round_normalised()
    {
        var polls = NewService();
        await polls.OpenAsync(Code, Tools, CancellationToken.None);
        Assert.Null(await polls.MyVoteAsync(Code, "d1", Tools, CancellationToken.None));

        await polls.VoteAsync(Code, "d1", Tools, "a", Choices(3, 1), CancellationToken.None);
        await polls.VoteAsync(Code, "d2", Tools, "b", Choices(0), CancellationToken.None);

        Assert.Equal(Choices(1, 3), await polls.MyVoteAsync(Code, "d1", Tools, CancellationToken.None));
        Assert.Null(await polls.MyVoteAsync(Code, "d1", Colour, CancellationToken.None));
        await polls.ResetAsync(Code, Tools, CancellationToken.None);
        Assert.Null(await polls.MyVoteAsync(Code, "d1", Tools, CancellationToken.None));
    }

    [Fact]
    public async Task A_vote_whose_commit_fails_is_told_to_nobody_counted_nowhere_and_its_retry_is_counted_once()
    {
        var polls = NewService();
        await polls.OpenAsync(Code, Colour, CancellationToken.None);
        await polls.VoteAsync(Code, "d0", Colour, "z", Choice(0), CancellationToken.None);
        Notifier.Clear();

        Gate.FailNextCommit();
        var failed = await Assert.ThrowsAsync<StorageUnavailableException>(() => polls.VoteAsync(Code, "d1", Colour, "kept", Choice(2), CancellationToken.None));

        Assert.StartsWith(StorageUnavailableException.NotSavedYet, failed.Message, StringComparison.Ordinal);
        Assert.Empty(Notifier.All);
        Assert.Equal([1, 0, 0, 0], (await polls.ResultsAsync(Code, Colour, CancellationToken.None)).Options.Select(o => o.Count));
        Assert.Equal(["d0"], (await StoredVotesAsync(Colour)).Select(v => v.Device));

        // Had the vote book kept the failed vote, this retry would pass for a repeat and be stored nowhere.
        var retried = await polls.VoteAsync(Code, "d1", Colour, "kept", Choice(2), CancellationToken.None);
        Assert.False(retried.Changed);
        Assert.Equal([1, 0, 1, 0], (await polls.ResultsAsync(Code, Colour, CancellationToken.None)).Options.Select(o => o.Count));
        Assert.Equal(["d0", "d1"], (await StoredVotesAsync(Colour)).Select(v => v.Device));
    }

    [Fact]
    public async Task A_restarted_service_reads_the_votes_back_and_a_phone_that_voted_changes_its_vote()
    {
        var before = NewService();
        await before.OpenAsync(Code, Colour, CancellationToken.None);
        await before.VoteAsync(Code, "d1", Colour, "a", Choice(0), CancellationToken.None);
        await before.VoteAsync(Code, "d2", Colour, "b", Choice(0), CancellationToken.None);

        var after = NewService();
        Assert.Equal([2, 0, 0, 0], (await after.ResultsAsync(Code, Colour, CancellationToken.None)).Options.Select(o => o.Count));
        var changed = await after.VoteAsync(Code, "d1", Colour, "c", Choice(1), CancellationToken.None);
        var repeated = await after.VoteAsync(Code, "d2", Colour, "b", Choice(3), CancellationToken.None);

        Assert.True(changed.Changed);
        Assert.Equal(Choice(0), repeated.Answer);
        Assert.Equal([1, 1, 0, 0], (await after.ResultsAsync(Code, Colour, CancellationToken.None)).Options.Select(o => o.Count));
        Assert.Equal(2, (await StoredVotesAsync(Colour)).Count);
    }

    [Fact]
    public async Task A_held_answer_is_logged_without_its_text_once_and_a_counted_one_is_not_logged()
    {
        var polls = NewService();
        await polls.OpenAsync(Code, Word, CancellationToken.None);

        await polls.VoteAsync(Code, "d1", Word, "a", Typed("open"), CancellationToken.None);
        await polls.VoteAsync(Code, "d2", Word, "b", Typed("943 476 5919"), CancellationToken.None);
        await polls.VoteAsync(Code, "d2", Word, "b", Typed("943 476 5919"), CancellationToken.None);

        var entry = Assert.Single(Log.Entries);
        Assert.Equal(LogLevel.Information, entry.Level);
        Assert.Equal($"An answer to poll word of session {Code} was held by the patient-data guard", entry.Message);
    }

    [Fact]
    public async Task An_answer_with_two_identifiers_is_held_with_both_reasons()
    {
        var polls = NewService();
        await polls.OpenAsync(Code, Word, CancellationToken.None);

        var receipt = await polls.VoteAsync(Code, "d1", Word, "a", Typed("943 476 5919 or 07700 900123"), CancellationToken.None);

        Assert.Equal("[NHS number ending …919] or [phone number ending …123]", receipt.Answer.Text);
        Assert.Equal(
            "Held for the presenter: it looks like it contains an NHS number with a valid check digit (ending …919); a UK mobile number (ending …123).",
            receipt.HeldReason);
    }

    [Fact]
    public async Task A_restarted_service_knows_the_results_are_shown_and_says_so_with_the_next_count()
    {
        var before = NewService();
        await before.OpenAsync(Code, Colour, CancellationToken.None);
        await before.SetResultsVisibleAsync(Code, Colour, true, CancellationToken.None);
        Notifier.Clear();

        await NewService().VoteAsync(Code, "d1", Colour, "a", Choice(0), CancellationToken.None);

        Assert.True(Assert.Single(Notifier.ResultChanges).ResultsVisible);
    }

    private static NodeTopology Topology(bool cluster) => cluster ? new NodeTopology(true, "node-a") : NodeTopology.SingleNode;

    /// <summary>The results as the room would next see them: in a cluster, once the half-second copy has run out.</summary>
    private async Task<PollResults> ResultsAsync(PollService polls, string pollId, bool cluster)
    {
        if (cluster)
        {
            Time.Advance(TimeSpan.FromSeconds(1));
        }

        return await polls.ResultsAsync(Code, pollId, CancellationToken.None);
    }
}
