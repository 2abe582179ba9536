using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using OpenHealthLive.Core.Storage;
using OpenHealthLive.Web.Live;
using OpenHealthLive.Web.Polls;
using OpenHealthLive.Web.Tests.Infrastructure;

namespace OpenHealthLive.Web.Tests.Polls;

/// <summary>
/// The rules of a vote when a whole room votes at once and the writer decides from memory (the poll's vote book):
/// the counts always equal the database, whatever arrives in the same batch.
/// </summary>
public sealed class VoteBurstTests : IDisposable
{
    private const string Code = OpenHealthLiveFactory.DefaultCode;
    private const string Pillar = "pillar-most";
    private readonly OpenHealthLiveFactory _factory = new();

    public VoteBurstTests() => _factory.Settings["Decks:DefaultDeck"] = "open-healthcare";

    [Fact]
    public async Task A_phone_voting_twice_in_one_burst_is_counted_once_with_its_last_answer()
    {
        await using var presenter = await _factory.ConnectAsync(await _factory.SignInAsync());
        await presenter.InvokeAsync<PresenterPoll>(nameof(LiveHub.OpenPoll), Code, Pillar);
        var phones = new List<HubConnection>();
        for (var i = 0; i < 4; i++)
        {
            phones.Add(await _factory.ConnectPhoneAsync());
        }

        // Sent without waiting, so that they reach the writer together: phone 0 votes, changes its vote and sends
        // the change again (a retry with the same id), among the others' votes.
        var burst = new List<Task<PollVoteResult>>
        {
            phones[0].InvokeAsync<PollVoteResult>(nameof(LiveHub.SubmitVote), Code, Pillar, "first", new { option = 0 }),
            phones[1].InvokeAsync<PollVoteResult>(nameof(LiveHub.SubmitVote), Code, Pillar, "b", new { option = 1 }),
            phones[0].InvokeAsync<PollVoteResult>(nameof(LiveHub.SubmitVote), Code, Pillar, "second", new { option = 4 }),
            phones[2].InvokeAsync<PollVoteResult>(nameof(LiveHub.SubmitVote), Code, Pillar, "c", new { option = 1 }),
            phones[0].InvokeAsync<PollVoteResult>(nameof(LiveHub.SubmitVote), Code, Pillar, "second", new { option = 4 }),
            phones[3].InvokeAsync<PollVoteResult>(nameof(LiveHub.SubmitVote), Code, Pillar, "d", new { option = 2 }),
        };
        var results = await Task.WhenAll(burst);

        // One connection's calls run in order, so the change comes after the first vote and the retry after the change.
        Assert.False(results[0].Changed);
        Assert.True(results[2].Changed);
        Assert.False(results[4].Changed);
        var counted = await DashboardAsync(presenter);
        Assert.Equal(4, counted.Voters);
        Assert.Equal([0, 2, 1, 0, 1], counted.Options.Select(o => o.Count));
        Assert.Equal(4, await StoredVotesAsync(round: 0));
        foreach (var phone in phones)
        {
            await phone.DisposeAsync();
        }
    }

    [Fact]
    public async Task Votes_sent_with_a_reset_count_in_the_round_they_are_told_and_the_phone_may_vote_again_after_it()
    {
        await using var presenter = await _factory.ConnectAsync(await _factory.SignInAsync());
        await using var phone = await _factory.ConnectPhoneAsync();
        await using var other = await _factory.ConnectPhoneAsync();
        await presenter.InvokeAsync<PresenterPoll>(nameof(LiveHub.OpenPoll), Code, Pillar);
        await Vote(phone, "old", 1);

        // Sent together: each vote lands before or after the reset, and its receipt says which round it counts in.
        var reset = presenter.InvokeAsync<PresenterPoll>(nameof(LiveHub.ResetPoll), Code, Pillar);
        var votes = new[] { Vote(phone, "new", 3), Vote(other, "other", 3) };
        Assert.Equal(1, (await reset).Round);
        var receipts = await Task.WhenAll(votes);
        var inNewRound = receipts.Count(r => r.Round == 1);

        var results = await DashboardAsync(presenter);
        Assert.Equal(inNewRound, results.Voters);
        Assert.Equal([0, 0, 0, inNewRound, 0], results.Options.Select(o => o.Count));
        Assert.Equal(inNewRound, await StoredVotesAsync(round: 1));

        // After the reset the phone votes in the new round whatever it sent before: a first vote there, or a change.
        var after = await Vote(phone, "after", 2);
        Assert.Equal(1, after.Round);
        Assert.Equal(receipts[0].Round == 1, after.Changed);
        var otherCounts = receipts[1].Round == 1 ? 1 : 0;
        results = await DashboardAsync(presenter);
        Assert.Equal(1 + otherCounts, results.Voters);
        Assert.Equal([0, 0, 1, otherCounts, 0], results.Options.Select(o => o.Count));
    }

