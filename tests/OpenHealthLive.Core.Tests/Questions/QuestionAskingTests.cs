using OpenHealthLive.Core.Questions;

namespace OpenHealthLive.Core.Tests.Questions;

/// <summary>A phone asks a question: what is stored, what is refused, and the caps, at the Core service.</summary>
public sealed class QuestionAskingTests
{
    private const string Phone = "device-hash-a";
    private const string OtherPhone = "device-hash-b";

    [Fact]
    public async Task A_question_is_stored_visible_with_its_name_and_the_room_is_told_only_after_it_is_committed()
    {
        await using var room = await QuestionRoom.OpenAsync();

        var result = await room.Service.AskAsync(QuestionRoom.Code, Phone, "client-1", "  What licence   does it use? ", " Ana ", CancellationToken.None);

        Assert.False(result.WasDuplicate);
        var question = result.Question;
        Assert.Equal("What licence does it use?", question.Text);
        Assert.Equal("Ana", question.Author);
        Assert.Equal(QuestionStatus.Visible, question.Status);
        Assert.Null(question.HeldReason);
        Assert.Equal(0, question.Votes);
        Assert.Equal(new DateTimeOffset(2026, 5, 12, 14, 0, 0, TimeSpan.Zero), question.CreatedAt);
        var stored = await room.StoredAsync(question.Id);
        Assert.NotNull(stored);
        Assert.Equal(Phone, stored.DeviceHash);
        Assert.Equal("client-1", stored.ClientId);
        Assert.Equal("What licence does it use?", stored.Text);
        var told = Assert.IsType<RecordingQuestionNotifier.ChangedTold>(Assert.Single(room.Notifier.All));
        Assert.Equal(question, told.Question);
        Assert.NotNull(told.Stored);
    }

    [Fact]
    public async Task Sending_the_same_post_again_returns_the_first_one_without_telling_the_room_twice()
    {
        await using var room = await QuestionRoom.OpenAsync();

        var first = await room.Service.AskAsync(QuestionRoom.Code, Phone, "same-client", "Is it audited?", null, CancellationToken.None);
        var again = await room.Service.AskAsync(QuestionRoom.Code, Phone, "same-client", "Is it audited? (edited)", null, CancellationToken.None);
        var otherPhone = await room.Service.AskAsync(QuestionRoom.Code, OtherPhone, "same-client", "Is it audited?", null, CancellationToken.None);

        Assert.True(again.WasDuplicate);
        Assert.Equal(first.Question.Id, again.Question.Id);
        Assert.Equal("Is it audited?", again.Question.Text);
        Assert.False(otherPhone.WasDuplicate);
        Assert.NotEqual(first.Question.Id, otherPhone.Question.Id);
        Assert.Equal([first.Question.Id, otherPhone.Question.Id], room.Notifier.Changed.Select(q => q.Id));
    }

