using OpenHealthLive.Core.Questions;

namespace OpenHealthLive.Core.Tests.Questions;

/// <summary>
/// Two talks on one server, the same phone in both: reading, forgetting or erasing one talk's questions never reads or
/// touches the other's questions, votes, blocks or the question being answered there.
/// </summary>
public sealed class QuestionSessionIsolationTests
{
    private const string Other = "OTHER1";
    private const string Phone = "device-in-both";
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Each_talk_reads_its_own_question_being_answered_and_its_own_votes()
    {
        await using var talks = await TwoTalksAsync();
        var (room, here, there) = talks;

        var list = await room.Service.ListAsync(QuestionRoom.Code, includeModerated: true, None);
        var page = await room.Service.PageAsync(QuestionRoom.Code, QuestionOrder.Newest, after: null, limit: 10, includeModerated: true, None);
        var found = await room.Service.FindAsync(QuestionRoom.Code, here.Id, None);
        var device = await room.Service.ForDeviceAsync(QuestionRoom.Code, Phone, None);

        Assert.True(Assert.Single(list, q => q.Id == here.Id).AnsweringNow);
        Assert.True(Assert.Single(page.Questions, q => q.Id == here.Id).AnsweringNow);
        Assert.True(found!.AnsweringNow);
        Assert.True(Assert.Single(device.Own).AnsweringNow);
        Assert.Equal([here.Id], device.VotedQuestionIds);
        Assert.DoesNotContain(list, q => q.Id == there.Id);
    }

    [Fact]
    public async Task Forgetting_a_phone_in_one_talk_keeps_what_it_did_in_the_other()
    {
        await using var talks = await TwoTalksAsync();
        var (room, _, there) = talks;
        // Here, another phone's question is now being answered, and a third phone is blocked.
        var answering = await room.AskAsync("device-b", "Answered here now");
        await room.ModerateAsync(answering.Id, QuestionModeration.AnswerNow);
        var blocked = await room.AskAsync("device-blocked-here", "Blocked here");
        await room.Service.BlockDeviceAsync(QuestionRoom.Code, blocked.Id, None);

        var deleted = await room.Service.ForgetDeviceAsync(QuestionRoom.Code, Phone, None);

        Assert.Equal(new QuestionsDeleted(1, 0, 1), deleted);
        Assert.Equal(answering.Id, (await room.StoredSessionAsync()).AnsweringQuestionId);
        Assert.Equal(1, await room.StoredBlocksAsync());
        Assert.NotNull(await room.StoredAsync(there.Id));
        Assert.Equal(2, await room.StoredVotesAsync(there.Id));
        Assert.Equal(1, await room.StoredBlocksAsync(Other));
        Assert.Equal(there.Id, (await room.StoredSessionAsync(Other)).AnsweringQuestionId);
        var stillThere = await room.Service.ForDeviceAsync(Other, Phone, None);
        Assert.Equal([there.Id], stillThere.Own.Select(q => q.Id));
        Assert.Equal([there.Id], stillThere.VotedQuestionIds);
    }

    [Fact]
    public async Task Erasing_one_talks_questions_keeps_the_other_talks_votes_blocks_and_answering()
    {
        await using var talks = await TwoTalksAsync();
        var (room, here, there) = talks;

        var deleted = await room.Service.EraseSessionAsync(QuestionRoom.Code, None);

        Assert.Equal(new QuestionsDeleted(1, 0, 2), deleted);
        Assert.Null(await room.StoredAsync(here.Id));
        Assert.Equal(2, await room.StoredVotesAsync(there.Id));
        Assert.Equal(1, await room.StoredBlocksAsync(Other));
        Assert.Equal(there.Id, (await room.StoredSessionAsync(Other)).AnsweringQuestionId);
    }

    /// <summary>
    /// In each talk the phone asks one question, it and one other phone upvote it, and it is being answered; in the
    /// other talk a third phone is blocked.
    /// </summary>
    private static async Task<TwoTalks> TwoTalksAsync()
    {
        var room = await QuestionRoom.OpenAsync();
        await room.AddSessionAsync(Other);
        var here = await room.AskAsync(Phone, "Asked here");
        var there = await room.AskAsync(Phone, "Asked there", code: Other);
        var blocked = await room.AskAsync("device-blocked", "Blocked there", code: Other);
        await room.VoteAsync(Phone, here.Id);
        await room.VoteAsync("device-b", here.Id);
        await room.VoteAsync(Phone, there.Id, code: Other);
        await room.VoteAsync("device-b", there.Id, code: Other);
        await room.ModerateAsync(here.Id, QuestionModeration.AnswerNow);
        await room.ModerateAsync(there.Id, QuestionModeration.AnswerNow, Other);
        await room.Service.BlockDeviceAsync(Other, blocked.Id, None);
        return new TwoTalks(room, here, there);
    }

    private sealed record TwoTalks(QuestionRoom Room, QuestionView Here, QuestionView There) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Room.DisposeAsync();
    }
}