    [Fact]
    public async Task A_vote_sent_right_after_closing_is_refused_and_not_stored()
    {
        await using var presenter = await _factory.ConnectAsync(await _factory.SignInAsync());
        await using var phone = await _factory.ConnectPhoneAsync();
        await presenter.InvokeAsync<PresenterPoll>(nameof(LiveHub.OpenPoll), Code, Pillar);
        await Vote(phone, "open", 1);

        await presenter.InvokeAsync<PresenterPoll>(nameof(LiveHub.ClosePoll), Code, Pillar);
        var error = await Assert.ThrowsAsync<HubException>(() => Vote(phone, "closed", 2));

        Assert.Contains("This poll is closed", error.Message, StringComparison.Ordinal);
        Assert.Equal([0, 1, 0, 0, 0], (await DashboardAsync(presenter)).Options.Select(o => o.Count));
    }

    [Fact]
    public async Task A_vote_whose_commit_fails_is_acknowledged_to_nobody_and_its_retry_is_counted_once()
    {
        await using var presenter = await _factory.ConnectAsync(await _factory.SignInAsync());
        await using var phone = await _factory.ConnectPhoneAsync();
        await presenter.InvokeAsync<PresenterPoll>(nameof(LiveHub.OpenPoll), Code, Pillar);

        _factory.Writes.Failing = true;
        var refused = await Assert.ThrowsAsync<HubException>(() => Vote(phone, "kept-by-the-phone", 2));
        Assert.Contains(StorageUnavailableException.NotSavedYet, refused.Message, StringComparison.Ordinal);
        _factory.Writes.Failing = false;

        // The phone sends the same vote again. Had the failed vote stayed in memory, this would be taken for a
        // repeat of a stored vote and acknowledged without being stored.
        var retried = await Vote(phone, "kept-by-the-phone", 2);
        Assert.False(retried.Changed);
        Assert.Equal(1, await StoredVotesAsync(round: 0));
        Assert.Equal([0, 0, 1, 0, 0], (await DashboardAsync(presenter)).Options.Select(o => o.Count));
    }

    [Fact]
    public async Task After_a_restart_a_phone_that_voted_before_changes_its_vote_instead_of_voting_twice()
    {
        var dataDirectory = Directory.CreateTempSubdirectory("ohl-votes-restart-").FullName;
        try
        {
            string deviceCookie;
            using (var first = new OpenHealthLiveFactory(dataDirectory))
            {
                first.Settings["Decks:DefaultDeck"] = "open-healthcare";
                await using var presenter = await first.ConnectAsync(await first.SignInAsync());
                await presenter.InvokeAsync<PresenterPoll>(nameof(LiveHub.OpenPoll), Code, Pillar);
                deviceCookie = await first.GetDeviceCookieAsync();
                await using var phone = await first.ConnectAsync(deviceCookie);
                await Vote(phone, "before", 1);
            }

            using var second = new OpenHealthLiveFactory(dataDirectory);
            second.Settings["Decks:DefaultDeck"] = "open-healthcare";
            await using (var phone = await second.ConnectAsync(deviceCookie))
            {
                var repeated = await Vote(phone, "before", 1);
                Assert.False(repeated.Changed);
                var changed = await Vote(phone, "after", 4);
                Assert.True(changed.Changed);
            }

            await using var presenterAgain = await second.ConnectAsync(await second.SignInAsync());
            var results = await DashboardAsync(presenterAgain);
            Assert.Equal(1, results.Voters);
            Assert.Equal([0, 0, 0, 0, 1], results.Options.Select(o => o.Count));
        }
        finally
        {
            OpenHealthLiveFactory.DeleteDataDirectory(dataDirectory);
        }
    }

    public void Dispose() => _factory.Dispose();

    private static Task<PollVoteResult> Vote(HubConnection phone, string clientId, int option) =>
        phone.InvokeAsync<PollVoteResult>(nameof(LiveHub.SubmitVote), Code, Pillar, clientId, new { option });

    private static async Task<OpenHealthLive.Core.Polls.PollResults> DashboardAsync(HubConnection presenter) =>
        (await presenter.InvokeAsync<List<PresenterPoll>>(nameof(LiveHub.GetPollDashboard), Code)).Single(p => p.Id == Pillar).Results;

    private async Task<int> StoredVotesAsync(int round)
    {
        await using var db = await _factory.GetService<IDbContextFactory<LiveDbContext>>().CreateDbContextAsync();
        return await db.PollVotes.CountAsync(v => v.PollId == Pillar && v.Round == round);
    }
}
