using OpenHealthLive.Core.Questions;

namespace OpenHealthLive.Core.Tests.Questions;

/// <summary>A presenter's moderation at the Core service: each action, the question being answered, and edits.</summary>
public sealed class QuestionModerationTests
{
    private const string Phone = "device-a";

    [Fact]
    public async Task Approving_a_held_question_shows_it_and_hiding_it_takes_it_from_the_room_but_not_from_the_presenter()
    {
        await using var room = await QuestionRoom.OpenAsync();
        var held = await room.AskAsync(Phone, "Call 07700 900123");

        var approved = await room.ModerateAsync(held.Id, QuestionModeration.Approve);
        var audienceAfterApprove = await room.Service.ListAsync(QuestionRoom.Code, false, CancellationToken.None);
        var hidden = await room.ModerateAsync(held.Id, QuestionModeration.Hide);

        Assert.Equal(QuestionStatus.Visible, approved!.Status);
        Assert.Equal([held.Id], audienceAfterApprove.Select(q => q.Id));
        Assert.Equal(QuestionStatus.Hidden, hidden!.Status);
        Assert.Empty(await room.Service.ListAsync(QuestionRoom.Code, false, CancellationToken.None));
        Assert.Equal(QuestionStatus.Hidden, Assert.Single(await room.Service.ListAsync(QuestionRoom.Code, true, CancellationToken.None)).Status);
        Assert.Equal(new QuestionCounts(0, 0, 1), await room.Service.CountAsync(QuestionRoom.Code, CancellationToken.None));
        Assert.All(room.Notifier.All.OfType<RecordingQuestionNotifier.ChangedTold>(), t => Assert.Equal((int)t.Question.Status, t.Stored!.Status));
    }

    [Fact]
    public async Task Deleting_a_question_removes_it_and_its_votes_and_the_room_is_told_after_the_row_is_gone()
    {
        await using var room = await QuestionRoom.OpenAsync();
        var question = await room.AskAsync(Phone, "Delete me");
        await room.VoteAsync("phone-1", question.Id);
        room.Notifier.Clear();

        var result = await room.ModerateAsync(question.Id, QuestionModeration.Delete);

        Assert.Null(result);
        Assert.Null(await room.StoredAsync(question.Id));
        Assert.Equal(0, await room.StoredVotesAsync(question.Id));
        var told = Assert.IsType<RecordingQuestionNotifier.DeletedTold>(Assert.Single(room.Notifier.All));
        Assert.Equal(question.Id, told.QuestionId);
        Assert.False(told.StillStored);
        Assert.Null(await room.Service.FindAsync(QuestionRoom.Code, question.Id, CancellationToken.None));
    }

    [Fact]
    public async Task A_pinned_question_leads_the_list_until_it_is_unpinned()
    {
        await using var room = await QuestionRoom.OpenAsync();
        var popular = await room.AskAsync(Phone, "Popular");
        var quiet = await room.AskAsync(Phone, "Quiet");
        await room.VoteAsync("phone-1", popular.Id);

        var pinned = await room.ModerateAsync(quiet.Id, QuestionModeration.Pin);
        var pinnedOrder = await TopIdsAsync(room);
        var unpinned = await room.ModerateAsync(quiet.Id, QuestionModeration.Unpin);

        Assert.True(pinned!.Pinned);
        Assert.Equal([quiet.Id, popular.Id], pinnedOrder);
        Assert.False(unpinned!.Pinned);
        Assert.Equal([popular.Id, quiet.Id], await TopIdsAsync(room));
    }

    [Fact]
    public async Task Answering_a_question_marks_it_and_answering_another_tells_the_room_the_first_is_no_longer_answered()
    {
        await using var room = await QuestionRoom.OpenAsync();
        var first = await room.AskAsync(Phone, "First");
        var second = await room.AskAsync(Phone, "Second");

        var answering = await room.ModerateAsync(first.Id, QuestionModeration.AnswerNow);
        room.Notifier.Clear();
        var next = await room.ModerateAsync(second.Id, QuestionModeration.AnswerNow);

        Assert.True(answering!.AnsweringNow);
        Assert.True(next!.AnsweringNow);
        Assert.Equal(second.Id, (await room.StoredSessionAsync()).AnsweringQuestionId);
        Assert.Equal([(second.Id, true), (first.Id, false)], room.Notifier.Changed.Select(q => (q.Id, q.AnsweringNow)));
        Assert.Equal(second.Id, Assert.Single(room.Notifier.Settings).AnsweringQuestionId);
        Assert.False((await room.Service.FindAsync(QuestionRoom.Code, first.Id, CancellationToken.None))!.AnsweringNow);
    }

