using OpenHealthLive.Core.Questions;

namespace OpenHealthLive.Core.Tests.Questions;

/// <summary>Upvotes at the Core service: one per phone, taken back, and refused where the question is not shown.</summary>
public sealed class QuestionVotingTests
{
    private const string Asker = "device-asker";

    [Fact]
    public async Task Each_phone_counts_once_however_often_it_votes_and_the_room_is_told_only_of_real_changes()
    {
        await using var room = await QuestionRoom.OpenAsync();
        var question = await room.AskAsync(Asker, "Who pays for maintenance?");
        room.Notifier.Clear();

        var first = await room.VoteAsync("phone-1", question.Id);
        var repeat = await room.VoteAsync("phone-1", question.Id);
        var second = await room.VoteAsync("phone-2", question.Id);

        Assert.Equal(1, first.Votes);
        Assert.Equal(1, repeat.Votes);
        Assert.Equal(2, second.Votes);
        Assert.Equal(2, (await room.StoredAsync(question.Id))!.Votes);
        Assert.Equal(2, await room.StoredVotesAsync(question.Id));
        Assert.Equal([1, 2], room.Notifier.Changed.Select(q => q.Votes));
        Assert.All(room.Notifier.All.OfType<RecordingQuestionNotifier.ChangedTold>(), t => Assert.Equal(t.Question.Votes, t.Stored!.Votes));
    }

    [Fact]
    public async Task Taking_a_vote_back_counts_down_once_and_taking_back_a_vote_never_given_changes_nothing()
    {
        await using var room = await QuestionRoom.OpenAsync();
        var question = await room.AskAsync(Asker, "Is it certified?");
        await room.VoteAsync("phone-1", question.Id);
        await room.VoteAsync("phone-2", question.Id);
        room.Notifier.Clear();

        var back = await room.VoteAsync("phone-1", question.Id, up: false);
        var backAgain = await room.VoteAsync("phone-1", question.Id, up: false);
        var never = await room.VoteAsync("phone-3", question.Id, up: false);

        Assert.Equal(1, back.Votes);
        Assert.Equal(1, backAgain.Votes);
        Assert.Equal(1, never.Votes);
        Assert.Equal(1, await room.StoredVotesAsync(question.Id));
        Assert.Equal([1], room.Notifier.Changed.Select(q => q.Votes));
        var device = await room.Service.ForDeviceAsync(QuestionRoom.Code, "phone-2", CancellationToken.None);
        Assert.Equal([question.Id], device.VotedQuestionIds);
        Assert.Empty((await room.Service.ForDeviceAsync(QuestionRoom.Code, "phone-1", CancellationToken.None)).VotedQuestionIds);
    }

    [Theory]
    [InlineData(QuestionModeration.Hide)]
    [InlineData(QuestionModeration.Delete)]
    public async Task A_question_hidden_or_deleted_takes_no_vote(QuestionModeration action)
    {
        await using var room = await QuestionRoom.OpenAsync();
        var question = await room.AskAsync(Asker, "Gone soon");
        await room.ModerateAsync(question.Id, action);

        await Refused.WithAsync("question-gone", () => room.VoteAsync("phone-1", question.Id));
    }

    [Fact]
    public async Task A_held_question_takes_no_vote_until_it_is_approved()
    {
        await using var room = await QuestionRoom.OpenAsync();
        var held = await room.AskAsync(Asker, "My NHS number is 943 476 5919");

        await Refused.WithAsync("question-gone", () => room.VoteAsync("phone-1", held.Id));
        await room.ModerateAsync(held.Id, QuestionModeration.Approve);
        var voted = await room.VoteAsync("phone-1", held.Id);

        Assert.Equal(1, voted.Votes);
    }

    [Fact]
    public async Task A_question_of_another_session_takes_no_vote_through_this_one()
    {
        await using var room = await QuestionRoom.OpenAsync();
        await room.AddSessionAsync("OTHERS");
        var elsewhere = await room.AskAsync(Asker, "Asked elsewhere", code: "OTHERS");

        await Refused.WithAsync("question-gone", () => room.VoteAsync("phone-1", elsewhere.Id));
        Assert.Equal(0, await room.StoredVotesAsync(elsewhere.Id));
    }

    [Fact]
    public async Task An_ended_talk_takes_no_vote()
    {
        await using var room = await QuestionRoom.OpenAsync();
        var question = await room.AskAsync(Asker, "Before the end");
        await room.EndTalkAsync();

        await Refused.WithAsync("talk-ended", () => room.VoteAsync("phone-1", question.Id));
    }

    [Fact]
    public async Task A_vote_on_the_question_being_answered_tells_the_room_it_is_being_answered()
    {
        await using var room = await QuestionRoom.OpenAsync();
        var question = await room.AskAsync(Asker, "Answer me");
        await room.ModerateAsync(question.Id, QuestionModeration.AnswerNow);

        var voted = await room.VoteAsync("phone-1", question.Id);

        Assert.True(voted.AnsweringNow);
    }
}
