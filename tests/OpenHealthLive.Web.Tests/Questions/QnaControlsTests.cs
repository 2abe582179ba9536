using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using OpenHealthLive.Core.Sessions;
using OpenHealthLive.Core.Storage;
using OpenHealthLive.Web.Live;
using OpenHealthLive.Web.Polls;
using OpenHealthLive.Web.Presenter;
using OpenHealthLive.Web.Questions;
using OpenHealthLive.Web.Tests.Infrastructure;

namespace OpenHealthLive.Web.Tests.Questions;

/// <summary>
/// The Q&amp;A controls of a session's speaker or moderator (issue 18): open and close questions, slow mode per phone,
/// and blocking a phone without telling it. Over the real hub, with the wire names the console uses.
/// </summary>
public sealed class QnaControlsTests : IDisposable
{
    private const string Code = OpenHealthLiveFactory.DefaultCode;
    private const string Poll = "pillar-most";

    // What any phone behind a busy address is told (HubRateLimitFilter), with the wait the default backstops give.
    private const string BusyNetworkQuestion = "Too many questions are coming from this network right now. Wait 1 second and send it again.";
    private const string BusyNetworkVote = "Too many votes are coming from this network right now. Wait 1 second and try again.";

    private readonly OpenHealthLiveFactory _factory = new();

    // The talk deck has polls: a blocked phone's poll vote is a write too.
    public QnaControlsTests() => _factory.Settings["Decks:DefaultDeck"] = "open-healthcare";

    [Fact]
    public async Task Closing_questions_refuses_a_new_one_with_a_clear_message_and_pushes_the_state_and_reopening_lets_the_phone_send_it()
    {
        await using var presenter = await QnaClient.PresenterAsync(_factory);
        await using var phone = await QnaClient.PhoneAsync(_factory);
        await using var other = await QnaClient.PhoneAsync(_factory);
        var before = await other.AskAsync("Asked before the close?", clientId: "before-close");
        Assert.True((await phone.QuestionsAsync()).QuestionsOpen);

        var closed = await SetQuestionsOpenAsync(presenter, false);
        Assert.False(closed.QuestionsOpen);
        await phone.WaitForAsync<QnaSettingsChanged>(s => !s.QuestionsOpen);
        Assert.False((await phone.QuestionsAsync()).QuestionsOpen);

        var refused = await Assert.ThrowsAsync<HubException>(() => phone.AskAsync("Can I still ask about the licence?"));
        Assert.Contains("Questions are closed", refused.Message, StringComparison.Ordinal);
        Assert.Contains("send it if questions open again", refused.Message, StringComparison.Ordinal);

        // Upvotes still count, so the room can rank what was asked; a retry of a question stored before the close
        // (its answer lost on the way) gets the first post back, not a refusal.
        Assert.Equal(1, (await phone.VoteAsync(before.QuestionId)).Votes);
        Assert.Equal(before.QuestionId, (await other.AskAsync("Asked before the close?", clientId: "before-close")).QuestionId);
        Assert.Equal(1, await CountQuestionsAsync());

        var opened = await SetQuestionsOpenAsync(presenter, true);
        Assert.True(opened.QuestionsOpen);
        await phone.WaitForAsync<QnaSettingsChanged>(s => s.QuestionsOpen);
        Assert.Equal("sent", (await phone.AskAsync("Can I still ask about the licence?")).Status);
        Assert.True((await phone.QuestionsAsync()).QuestionsOpen);
    }

    [Fact]
    public async Task Closed_questions_and_slow_mode_survive_a_restart()
    {
        var dataDirectory = Directory.CreateTempSubdirectory("ohl-qna-controls-").FullName;
        try
        {
            using (var first = new OpenHealthLiveFactory(dataDirectory))
            {
                await using var presenter = await QnaClient.PresenterAsync(first);
                await SetSlowModeAsync(presenter, 120);
                await SetQuestionsOpenAsync(presenter, false);
            }

            using var second = new OpenHealthLiveFactory(dataDirectory);
            await using var phone = await QnaClient.PhoneAsync(second);
            var state = await phone.QuestionsAsync();
            Assert.False(state.QuestionsOpen);
            Assert.Equal(120, state.SlowModeSeconds);
            var refused = await Assert.ThrowsAsync<HubException>(() => phone.AskAsync("Still closed?"));
            Assert.Contains("Questions are closed", refused.Message, StringComparison.Ordinal);
        }
        finally
        {
            OpenHealthLiveFactory.DeleteDataDirectory(dataDirectory);
        }
    }