    [Fact]
    public async Task A_question_not_yet_shown_cannot_be_answered()
    {
        await using var room = await QuestionRoom.OpenAsync();
        var held = await room.AskAsync(Phone, "Call 07700 900123");

        await Refused.WithAsync("not-approved", () => room.ModerateAsync(held.Id, QuestionModeration.AnswerNow));

        Assert.Null((await room.StoredSessionAsync()).AnsweringQuestionId);
    }

    [Theory]
    [InlineData(QuestionModeration.StopAnswering)]
    [InlineData(QuestionModeration.Hide)]
    [InlineData(QuestionModeration.Delete)]
    [InlineData(QuestionModeration.MarkAnswered)]
    public async Task Stopping_hiding_deleting_or_marking_answered_the_question_being_answered_ends_answering(QuestionModeration action)
    {
        await using var room = await QuestionRoom.OpenAsync();
        var question = await room.AskAsync(Phone, "Being answered");
        await room.ModerateAsync(question.Id, QuestionModeration.AnswerNow);
        room.Notifier.Clear();

        await room.ModerateAsync(question.Id, action);

        Assert.Null((await room.StoredSessionAsync()).AnsweringQuestionId);
        var settings = Assert.Single(room.Notifier.Settings);
        Assert.Null(settings.AnsweringQuestionId);
        Assert.Null((await room.Service.SettingsAsync(QuestionRoom.Code, CancellationToken.None)).AnsweringQuestionId);
    }

    [Theory]
    [InlineData(QuestionModeration.StopAnswering)]
    [InlineData(QuestionModeration.Hide)]
    [InlineData(QuestionModeration.Delete)]
    [InlineData(QuestionModeration.MarkAnswered)]
    public async Task Acting_on_another_question_leaves_the_one_being_answered(QuestionModeration action)
    {
        await using var room = await QuestionRoom.OpenAsync();
        var answered = await room.AskAsync(Phone, "Being answered");
        var other = await room.AskAsync(Phone, "Another");
        await room.ModerateAsync(answered.Id, QuestionModeration.AnswerNow);
        room.Notifier.Clear();

        await room.ModerateAsync(other.Id, action);

        Assert.Equal(answered.Id, (await room.StoredSessionAsync()).AnsweringQuestionId);
        Assert.Empty(room.Notifier.Settings);
    }

    [Fact]
    public async Task Marking_answered_keeps_the_first_time_and_marking_unanswered_clears_it()
    {
        await using var room = await QuestionRoom.OpenAsync();
        var question = await room.AskAsync(Phone, "Answered twice?");
        var firstMark = room.Time.GetUtcNow().AddMinutes(3);

        room.Time.Advance(TimeSpan.FromMinutes(3));
        var marked = await room.ModerateAsync(question.Id, QuestionModeration.MarkAnswered);
        room.Time.Advance(TimeSpan.FromMinutes(5));
        var markedAgain = await room.ModerateAsync(question.Id, QuestionModeration.MarkAnswered);
        var unmarked = await room.ModerateAsync(question.Id, QuestionModeration.MarkUnanswered);

        Assert.Equal(firstMark, marked!.AnsweredAt);
        Assert.True(marked.Answered);
        Assert.Equal(firstMark, markedAgain!.AnsweredAt);
        Assert.Null(unmarked!.AnsweredAt);
        Assert.Null((await room.StoredAsync(question.Id))!.AnsweredAt);
    }