    [Fact]
    public async Task A_retry_of_an_accepted_post_is_answered_even_once_the_phone_has_reached_its_cap()
    {
        await using var room = await QuestionRoom.OpenAsync(new QuestionLimits { MaxPerDevice = 1 });

        var first = await room.Service.AskAsync(QuestionRoom.Code, Phone, "only-one", "First", null, CancellationToken.None);
        var retry = await room.Service.AskAsync(QuestionRoom.Code, Phone, "only-one", "First", null, CancellationToken.None);

        Assert.True(retry.WasDuplicate);
        Assert.Equal(first.Question.Id, retry.Question.Id);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\n\n\r\n")]
    [InlineData("\u200B\u200B")]
    public async Task An_empty_question_is_refused(string text)
    {
        await using var room = await QuestionRoom.OpenAsync();

        await Refused.WithAsync("question-empty", () => room.AskAsync(Phone, text));

        Assert.Empty(room.Notifier.All);
    }

    [Fact]
    public async Task A_question_of_500_characters_is_taken_and_one_of_501_is_refused_with_both_lengths()
    {
        await using var room = await QuestionRoom.OpenAsync();

        var longest = await room.AskAsync(Phone, new string('a', 500));
        var refusal = await Refused.WithAsync("question-too-long", () => room.AskAsync(Phone, new string('b', 501)));

        Assert.Equal(500, longest.Text.Length);
        Assert.Equal([500, 501], refusal.Arguments);
        Assert.Contains("501", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_name_of_40_characters_is_taken_and_one_of_41_is_refused()
    {
        await using var room = await QuestionRoom.OpenAsync();

        var named = await room.AskAsync(Phone, "Who maintains it?", new string('n', 40));
        var refusal = await Refused.WithAsync("name-too-long", () => room.AskAsync(Phone, "Who maintains it?", new string('n', 41)));

        Assert.Equal(new string('n', 40), named.Author);
        Assert.Equal([40], refusal.Arguments);
    }

    [Fact]
    public async Task A_blank_name_is_stored_as_no_name()
    {
        await using var room = await QuestionRoom.OpenAsync();

        var question = await room.AskAsync(Phone, "Who maintains it?", "   ");

        Assert.Null(question.Author);
        Assert.Null((await room.StoredAsync(question.Id))!.Author);
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("dot.ted")]
    [InlineData("ünïcode")]
    [InlineData("slash/")]
    public async Task A_post_without_a_valid_client_id_is_refused(string clientId)
    {
        await using var room = await QuestionRoom.OpenAsync();

        await Refused.WithAsync("bad-client-id", () => room.Service.AskAsync(QuestionRoom.Code, Phone, clientId, "Fine question", null, CancellationToken.None));
    }

    [Fact]
    public async Task A_client_id_of_64_letters_digits_dashes_and_underscores_is_taken_and_one_of_65_is_refused()
    {
        await using var room = await QuestionRoom.OpenAsync();
        var longest = "Ab9-_" + new string('x', 59);

        var taken = await room.Service.AskAsync(QuestionRoom.Code, Phone, longest, "Fine question", null, CancellationToken.None);
        await Refused.WithAsync("bad-client-id", () => room.Service.AskAsync(QuestionRoom.Code, Phone, longest + "y", "Fine question", null, CancellationToken.None));

        Assert.Equal(longest, (await room.StoredAsync(taken.Question.Id))!.ClientId);
    }

    [Fact]
    public async Task A_phone_may_ask_as_many_questions_as_its_cap_and_the_next_is_refused_while_another_phone_may_still_ask()
    {
        await using var room = await QuestionRoom.OpenAsync(new QuestionLimits { MaxPerDevice = 3 });

        for (var i = 1; i <= 3; i++)
        {
            await room.AskAsync(Phone, $"Question {i}");
        }

        var refusal = await Refused.WithAsync("phone-question-limit", () => room.AskAsync(Phone, "Question 4"));
        var other = await room.AskAsync(OtherPhone, "From another phone");

        Assert.Equal([3], refusal.Arguments);
        Assert.Equal(QuestionStatus.Visible, other.Status);
        Assert.Equal(4, (await room.Service.CountAsync(QuestionRoom.Code, CancellationToken.None)).Total);
    }

    [Fact]
    public async Task A_talk_takes_as_many_questions_as_its_cap_from_all_phones_and_a_deleted_one_frees_a_place()
    {
        await using var room = await QuestionRoom.OpenAsync(new QuestionLimits { MaxPerSession = 4 });

        var first = await room.AskAsync("phone-1", "One");
        await room.AskAsync("phone-2", "Two");
        await room.AskAsync("phone-3", "Three");
        await room.AskAsync("phone-1", "Four");
        var refusal = await Refused.WithAsync("talk-question-limit", () => room.AskAsync("phone-4", "Five"));
        await room.ModerateAsync(first.Id, QuestionModeration.Delete);
        var afterDelete = await room.AskAsync("phone-4", "Five, again");

        Assert.Equal([4], refusal.Arguments);
        Assert.Equal("Five, again", afterDelete.Text);
    }

    [Fact]
    public async Task Hidden_and_held_questions_count_against_the_phones_cap()
    {
        await using var room = await QuestionRoom.OpenAsync(new QuestionLimits { MaxPerDevice = 2 });

        var hidden = await room.AskAsync(Phone, "To be hidden");
        await room.ModerateAsync(hidden.Id, QuestionModeration.Hide);
        var held = await room.AskAsync(Phone, "Call me on 07700 900123");

        Assert.Equal(QuestionStatus.Held, held.Status);
        await Refused.WithAsync("phone-question-limit", () => room.AskAsync(Phone, "Third"));
    }

    [Fact]
    public async Task An_ended_talk_takes_no_question_and_an_unknown_session_says_so()
    {
        await using var room = await QuestionRoom.OpenAsync();
        await room.EndTalkAsync();

        await Refused.WithAsync("talk-ended", () => room.AskAsync(Phone, "Too late?"));
        await Refused.WithAsync("unknown-session", () => room.AskAsync(Phone, "Anyone?", code: "NOSUCH"));
        Assert.Empty(room.Notifier.All);
    }

    [Fact]
    public async Task A_question_naming_a_patient_identifier_is_held_with_the_identifier_masked_and_the_guards_reason()
    {
        await using var room = await QuestionRoom.OpenAsync();

        var question = await room.AskAsync(Phone, "Call 07700 900123 tonight");

        Assert.Equal(QuestionStatus.Held, question.Status);
        Assert.Equal("Call [phone number ending …123] tonight", question.Text);
        Assert.StartsWith("Held for the presenter: it looks like it contains ", question.HeldReason, StringComparison.Ordinal);
        Assert.EndsWith(".", question.HeldReason, StringComparison.Ordinal);
        Assert.True(QuestionService.IsHeldByGuard(question.HeldReason));
        var stored = await room.StoredAsync(question.Id);
        Assert.DoesNotContain("900123", stored!.Text, StringComparison.Ordinal);
        Assert.Empty(await room.Service.ListAsync(QuestionRoom.Code, includeModerated: false, CancellationToken.None));
        Assert.Single(await room.Service.ListAsync(QuestionRoom.Code, includeModerated: true, CancellationToken.None));
    }

    [Fact]
    public async Task An_identifier_in_the_name_alone_holds_the_question_and_is_masked_in_the_stored_name()
    {
        await using var room = await QuestionRoom.OpenAsync();

        var question = await room.AskAsync(Phone, "Is the code reviewed?", "Dr 07700 900123");

        Assert.Equal(QuestionStatus.Held, question.Status);
        Assert.Equal("Dr [phone number ending …123]", question.Author);
        Assert.Equal("Dr [phone number ending …123]", (await room.StoredAsync(question.Id))!.Author);
    }

    [Fact]
    public async Task A_masked_question_longer_than_the_column_is_cut_visibly_to_500_characters()
    {
        await using var room = await QuestionRoom.OpenAsync();
        // 30 numbers of 12 characters with " or " between them: 476 typed; each number is masked into 26 characters.
        var text = string.Join(" or ", Enumerable.Repeat("07700 900123", 30)) + " " + new string('q', 23);
        Assert.Equal(500, text.Length);

        var question = await room.AskAsync(Phone, text);

        Assert.Equal(500, question.Text.Length);
        Assert.EndsWith("…", question.Text, StringComparison.Ordinal);
        Assert.StartsWith("[phone number ending …123] or [phone number ending …123]", question.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Under_pre_moderation_every_question_is_held_with_the_pre_moderation_reason_not_the_guards()
    {
        await using var room = await QuestionRoom.OpenAsync();
        await room.Service.SetPreModerationAsync(QuestionRoom.Code, true, CancellationToken.None);

        var question = await room.AskAsync(Phone, "A clean question");

        Assert.Equal(QuestionStatus.Held, question.Status);
        Assert.Equal("Held for the presenter: every question is reviewed before it is shown.", question.HeldReason);
        Assert.False(QuestionService.IsHeldByGuard(question.HeldReason));
    }

    [Fact]
    public async Task Turning_pre_moderation_off_lets_new_questions_through_and_leaves_held_ones_held()
    {
        await using var room = await QuestionRoom.OpenAsync();
        await room.Service.SetPreModerationAsync(QuestionRoom.Code, true, CancellationToken.None);
        var held = await room.AskAsync(Phone, "Asked while reviewed");

        var settings = await room.Service.SetPreModerationAsync(QuestionRoom.Code, false, CancellationToken.None);
        var after = await room.AskAsync(Phone, "Asked after");

        Assert.False(settings.PreModeration);
        Assert.Equal(QuestionStatus.Visible, after.Status);
        Assert.Equal(QuestionStatus.Held, (await room.Service.FindAsync(QuestionRoom.Code, held.Id, CancellationToken.None))!.Status);
        Assert.Equal([true, false], room.Notifier.Settings.Select(s => s.PreModeration));
        Assert.All(room.Notifier.All.OfType<RecordingQuestionNotifier.SettingsTold>(), s => Assert.Equal(s.Settings.PreModeration, s.Stored.PreModeration));
    }

    [Fact]
    public async Task Pre_moderation_of_an_unknown_session_is_refused()
    {
        await using var room = await QuestionRoom.OpenAsync();

        await Refused.WithAsync("unknown-session", () => room.Service.SetPreModerationAsync("NOSUCH", true, CancellationToken.None));
        await Refused.WithAsync("unknown-session", () => room.Service.SettingsAsync("NOSUCH", CancellationToken.None));
    }

    [Fact]
    public void IsHeldByGuard_tells_the_guards_hold_from_others()
    {
        Assert.False(QuestionService.IsHeldByGuard(null));
        Assert.False(QuestionService.IsHeldByGuard("held for the presenter: it looks like it contains x"));
        Assert.True(QuestionService.IsHeldByGuard("Held for the presenter: it looks like it contains a phone number."));
    }
}
