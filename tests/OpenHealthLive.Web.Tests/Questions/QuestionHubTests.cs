using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using OpenHealthLive.Core.Storage;
using OpenHealthLive.Web.Questions;
using OpenHealthLive.Web.Tests.Infrastructure;

namespace OpenHealthLive.Web.Tests.Questions;

public sealed class QuestionHubTests : IDisposable
{
    private readonly OpenHealthLiveFactory _factory = new();

    [Fact]
    public async Task Two_phones_ask_and_upvote_and_the_presenter_sees_everything()
    {
        await using var presenter = await QnaClient.PresenterAsync(_factory);
        await using var alice = await QnaClient.PhoneAsync(_factory);
        await using var bob = await QnaClient.PhoneAsync(_factory);

        var asked = await alice.AskAsync("How do you validate synthetic images with clinicians?", author: "Alice");
        Assert.Equal("sent", asked.Status);
        var second = await bob.AskAsync("Which licence do you recommend for a trained model?");

        await bob.VoteAsync(asked.QuestionId);
        var vote = await alice.VoteAsync(asked.QuestionId);
        Assert.Equal(2, vote.Votes);

        await bob.WaitForAsync<QuestionsChanged>(m => m.Changed.Any(q => q.Id == asked.QuestionId && q.Votes == 2));
        await presenter.WaitForAsync<ModerationChanged>(m => m.Changed.Any(q => q.Id == second.QuestionId));
        var queue = await presenter.ModerationQueueAsync();
        Assert.Equal(2, queue.Questions.Count);
        Assert.Equal("Alice", queue.Questions.Single(q => q.Id == asked.QuestionId).Author);
        Assert.Null(queue.Questions.Single(q => q.Id == second.QuestionId).Author);

        var seenByBob = await bob.QuestionsAsync();
        Assert.Equal([asked.QuestionId], seenByBob.VotedQuestionIds);
        Assert.Equal(2, seenByBob.Questions.Single(q => q.Id == asked.QuestionId).Votes);
    }

