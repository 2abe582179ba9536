using OpenHealthLive.Core.Questions;

namespace OpenHealthLive.Core.Tests.Questions;

/// <summary>A phone's or a session's questions deleted on request (the DPO's right to erasure), at the Core service.</summary>
public sealed class QuestionErasureTests
{
    private const string Leaving = "device-leaving";
    private const string Staying = "device-staying";

    [Fact]
    public async Task Forgetting_a_phone_deletes_its_questions_and_every_vote_on_them_and_takes_back_its_votes_elsewhere()
    {
        await using var room = await QuestionRoom.OpenAsync();
        var own = await room.AskAsync(Leaving, "Mine");
        var ownHeld = await room.AskAsync(Leaving, "Call 07700 900123");
        var others = await room.AskAsync(Staying, "Theirs");
        await room.VoteAsync(Leaving, others.Id);
        await room.VoteAsync("device-c", others.Id);
        await room.VoteAsync(Staying, own.Id);
        await room.VoteAsync(Leaving, own.Id);
        room.Notifier.Clear();

        var deleted = await room.Service.ForgetDeviceAsync(QuestionRoom.Code, Leaving, CancellationToken.None);

        Assert.Equal(new QuestionsDeleted(2, 1, 2), deleted);
        Assert.Null(await room.StoredAsync(own.Id));
        Assert.Null(await room.StoredAsync(ownHeld.Id));
        Assert.Equal(0, await room.StoredVotesAsync(own.Id));
        Assert.Equal(1, (await room.StoredAsync(others.Id))!.Votes);
        Assert.Equal(1, await room.StoredVotesAsync(others.Id));
        Assert.Equal([own.Id, ownHeld.Id], room.Notifier.Deleted.Order());
        Assert.Equal(1, Assert.Single(room.Notifier.Changed, q => q.Id == others.Id).Votes);
        Assert.All(room.Notifier.All.OfType<RecordingQuestionNotifier.DeletedTold>(), d => Assert.False(d.StillStored));
        var left = await room.Service.ForDeviceAsync(QuestionRoom.Code, Leaving, CancellationToken.None);
        Assert.Empty(left.Own);
        Assert.Empty(left.VotedQuestionIds);
    }

    [Fact]
    public async Task Forgetting_a_phone_ends_answering_its_question()
    {
        await using var room = await QuestionRoom.OpenAsync();
        var answered = await room.AskAsync(Leaving, "Being answered");
        await room.ModerateAsync(answered.Id, QuestionModeration.AnswerNow);
        room.Notifier.Clear();

        await room.Service.ForgetDeviceAsync(QuestionRoom.Code, Leaving, CancellationToken.None);

        Assert.Null((await room.StoredSessionAsync()).AnsweringQuestionId);
        Assert.Null(Assert.Single(room.Notifier.Settings).AnsweringQuestionId);
        Assert.Null((await room.Service.SettingsAsync(QuestionRoom.Code, CancellationToken.None)).AnsweringQuestionId);
    }

    [Fact]
    public async Task Forgetting_a_blocked_phone_removes_its_block_and_it_may_write_again_under_its_new_start()
    {
        await using var room = await QuestionRoom.OpenAsync();
        var blockedQuestion = await room.AskAsync(Leaving, "Blocked");
        var other = await room.AskAsync(Staying, "Other");
        await room.Service.BlockDeviceAsync(QuestionRoom.Code, blockedQuestion.Id, CancellationToken.None);
        await Assert.ThrowsAsync<DeviceBlockedException>(() => room.VoteAsync(Leaving, other.Id));
        room.Notifier.Clear();

        await room.Service.ForgetDeviceAsync(QuestionRoom.Code, Leaving, CancellationToken.None);

        Assert.Equal(0, await room.StoredBlocksAsync());
        Assert.Empty(Assert.Single(room.Notifier.Blocked));
        Assert.Equal("Welcome back", (await room.AskAsync(Leaving, "Welcome back")).Text);
        Assert.Equal(1, (await room.VoteAsync(Leaving, other.Id)).Votes);
    }