    [Fact]
    public async Task Slow_mode_lets_each_phone_ask_once_per_period_whatever_connection_it_uses_on_the_app_s_clock()
    {
        var clock = new StoppedClock();
        _factory.Clock = clock;
        await using var presenter = await QnaClient.PresenterAsync(_factory);
        var cookie = await _factory.GetDeviceCookieAsync();

        await using (var first = await QnaClient.PhoneWithCookieAsync(_factory, cookie))
        {
            var set = await SetSlowModeAsync(presenter, 60);
            Assert.Equal(60, set.SlowModeSeconds);
            await first.WaitForAsync<QnaSettingsChanged>(s => s.SlowModeSeconds == 60);
            Assert.Null((await first.QuestionsAsync()).SecondsSinceLastQuestion);
            Assert.Equal("sent", (await first.AskAsync("What does the model do with missing values?")).Status);
        }

        // The same phone over a new connection (a reconnect, another tab): the device cookie is what counts.
        await using var again = await QnaClient.PhoneWithCookieAsync(_factory, cookie);
        var refused = await Assert.ThrowsAsync<HubException>(() => again.AskAsync("And with outliers?"));
        Assert.EndsWith("Slow mode: one question every 1 minute from each phone. You can ask again in 60 seconds.", refused.Message, StringComparison.Ordinal);

        clock.Advance(TimeSpan.FromSeconds(45));
        refused = await Assert.ThrowsAsync<HubException>(() => again.AskAsync("And with outliers?"));
        Assert.EndsWith("You can ask again in 15 seconds.", refused.Message, StringComparison.Ordinal);
        var state = await again.QuestionsAsync();
        Assert.Equal(60, state.SlowModeSeconds);
        Assert.Equal(45, state.SecondsSinceLastQuestion);

        // Another phone is not held back by it.
        await using var neighbour = await QnaClient.PhoneAsync(_factory);
        Assert.Equal("sent", (await neighbour.AskAsync("Is the code open source?")).Status);

        clock.Advance(TimeSpan.FromSeconds(15));
        Assert.Equal("sent", (await again.AskAsync("And with outliers?")).Status);

        // Off (0), the phone may ask again at once.
        await SetSlowModeAsync(presenter, 0);
        Assert.Equal("sent", (await again.AskAsync("One more: which licence?")).Status);
        Assert.Equal(4, await CountQuestionsAsync());

        foreach (var wrong in new[] { -1, 601 })
        {
            var error = await Assert.ThrowsAsync<HubException>(() => SetSlowModeAsync(presenter, wrong));
            Assert.Contains("Slow mode is from 0 (off) to 600 seconds", error.Message, StringComparison.Ordinal);
        }

        Assert.Equal(0, (await again.QuestionsAsync()).SlowModeSeconds);
    }

