using Microsoft.EntityFrameworkCore;
using OpenHealthLive.Core.Polls;
using OpenHealthLive.Core.Refusals;
using OpenHealthLive.Core.Sessions;

namespace OpenHealthLive.Core.Tests.Polls;

/// <summary>
/// Several nodes share the database: a node's copy of a poll's counts is read again once it is more than half a
/// second old, and every vote is decided by the database, which sees the votes other nodes stored.
/// </summary>
public sealed class PollServiceClusterTests : PollServiceTestBase
{
    private static readonly TimeSpan HalfASecond = TimeSpan.FromMilliseconds(500);

    [Fact]
    public async Task A_nodes_copy_of_the_counts_is_used_until_it_is_half_a_second_old_and_read_again_then()
    {
        var polls = NewService(new NodeTopology(true, "node-a"));
        await polls.OpenAsync(Code, Colour, CancellationToken.None);

        await StoreVoteAsOtherNodeAsync(Colour, 0, "b1", "{\"option\":1}");
        Time.Advance(HalfASecond - TimeSpan.FromTicks(1));
        Assert.Equal(0, (await polls.ResultsAsync(Code, Colour, CancellationToken.None)).Voters);
        Time.Advance(TimeSpan.FromTicks(1));
        Assert.Equal([0, 1, 0, 0], (await polls.ResultsAsync(Code, Colour, CancellationToken.None)).Options.Select(o => o.Count));

        // Counted from the moment it was read again: another half second on the new copy.
        await StoreVoteAsOtherNodeAsync(Colour, 0, "b2", "{\"option\":3}");
        Time.Advance(HalfASecond - TimeSpan.FromTicks(1));
        Assert.Equal(1, (await polls.GetAsync(Code, Colour, CancellationToken.None)).Voters);
        Time.Advance(TimeSpan.FromTicks(1));
        Assert.Equal(2, (await polls.GetAsync(Code, Colour, CancellationToken.None)).Voters);
        Assert.Equal([0, 1, 0, 1], (await polls.ResultsAsync(Code, Colour, CancellationToken.None)).Options.Select(o => o.Count));
    }

    [Fact]
    public async Task On_one_node_the_copy_is_the_truth_and_is_never_read_again()
    {
        var polls = NewService();
        await polls.OpenAsync(Code, Colour, CancellationToken.None);

        await StoreVoteAsOtherNodeAsync(Colour, 0, "b1", "{\"option\":1}");
        Time.Advance(TimeSpan.FromHours(1));

        Assert.Equal(0, (await polls.ResultsAsync(Code, Colour, CancellationToken.None)).Voters);
    }

    [Fact]
    public async Task In_a_cluster_a_phone_that_voted_through_another_node_changes_its_vote_instead_of_voting_twice()
    {
        var polls = NewService(new NodeTopology(true, "node-a"));
        await polls.OpenAsync(Code, Colour, CancellationToken.None);
        await StoreVoteAsOtherNodeAsync(Colour, 0, "d1", "{\"option\":0}");

        var receipt = await polls.VoteAsync(Code, "d1", Colour, "here", Choice(2), CancellationToken.None);

        Assert.Equal(new VoteReceipt(Colour, 0, Choice(2), Changed: true), receipt);
        Assert.Equal([(0, "d1", "here", "{\"option\":2}")], await StoredVotesAsync(Colour));
        Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal([0, 0, 1, 0], (await polls.ResultsAsync(Code, Colour, CancellationToken.None)).Options.Select(o => o.Count));
    }

    [Fact]
    public async Task In_a_cluster_a_poll_closed_or_reset_by_another_node_is_seen_by_the_next_vote_and_count()
    {
        var polls = NewService(new NodeTopology(true, "node-a"));
        var otherNode = NewService(new NodeTopology(true, "node-b"));
        await polls.OpenAsync(Code, Colour, CancellationToken.None);
        await polls.VoteAsync(Code, "d1", Colour, "a", Choice(0), CancellationToken.None);

        await otherNode.ResetAsync(Code, Colour, CancellationToken.None);
        var inNewRound = await polls.VoteAsync(Code, "d1", Colour, "b", Choice(1), CancellationToken.None);
        await otherNode.SetResultsVisibleAsync(Code, Colour, true, CancellationToken.None);
        Time.Advance(TimeSpan.FromSeconds(1));
        var results = await polls.ResultsAsync(Code, Colour, CancellationToken.None);
        await otherNode.CloseAsync(Code, Colour, CancellationToken.None);
        var refused = await Assert.ThrowsAsync<RequestRefusedException>(() => polls.VoteAsync(Code, "d2", Colour, "c", Choice(1), CancellationToken.None));

        Assert.Equal(new VoteReceipt(Colour, 1, Choice(1), Changed: false), inNewRound);
        Assert.Equal([0, 1, 0, 0], results.Options.Select(o => o.Count));
        Assert.Equal(RefusalCodes.PollClosed, refused.Code);
        // The copy read again also knows the results are shown now: the next count goes to the room.
        Notifier.Clear();
        await otherNode.OpenAsync(Code, Colour, CancellationToken.None);
        Time.Advance(TimeSpan.FromSeconds(1));
        await polls.ResultsAsync(Code, Colour, CancellationToken.None);
        await polls.VoteAsync(Code, "d2", Colour, "d", Choice(3), CancellationToken.None);
        Assert.True(Assert.Single(Notifier.ResultChanges).ResultsVisible);
    }

    [Fact]
    public async Task In_a_cluster_the_results_kept_after_erasing_are_what_every_node_reads_back()
    {
        var polls = NewService(new NodeTopology(true, "node-a"));
        var otherNode = NewService(new NodeTopology(true, "node-b"));
        await polls.OpenAsync(Code, Colour, CancellationToken.None);
        await polls.VoteAsync(Code, "d1", Colour, "a", Choice(2), CancellationToken.None);
        await polls.VoteAsync(Code, "d2", Colour, "b", Choice(2), CancellationToken.None);
        await polls.SetResultsVisibleAsync(Code, Colour, true, CancellationToken.None);
        Assert.Equal(2, (await otherNode.ResultsAsync(Code, Colour, CancellationToken.None)).Voters);

        await polls.EraseSessionAsync(Code, keepPublishedResults: true, CancellationToken.None);
        Time.Advance(TimeSpan.FromSeconds(1));

        var seenElsewhere = await otherNode.ResultsAsync(Code, Colour, CancellationToken.None);
        Assert.Equal(2, seenElsewhere.Voters);
        Assert.Equal([0, 0, 2, 0], seenElsewhere.Options.Select(o => o.Count));
        await using var db = DbFactory.CreateDbContext();
        Assert.Equal(0, await db.PollVotes.CountAsync());
    }
}