    [Fact]
    public async Task Moderating_a_question_that_is_not_there_or_in_an_unknown_session_is_refused()
    {
        await using var room = await QuestionRoom.OpenAsync();
        await room.AddSessionAsync("OTHERS");
        var elsewhere = await room.AskAsync(Phone, "In the other session", code: "OTHERS");

        await Refused.WithAsync("question-gone", () => room.ModerateAsync(elsewhere.Id, QuestionModeration.Hide));
        await Refused.WithAsync("question-gone", () => room.ModerateAsync(999, QuestionModeration.Approve));
        await Refused.WithAsync("question-gone", () => room.ModerateAsync(elsewhere.Id, (QuestionModeration)42));
        await Refused.WithAsync("unknown-session", () => room.Service.ModerateAsync("NOSUCH", elsewhere.Id, QuestionModeration.Hide, CancellationToken.None));
        Assert.Equal(QuestionStatus.Visible, (await room.Service.FindAsync("OTHERS", elsewhere.Id, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task A_clean_edit_of_a_shown_question_keeps_it_shown_with_the_new_text()
    {
        await using var room = await QuestionRoom.OpenAsync();
        var question = await room.AskAsync(Phone, "Teh licence?", "Ana");
        room.Notifier.Clear();

        var edited = await room.Service.EditAsync(QuestionRoom.Code, question.Id, "  The licence? ", CancellationToken.None);

        Assert.Equal("The licence?", edited.Text);
        Assert.Equal("Ana", edited.Author);
        Assert.Equal(QuestionStatus.Visible, edited.Status);
        Assert.Equal("The licence?", (await room.StoredAsync(question.Id))!.Text);
        Assert.Equal("The licence?", Assert.Single(room.Notifier.Changed).Text);
    }

    [Fact]
    public async Task An_edit_that_adds_an_identifier_holds_the_question_masked_and_ends_answering_it()
    {
        await using var room = await QuestionRoom.OpenAsync();
        var question = await room.AskAsync(Phone, "Where do I call?");
        await room.ModerateAsync(question.Id, QuestionModeration.AnswerNow);
        room.Notifier.Clear();

        var edited = await room.Service.EditAsync(QuestionRoom.Code, question.Id, "Call 07700 900123", CancellationToken.None);

        Assert.Equal(QuestionStatus.Held, edited.Status);
        Assert.Equal("Call [phone number ending …123]", edited.Text);
        Assert.True(QuestionService.IsHeldByGuard(edited.HeldReason));
        Assert.False(edited.AnsweringNow);
        Assert.Null((await room.StoredSessionAsync()).AnsweringQuestionId);
        Assert.Null(Assert.Single(room.Notifier.Settings).AnsweringQuestionId);
    }

    [Fact]
    public async Task A_clean_edit_of_a_held_question_keeps_it_held_until_approved_and_says_why()
    {
        await using var room = await QuestionRoom.OpenAsync();
        var held = await room.AskAsync(Phone, "Call 07700 900123");

        var edited = await room.Service.EditAsync(QuestionRoom.Code, held.Id, "Whom should I call?", CancellationToken.None);

        Assert.Equal(QuestionStatus.Held, edited.Status);
        Assert.Equal("Whom should I call?", edited.Text);
        Assert.Equal("Edited by the presenter: nothing was found in the new text. Approve it to show it to the room.", edited.HeldReason);
        Assert.False(QuestionService.IsHeldByGuard(edited.HeldReason));
    }

    [Fact]
    public async Task An_edit_checks_the_name_again_with_the_guard_of_now()
    {
        await using var room = await QuestionRoom.OpenAsync();
        var question = await room.AskAsync(Phone, "Clean text", "Mr Smith");
        Assert.Equal(QuestionStatus.Visible, question.Status);
        // The operator has since added the name to the held words (and restarted).
        var restarted = room.NewService(guard: Guard.WithWords("Smith"));

        var edited = await restarted.EditAsync(QuestionRoom.Code, question.Id, "Still clean", CancellationToken.None);

        Assert.Equal(QuestionStatus.Held, edited.Status);
        Assert.Equal("Still clean", edited.Text);
        Assert.True(QuestionService.IsHeldByGuard(edited.HeldReason));
    }

    [Fact]
    public async Task An_empty_or_too_long_edit_or_one_of_a_missing_question_is_refused_and_the_text_is_kept()
    {
        await using var room = await QuestionRoom.OpenAsync();
        var question = await room.AskAsync(Phone, "Original");

        await Refused.WithAsync("question-empty", () => room.Service.EditAsync(QuestionRoom.Code, question.Id, "  ", CancellationToken.None));
        var tooLong = await Refused.WithAsync("question-too-long", () => room.Service.EditAsync(QuestionRoom.Code, question.Id, new string('x', 501), CancellationToken.None));
        await Refused.WithAsync("question-gone", () => room.Service.EditAsync(QuestionRoom.Code, 999, "New", CancellationToken.None));
        await Refused.WithAsync("unknown-session", () => room.Service.EditAsync("NOSUCH", question.Id, "New", CancellationToken.None));
        var longest = await room.Service.EditAsync(QuestionRoom.Code, question.Id, new string('y', 500), CancellationToken.None);

        Assert.Contains("501", tooLong.Message, StringComparison.Ordinal);
        Assert.Equal(500, longest.Text.Length);
    }

    private static async Task<IReadOnlyList<long>> TopIdsAsync(QuestionRoom room) =>
        [.. (await room.Service.PageAsync(QuestionRoom.Code, QuestionOrder.Top, null, 50, false, CancellationToken.None)).Questions.Select(q => q.Id)];
}