    [Fact]
    public async Task A_blocked_phone_s_questions_vanish_from_the_room_and_its_writes_are_refused_as_a_busy_network_would_be()
    {
        await using var presenter = await QnaClient.PresenterAsync(_factory);
        var trollCookie = await _factory.GetDeviceCookieAsync();
        await using var troll = await QnaClient.PhoneWithCookieAsync(_factory, trollCookie);
        await using var room = await QnaClient.PhoneAsync(_factory);
        var first = await troll.AskAsync("Why is this talk so boring?");
        var second = await troll.AskAsync("Seriously, why?");
        var fair = await room.AskAsync("Which dataset did you train on?");
        await room.VoteAsync(first.QuestionId);
        await presenter.ModerateAsync(second.QuestionId, "answer-now");
        await room.WaitForAsync<QuestionsChanged>(m => m.Changed.Any(q => q.Id == first.QuestionId && q.Votes == 1));

        var blocked = await presenter.Connection.InvokeAsync<BlockedDevicesChanged>("BlockDevice", Code, first.QuestionId);
        var block = Assert.Single(blocked.Blocked);
        Assert.Equal((2, "Seriously, why?"), (block.Questions, block.LastQuestion));
        await presenter.WaitForAsync<BlockedDevicesChanged>(m => m.Blocked.Count == 1);

        // Gone from the room: pushed as removed, out of every list and count, no longer being answered.
        await room.WaitForAsync<QuestionsChanged>(m => m.Removed.Contains(first.QuestionId));
        await room.WaitForAsync<QuestionsChanged>(m => m.Removed.Contains(second.QuestionId));
        await room.WaitForAsync<QnaSettingsChanged>(s => s.AnsweringQuestionId is null);
        var seen = await room.QuestionsAsync();
        Assert.Equal([fair.QuestionId], seen.Questions.Select(q => q.Id));
        Assert.Equal(1, seen.Count);
        var newest = await room.Connection.InvokeAsync<AudienceQuestionPage>(nameof(LiveHub.GetMoreQuestions), Code, "newest", null);
        Assert.Equal([fair.QuestionId], newest.Questions.Select(q => q.Id));

        // Staff still see them, hidden, and the block.
        var queue = await presenter.ModerationQueueAsync();
        Assert.All(queue.Questions.Where(q => q.Id != fair.QuestionId), q => Assert.Equal("hidden", q.Status));
        Assert.Equal(block.Id, Assert.Single(queue.Blocked).Id);

        // Its writes get the words any phone behind a busy network gets; nothing says "blocked".
        var ask = await Assert.ThrowsAsync<HubException>(() => troll.AskAsync("Let me in"));
        Assert.EndsWith(BusyNetworkQuestion, ask.Message, StringComparison.Ordinal);
        var upvote = await Assert.ThrowsAsync<HubException>(() => troll.VoteAsync(fair.QuestionId));
        Assert.EndsWith(BusyNetworkVote, upvote.Message, StringComparison.Ordinal);
        await presenter.Connection.InvokeAsync<PresenterPoll>(nameof(LiveHub.OpenPoll), Code, Poll);
        var pollVote = await Assert.ThrowsAsync<HubException>(() => troll.Connection.InvokeAsync<PollVoteResult>(nameof(LiveHub.SubmitVote), Code, Poll, "troll-vote", new { option = 1 }));
        Assert.EndsWith(BusyNetworkVote, pollVote.Message, StringComparison.Ordinal);

        // The refusals every phone can get come first, in their own words, so comparing with a neighbour tells nothing.
        var gone = await Assert.ThrowsAsync<HubException>(() => troll.VoteAsync(first.QuestionId));
        Assert.EndsWith("That question is no longer on the list.", gone.Message, StringComparison.Ordinal);
        await SetQuestionsOpenAsync(presenter, false);
        var closed = await Assert.ThrowsAsync<HubException>(() => troll.AskAsync("Let me in"));
        Assert.Contains("Questions are closed", closed.Message, StringComparison.Ordinal);
        await SetQuestionsOpenAsync(presenter, true);

        // Its own list shows its questions as a moderator's "hide" would; nothing it was sent mentions a block.
        var own = await troll.QuestionsAsync();
        Assert.Equal(["hidden", "hidden"], own.Own.Select(q => q.Status));
        Assert.DoesNotContain("block", troll.ReceivedJson, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("block", room.ReceivedJson, StringComparison.OrdinalIgnoreCase);

        // Nothing refused was stored; the block is kept per session against the device hash its questions carry.
        await using (var db = await _factory.GetService<IDbContextFactory<LiveDbContext>>().CreateDbContextAsync())
        {
            Assert.Equal(3, await db.Questions.CountAsync());
            Assert.Equal(1, await db.QuestionVotes.CountAsync());
            Assert.Equal(0, await db.PollVotes.CountAsync());
            var stored = await db.BlockedDevices.SingleAsync();
            var hash = await db.Questions.Where(q => q.Id == first.QuestionId).Select(q => q.DeviceHash).SingleAsync();
            Assert.Equal((Code, hash), (stored.SessionCode, stored.DeviceHash));
        }

        // Unblocked, it may write again; its earlier questions stay hidden until a moderator shows them.
        var unblocked = await presenter.Connection.InvokeAsync<BlockedDevicesChanged>("UnblockDevice", Code, block.Id);
        Assert.Empty(unblocked.Blocked);
        Assert.Equal("sent", (await troll.AskAsync("Sorry. Which licence is it under?")).Status);
        Assert.Equal(1, (await troll.VoteAsync(fair.QuestionId)).Votes);
        Assert.DoesNotContain((await room.QuestionsAsync()).Questions, q => q.Id == first.QuestionId || q.Id == second.QuestionId);
        await using (var db = await _factory.GetService<IDbContextFactory<LiveDbContext>>().CreateDbContextAsync())
        {
            Assert.Equal(0, await db.BlockedDevices.CountAsync());
        }
    }

    [Fact]
    public async Task A_blocked_phone_is_refused_in_exactly_the_words_a_phone_behind_an_exhausted_network_backstop_gets()
    {
        // A small backstop on a stopped clock, so the network's refusal and its wait are exact.
        _factory.Settings["AudienceLimits:QuestionsPerIpPerMinute"] = "4";
        _factory.Clock = new StoppedClock();
        await using var presenter = await QnaClient.PresenterAsync(_factory);
        await using var troll = await QnaClient.PhoneAsync(_factory);
        var asked = await troll.AskAsync("First and last?");
        await presenter.Connection.InvokeAsync<BlockedDevicesChanged>("BlockDevice", Code, asked.QuestionId);
        var blocked = await Assert.ThrowsAsync<HubException>(() => troll.AskAsync("Again?"));

        await using var c = await QnaClient.PhoneAsync(_factory);
        await using var d = await QnaClient.PhoneAsync(_factory);
        await using var e = await QnaClient.PhoneAsync(_factory);
        Assert.Equal("sent", (await c.AskAsync("Question from phone C?")).Status);
        Assert.Equal("sent", (await d.AskAsync("Question from phone D?")).Status);
        var busy = await Assert.ThrowsAsync<HubException>(() => e.AskAsync("Question from phone E?"));

        Assert.EndsWith("Too many questions are coming from this network right now. Wait 15 seconds and send it again.", busy.Message, StringComparison.Ordinal);
        Assert.Equal(busy.Message, blocked.Message);
    }

    [Fact]
    public async Task A_phone_cannot_use_the_Q_and_A_controls()
    {
        await using var phone = await QnaClient.PhoneAsync(_factory);
        var own = await phone.AskAsync("Mine?");
        foreach (var call in new Func<Task>[]
        {
            () => SetQuestionsOpenAsync(phone, false),
            () => SetSlowModeAsync(phone, 600),
            () => phone.Connection.InvokeAsync<BlockedDevicesChanged>("BlockDevice", Code, own.QuestionId),
            () => phone.Connection.InvokeAsync<BlockedDevicesChanged>("UnblockDevice", Code, 1L),
        })
        {
            var refused = await Assert.ThrowsAsync<HubException>(call);
            Assert.EndsWith(StaffHubFilter.RefusedMessage, refused.Message, StringComparison.Ordinal);
        }

        var state = await phone.QuestionsAsync();
        Assert.True(state.QuestionsOpen);
        Assert.Equal(0, state.SlowModeSeconds);
        Assert.Equal("sent", (await phone.AskAsync("Still mine?")).Status);
        await using var db = await _factory.GetService<IDbContextFactory<LiveDbContext>>().CreateDbContextAsync();
        Assert.Equal(0, await db.BlockedDevices.CountAsync());
    }

    [Fact]
    public async Task A_moderator_s_link_can_use_the_Q_and_A_controls_of_its_session_and_not_of_another()
    {
        var grants = _factory.GetService<SessionGrants>();
        var (cookie, _) = await _factory.SignInWithLinkAsync((await grants.IssueAsync(Code, StaffRole.Moderator, CancellationToken.None)).Secret);
        await using var moderator = await QnaClient.StaffAsync(_factory, cookie);
        await using var phone = await QnaClient.PhoneAsync(_factory);
        var asked = await phone.AskAsync("Could the moderator read this?");

        Assert.False((await SetQuestionsOpenAsync(moderator, false)).QuestionsOpen);
        await Assert.ThrowsAsync<HubException>(() => phone.AskAsync("Closed?"));
        Assert.True((await SetQuestionsOpenAsync(moderator, true)).QuestionsOpen);
        Assert.Equal(30, (await SetSlowModeAsync(moderator, 30)).SlowModeSeconds);
        var block = Assert.Single((await moderator.Connection.InvokeAsync<BlockedDevicesChanged>("BlockDevice", Code, asked.QuestionId)).Blocked);
        var queue = await moderator.ModerationQueueAsync();
        Assert.Equal((true, 30, block.Id), (queue.QuestionsOpen, queue.SlowModeSeconds, Assert.Single(queue.Blocked).Id));
        Assert.Empty((await moderator.Connection.InvokeAsync<BlockedDevicesChanged>("UnblockDevice", Code, block.Id)).Blocked);

        // The moderator of another session gets nothing here.
        var other = await _factory.GetService<LiveSessionService>().StartAsync("getting-started", CancellationToken.None);
        var (otherCookie, _) = await _factory.SignInWithLinkAsync((await grants.IssueAsync(other.Code, StaffRole.Moderator, CancellationToken.None)).Secret);
        await using var stranger = await _factory.ConnectAsync(otherCookie);
        foreach (var call in new Func<Task>[]
        {
            () => stranger.InvokeAsync<QnaSettingsChanged>("SetQuestionsOpen", Code, false),
            () => stranger.InvokeAsync<QnaSettingsChanged>("SetSlowMode", Code, 600),
            () => stranger.InvokeAsync<BlockedDevicesChanged>("BlockDevice", Code, asked.QuestionId),
        })
        {
            var refused = await Assert.ThrowsAsync<HubException>(call);
            Assert.Contains($"moderator of session {other.Code}, not of this session", refused.Message, StringComparison.Ordinal);
        }

        var state = await phone.QuestionsAsync();
        Assert.Equal((true, 30), (state.QuestionsOpen, state.SlowModeSeconds));
    }

    [Fact]
    public async Task A_block_goes_when_the_phone_forgets_itself_when_the_talk_is_erased_and_when_a_rehearsal_goes_live()
    {
        await using var organiser = await QnaClient.PresenterAsync(_factory);

        // Forget me: the phone's device id is gone, and the block keyed on it with it.
        var cookie = await _factory.GetDeviceCookieAsync();
        await using (var leaving = await QnaClient.PhoneWithCookieAsync(_factory, cookie))
        {
            await organiser.Connection.InvokeAsync<BlockedDevicesChanged>("BlockDevice", Code, (await leaving.AskAsync("Forget me later?")).QuestionId);
        }

        Assert.Equal(1, await CountBlocksAsync(Code));
        using (var forget = new HttpRequestMessage(HttpMethod.Post, $"/j/{Code}/forget-me"))
        {
            forget.Headers.Add("Cookie", cookie);
            using var client = _factory.CreatePlainClient();
            using var forgotten = await client.SendAsync(forget);
            Assert.True(forgotten.IsSuccessStatusCode, $"forget-me answered {forgotten.StatusCode}");
        }

        Assert.Equal(0, await CountBlocksAsync(Code));
        await organiser.WaitForAsync<BlockedDevicesChanged>(m => m.Blocked.Count == 0);

        // Erasing the talk's audience data erases its blocks.
        await using (var troll = await QnaClient.PhoneAsync(_factory))
        {
            await organiser.Connection.InvokeAsync<BlockedDevicesChanged>("BlockDevice", Code, (await troll.AskAsync("Erase me?")).QuestionId);
        }

        Assert.Equal(1, await CountBlocksAsync(Code));
        await organiser.Connection.InvokeAsync<System.Text.Json.JsonElement>("EraseSession", Code, true);
        Assert.Equal(0, await CountBlocksAsync(Code));

        // A rehearsal's blocks do not carry over into the talk.
        var rehearsal = await _factory.GetService<LiveSessionService>().StartAsync("open-healthcare", new SessionPlan("Rehearsal", null, null, IsRehearsal: true), CancellationToken.None);
        await using var colleague = await QnaClient.PhoneAsync(_factory, rehearsal.Code);
        var asked = await colleague.AskAsync("Testing, testing?", code: rehearsal.Code);
        await organiser.Connection.InvokeAsync<BlockedDevicesChanged>("BlockDevice", rehearsal.Code, asked.QuestionId);
        Assert.Equal(1, await CountBlocksAsync(rehearsal.Code));
        await organiser.Connection.InvokeAsync<System.Text.Json.JsonElement>("GoLive", rehearsal.Code);
        Assert.Equal(0, await CountBlocksAsync(rehearsal.Code));
        Assert.Equal("sent", (await colleague.AskAsync("Live now?", code: rehearsal.Code)).Status);
    }

    public void Dispose() => _factory.Dispose();

    private async Task<int> CountBlocksAsync(string code)
    {
        await using var db = await _factory.GetService<IDbContextFactory<LiveDbContext>>().CreateDbContextAsync();
        return await db.BlockedDevices.CountAsync(b => b.SessionCode == code);
    }

    private static Task<QnaSettingsChanged> SetQuestionsOpenAsync(QnaClient client, bool open) =>
        client.Connection.InvokeAsync<QnaSettingsChanged>("SetQuestionsOpen", Code, open);

    private static Task<QnaSettingsChanged> SetSlowModeAsync(QnaClient client, int seconds) =>
        client.Connection.InvokeAsync<QnaSettingsChanged>("SetSlowMode", Code, seconds);

    private async Task<int> CountQuestionsAsync()
    {
        await using var db = await _factory.GetService<IDbContextFactory<LiveDbContext>>().CreateDbContextAsync();
        return await db.Questions.CountAsync();
    }
}