    [Fact]
    public async Task Forgetting_a_phone_leaves_the_question_being_answered_when_it_is_another_phones()
    {
        await using var room = await QuestionRoom.OpenAsync();
        var answered = await room.AskAsync(Staying, "Being answered");
        await room.ModerateAsync(answered.Id, QuestionModeration.AnswerNow);
        await room.AskAsync(Leaving, "Mine");
        room.Notifier.Clear();

        await room.Service.ForgetDeviceAsync(QuestionRoom.Code, Leaving, CancellationToken.None);

        Assert.Equal(answered.Id, (await room.StoredSessionAsync()).AnsweringQuestionId);
        Assert.Empty(room.Notifier.Settings);
    }

    [Fact]
    public async Task Forgetting_a_phone_touches_only_this_session()
    {
        await using var room = await QuestionRoom.OpenAsync();
        await room.AddSessionAsync("OTHERS");
        var elsewhere = await room.AskAsync(Leaving, "In the other talk", code: "OTHERS");
        await room.AskAsync(Leaving, "Here");

        var deleted = await room.Service.ForgetDeviceAsync(QuestionRoom.Code, Leaving, CancellationToken.None);

        Assert.Equal(new QuestionsDeleted(1, 0, 0), deleted);
        Assert.NotNull(await room.StoredAsync(elsewhere.Id));
    }

    [Fact]
    public async Task Erasing_a_session_deletes_every_question_vote_and_block_of_it_and_nothing_of_another()
    {
        await using var room = await QuestionRoom.OpenAsync();
        await room.AddSessionAsync("OTHERS");
        var elsewhere = await room.AskAsync(Leaving, "In the other talk", code: "OTHERS");
        var visible = await room.AskAsync(Leaving, "Visible");
        var held = await room.AskAsync(Staying, "Call 07700 900123");
        var hidden = await room.AskAsync("device-e", "Hidden");
        await room.VoteAsync("device-c", visible.Id);
        await room.VoteAsync("device-d", visible.Id);
        await room.ModerateAsync(visible.Id, QuestionModeration.AnswerNow);
        await room.Service.BlockDeviceAsync(QuestionRoom.Code, hidden.Id, CancellationToken.None);
        await room.Service.BlockDeviceAsync("OTHERS", elsewhere.Id, CancellationToken.None);
        room.Notifier.Clear();

        var deleted = await room.Service.EraseSessionAsync(QuestionRoom.Code, CancellationToken.None);

        Assert.Equal(new QuestionsDeleted(3, 1, 2), deleted);
        Assert.Equal(new QuestionCounts(0, 0, 0), await room.Service.CountAsync(QuestionRoom.Code, CancellationToken.None));
        Assert.Equal(0, await room.StoredBlocksAsync());
        Assert.Equal(1, await room.StoredBlocksAsync("OTHERS"));
        Assert.NotNull(await room.StoredAsync(elsewhere.Id));
        Assert.Null((await room.StoredSessionAsync()).AnsweringQuestionId);
        Assert.Equal([visible.Id, held.Id, hidden.Id], room.Notifier.Deleted.Order());
        Assert.Null(Assert.Single(room.Notifier.Settings).AnsweringQuestionId);
    }

    [Fact]
    public async Task Erasing_a_session_without_an_answered_question_tells_no_settings()
    {
        await using var room = await QuestionRoom.OpenAsync();
        await room.AskAsync(Leaving, "Only one");
        room.Notifier.Clear();

        var deleted = await room.Service.EraseSessionAsync(QuestionRoom.Code, CancellationToken.None);

        Assert.Equal(new QuestionsDeleted(1, 0, 0), deleted);
        Assert.Empty(room.Notifier.Settings);
        Assert.Empty(Assert.Single(room.Notifier.Blocked));
    }
}