    [Fact]
    public async Task An_audience_phone_never_receives_a_held_or_hidden_question_or_anyone_else_s_device()
    {
        await using var presenter = await QnaClient.PresenterAsync(_factory);
        await using var clinician = await QnaClient.PhoneAsync(_factory);
        await using var other = await QnaClient.PhoneAsync(_factory);

        const string Identifying = "My patient, NHS number 943 476 5919, born 03/04/1961: would your model help?";
        var held = await clinician.AskAsync(Identifying);
        Assert.Equal("held", held.Status);
        Assert.Contains("NHS number", held.Message, StringComparison.Ordinal);
        Assert.Null(held.Question);

        var visible = await clinician.AskAsync("What hardware does the surgical pipeline need?");
        await presenter.ModerateAsync(visible.QuestionId, "hide");
        // A later visible question proves the earlier changes have been sent (batches go out in order).
        var marker = await clinician.AskAsync("Marker question?", clientId: "marker1");
        await other.WaitForAsync<QuestionsChanged>(m => m.Changed.Any(q => q.Id == marker.QuestionId));
        await presenter.WaitForAsync<ModerationChanged>(m => m.Changed.Any(q => q.Id == held.QuestionId));

        Assert.DoesNotContain("943 476 5919", other.ReceivedJson, StringComparison.Ordinal);
        Assert.DoesNotContain("My patient", other.ReceivedJson, StringComparison.Ordinal);
        Assert.DoesNotContain((await other.QuestionsAsync()).Questions, q => q.Id == held.QuestionId || q.Id == visible.QuestionId);
        Assert.Contains(other.Received.Select(r => r.Message).OfType<QuestionsChanged>(), m => m.Removed.Contains(visible.QuestionId));

        // The presenter sees both, with the reason.
        var queue = await presenter.ModerationQueueAsync();
        Assert.Contains(queue.Questions, q => q.Id == held.QuestionId && q.Status == "held" && q.HeldReason!.Contains("NHS number", StringComparison.Ordinal));
        Assert.Contains(queue.Questions, q => q.Id == visible.QuestionId && q.Status == "hidden");

        // The asker sees its own held question, with the reason; nobody else does.
        var own = await clinician.QuestionsAsync();
        Assert.Contains(own.Own, q => q.Id == held.QuestionId && q.Status == "held" && q.Reason is not null);
        Assert.Empty((await other.QuestionsAsync()).Own);

        // No device token or hash ever reaches a client.
        await using var db = await _factory.GetService<IDbContextFactory<LiveDbContext>>().CreateDbContextAsync();
        var hashes = await db.Questions.Select(q => q.DeviceHash).ToListAsync();
        Assert.All(hashes, hash =>
        {
            Assert.DoesNotContain(hash, other.ReceivedJson, StringComparison.Ordinal);
            Assert.DoesNotContain(hash, presenter.ReceivedJson, StringComparison.Ordinal);
        });
        Assert.DoesNotContain("device", other.ReceivedJson, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_repeated_client_id_gives_one_question()
    {
        var cookie = await _factory.GetDeviceCookieAsync();
        long firstId;
        await using (var phone = await _factory.ConnectAsync(cookie))
        {
            firstId = (await phone.InvokeAsync<AskQuestionResult>("AskQuestion", OpenHealthLiveFactory.DefaultCode, "retry-1", "Is the dataset public?", null)).QuestionId;
            var again = await phone.InvokeAsync<AskQuestionResult>("AskQuestion", OpenHealthLiveFactory.DefaultCode, "retry-1", "Is the dataset public?", null);
            Assert.Equal(firstId, again.QuestionId);
        }

        // The same phone after a lost connection (a new connection, the same device cookie).
        await using (var reconnected = await _factory.ConnectAsync(cookie))
        {
            var retried = await reconnected.InvokeAsync<AskQuestionResult>("AskQuestion", OpenHealthLiveFactory.DefaultCode, "retry-1", "Is the dataset public?", null);
            Assert.Equal(firstId, retried.QuestionId);
        }

        await using var db = await _factory.GetService<IDbContextFactory<LiveDbContext>>().CreateDbContextAsync();
        Assert.Equal(1, await db.Questions.CountAsync());
    }

    [Fact]
    public async Task Upvoting_is_once_per_phone_and_a_second_tap_takes_it_back()
    {
        await using var asker = await QnaClient.PhoneAsync(_factory);
        await using var voter = await QnaClient.PhoneAsync(_factory);
        var question = await asker.AskAsync("Will the slides be online?");

        Assert.Equal(1, (await voter.VoteAsync(question.QuestionId)).Votes);
        Assert.Equal(1, (await voter.VoteAsync(question.QuestionId)).Votes);
        Assert.Equal(2, (await asker.VoteAsync(question.QuestionId)).Votes);
        Assert.Equal(1, (await voter.VoteAsync(question.QuestionId, up: false)).Votes);
        Assert.Equal(1, (await voter.VoteAsync(question.QuestionId, up: false)).Votes);
    }

    [Theory]
    [InlineData("", "Type a question first.")]
    [InlineData("   \n\t ", "Type a question first.")]
    public async Task An_empty_question_is_refused_with_the_reason(string text, string reason)
    {
        await using var phone = await QnaClient.PhoneAsync(_factory);
        var error = await Assert.ThrowsAsync<HubException>(() => phone.AskAsync(text));
        Assert.EndsWith(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_question_over_500_characters_is_refused_and_500_are_accepted()
    {
        await using var phone = await QnaClient.PhoneAsync(_factory);
        var error = await Assert.ThrowsAsync<HubException>(() => phone.AskAsync(new string('a', 501)));
        Assert.Contains("at most 500 characters; yours has 501", error.Message, StringComparison.Ordinal);

        var accepted = await phone.AskAsync("  " + new string('b', 500) + "  ");
        Assert.Equal("sent", accepted.Status);
        Assert.Equal(500, accepted.Question!.Text.Length);

        var name = await Assert.ThrowsAsync<HubException>(() => phone.AskAsync("Fine question?", author: new string('n', 41)));
        Assert.Contains("at most 40 characters", name.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Posting_too_fast_is_refused_with_how_long_to_wait_the_fifth_in_a_minute_passes_and_the_sixth_is_refused()
    {
        // The clock stands still, so no permit comes back during the test: five a minute is the default, written out.
        _factory.Clock = new StoppedClock();
        await using var phone = await QnaClient.PhoneAsync(_factory);
        for (var i = 1; i <= 5; i++)
        {
            Assert.Equal("sent", (await phone.AskAsync($"Question number {i}?")).Status);
        }

        var refused = await Assert.ThrowsAsync<HubException>(() => phone.AskAsync("Question number 6?"));
        Assert.Matches("too quickly. Wait [0-9]+ seconds", refused.Message);

        // Another phone behind the same address is not held back by it.
        await using var neighbour = await QnaClient.PhoneAsync(_factory);
        Assert.Equal("sent", (await neighbour.AskAsync("Can I still ask?")).Status);
    }

    [Fact]
    public async Task With_pre_moderation_a_question_waits_until_the_presenter_approves_it()
    {
        await using var presenter = await QnaClient.PresenterAsync(_factory);
        await using var phone = await QnaClient.PhoneAsync(_factory);
        await presenter.Connection.InvokeAsync<QnaSettingsChanged>("SetPreModeration", OpenHealthLiveFactory.DefaultCode, true);

        var asked = await phone.AskAsync("What does the FDA's good machine-learning practice ask for?");
        Assert.Equal("held", asked.Status);
        Assert.Empty((await phone.QuestionsAsync()).Questions);

        var approved = await presenter.ModerateAsync(asked.QuestionId, "approve");
        Assert.Equal("visible", approved!.Status);
        await phone.WaitForAsync<QuestionsChanged>(m => m.Changed.Any(q => q.Id == asked.QuestionId));
        Assert.Single((await phone.QuestionsAsync()).Questions);
    }

    [Fact]
    public async Task Answering_now_reaches_the_phones_and_only_one_question_is_answered_at_a_time()
    {
        await using var presenter = await QnaClient.PresenterAsync(_factory);
        await using var phone = await QnaClient.PhoneAsync(_factory);
        var first = await phone.AskAsync("First?");
        var second = await phone.AskAsync("Second?");

        await presenter.ModerateAsync(first.QuestionId, "answer-now");
        await phone.WaitForAsync<QnaSettingsChanged>(s => s.AnsweringQuestionId == first.QuestionId);
        await presenter.ModerateAsync(second.QuestionId, "answer-now");
        await phone.WaitForAsync<QnaSettingsChanged>(s => s.AnsweringQuestionId == second.QuestionId);

        var state = await phone.QuestionsAsync();
        Assert.Equal(second.QuestionId, state.AnsweringQuestionId);
        Assert.True(state.Questions.Single(q => q.Id == second.QuestionId).AnsweringNow);
        Assert.False(state.Questions.Single(q => q.Id == first.QuestionId).AnsweringNow);

        var answered = await presenter.ModerateAsync(second.QuestionId, "mark-answered");
        Assert.True(answered!.Answered);
        Assert.False(answered.AnsweringNow);
        Assert.Null((await phone.QuestionsAsync()).AnsweringQuestionId);
    }

    [Fact]
    public async Task Deleting_a_question_removes_it_for_everyone()
    {
        await using var presenter = await QnaClient.PresenterAsync(_factory);
        await using var phone = await QnaClient.PhoneAsync(_factory);
        var asked = await phone.AskAsync("Delete me?");
        await phone.VoteAsync(asked.QuestionId);

        Assert.Null(await presenter.ModerateAsync(asked.QuestionId, "delete"));
        await phone.WaitForAsync<QuestionsChanged>(m => m.Removed.Contains(asked.QuestionId));
        Assert.Empty((await presenter.ModerationQueueAsync()).Questions);
        var error = await Assert.ThrowsAsync<HubException>(() => phone.VoteAsync(asked.QuestionId));
        Assert.Contains("no longer on the list", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_moderation_action_is_refused_clearly()
    {
        await using var presenter = await QnaClient.PresenterAsync(_factory);
        var error = await Assert.ThrowsAsync<HubException>(() => presenter.ModerateAsync(1, "launch-missiles"));
        Assert.Contains("Unknown action", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _factory.Dispose();
}
