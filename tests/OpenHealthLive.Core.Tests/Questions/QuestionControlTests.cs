using OpenHealthLive.Core.Questions;
using OpenHealthLive.Core.Sessions;

namespace OpenHealthLive.Core.Tests.Questions;

/// <summary>The speaker's Q&amp;A controls at the Core service: closing questions, slow mode, blocking a phone.</summary>
public sealed class QuestionControlTests
{
    private const string Phone = "device-a";
    private const string OtherPhone = "device-b";

    [Fact]
    public async Task Closed_questions_refuse_a_new_question_but_count_votes_and_reopening_takes_questions_again()
    {
        await using var room = await QuestionRoom.OpenAsync();
        var earlier = await room.AskAsync(Phone, "Asked while open");

        var closed = await room.Service.SetQuestionsOpenAsync(QuestionRoom.Code, false, CancellationToken.None);
        var refusal = await Refused.WithAsync("questions-closed", () => room.AskAsync(OtherPhone, "Too late"));
        var voted = await room.VoteAsync(OtherPhone, earlier.Id);
        var reopened = await room.Service.SetQuestionsOpenAsync(QuestionRoom.Code, true, CancellationToken.None);
        var after = await room.AskAsync(OtherPhone, "Open again");

        Assert.False(closed.QuestionsOpen);
        Assert.Equal(QuestionService.QuestionsClosedMessage, refusal.Message);
        Assert.Equal(1, voted.Votes);
        Assert.True(reopened.QuestionsOpen);
        Assert.Equal("Open again", after.Text);
        Assert.Equal([false, true], room.Notifier.Settings.Select(s => s.QuestionsOpen));
        Assert.All(room.Notifier.All.OfType<RecordingQuestionNotifier.SettingsTold>(), s => Assert.Equal(!s.Settings.QuestionsOpen, s.Stored.QuestionsClosed));
    }

    [Fact]
    public async Task Slow_mode_refuses_a_phones_next_question_until_the_interval_has_passed_to_the_second()
    {
        await using var room = await QuestionRoom.OpenAsync();
        await room.Service.SetSlowModeAsync(QuestionRoom.Code, 30, CancellationToken.None);
        await room.AskAsync(Phone, "First");

        room.Time.Advance(TimeSpan.FromSeconds(10));
        var early = await Refused.WithAsync("slow-mode", () => room.AskAsync(Phone, "Second, early"));
        var otherPhone = await room.AskAsync(OtherPhone, "Another phone is not slowed by the first");
        room.Time.Advance(TimeSpan.FromSeconds(19.5));
        var almost = await Refused.WithAsync("slow-mode", () => room.AskAsync(Phone, "Second, almost"));
        room.Time.Advance(TimeSpan.FromSeconds(0.5));
        var onTime = await room.AskAsync(Phone, "Second, on time");

        Assert.Equal([30, 20], early.Arguments);
        Assert.Equal("Slow mode: one question every 30 seconds from each phone. You can ask again in 20 seconds.", early.Message);
        Assert.Equal([30, 1], almost.Arguments);
        Assert.EndsWith("You can ask again in 1 second.", almost.Message, StringComparison.Ordinal);
        Assert.Equal("Another phone is not slowed by the first", otherPhone.Text);
        Assert.Equal("Second, on time", onTime.Text);
    }

    [Theory]
    [InlineData(1, "one question every 1 second from each phone")]
    [InlineData(60, "one question every 1 minute from each phone")]
    [InlineData(90, "one question every 90 seconds from each phone")]
    [InlineData(120, "one question every 2 minutes from each phone")]
    [InlineData(600, "one question every 10 minutes from each phone")]
    public async Task Slow_mode_names_its_interval_as_people_say_it(int seconds, string expected)
    {
        await using var room = await QuestionRoom.OpenAsync();
        await room.Service.SetSlowModeAsync(QuestionRoom.Code, seconds, CancellationToken.None);
        await room.AskAsync(Phone, "First");

        var refusal = await Refused.WithAsync("slow-mode", () => room.AskAsync(Phone, "Second"));

        Assert.Contains(expected, refusal.Message, StringComparison.Ordinal);
        Assert.Equal([seconds, seconds], refusal.Arguments);
    }

    [Fact]
    public async Task Slow_mode_counts_from_the_phones_latest_question_and_turning_it_off_lifts_it()
    {
        await using var room = await QuestionRoom.OpenAsync();
        await room.AskAsync(Phone, "Before slow mode");
        room.Time.Advance(TimeSpan.FromSeconds(5));
        await room.Service.SetSlowModeAsync(QuestionRoom.Code, 60, CancellationToken.None);

        var refusal = await Refused.WithAsync("slow-mode", () => room.AskAsync(Phone, "Right after"));
        var off = await room.Service.SetSlowModeAsync(QuestionRoom.Code, 0, CancellationToken.None);
        var lifted = await room.AskAsync(Phone, "Slow mode off");

        Assert.Equal([60, 55], refusal.Arguments);
        Assert.Equal(0, off.SlowModeSeconds);
        Assert.Equal("Slow mode off", lifted.Text);
    }

    [Fact]
    public async Task Slow_mode_takes_0_to_600_seconds_and_refuses_anything_else()
    {
        await using var room = await QuestionRoom.OpenAsync();

        var longest = await room.Service.SetSlowModeAsync(QuestionRoom.Code, 600, CancellationToken.None);
        await Refused.WithAsync("bad-slow-mode", () => room.Service.SetSlowModeAsync(QuestionRoom.Code, 601, CancellationToken.None));
        await Refused.WithAsync("bad-slow-mode", () => room.Service.SetSlowModeAsync(QuestionRoom.Code, -1, CancellationToken.None));
        await Refused.WithAsync("unknown-session", () => room.Service.SetSlowModeAsync("NOSUCH", 10, CancellationToken.None));
        await Refused.WithAsync("unknown-session", () => room.Service.SetQuestionsOpenAsync("NOSUCH", false, CancellationToken.None));

        Assert.Equal(600, longest.SlowModeSeconds);
        Assert.Equal(600, (await room.StoredSessionAsync()).SlowModeSeconds);
    }

    [Fact]
    public async Task SinceLastQuestion_is_the_time_since_the_phones_latest_question_or_nothing()
    {
        await using var room = await QuestionRoom.OpenAsync();
        await room.AskAsync(Phone, "First");
        room.Time.Advance(TimeSpan.FromSeconds(40));
        await room.AskAsync(Phone, "Second");
        room.Time.Advance(TimeSpan.FromSeconds(7));

        var asked = await room.Service.ForDeviceAsync(QuestionRoom.Code, Phone, CancellationToken.None);
        var never = await room.Service.ForDeviceAsync(QuestionRoom.Code, OtherPhone, CancellationToken.None);

        Assert.Equal(TimeSpan.FromSeconds(7), room.Service.SinceLastQuestion(asked));
        Assert.Null(room.Service.SinceLastQuestion(never));
        Assert.Equal(["First", "Second"], asked.Own.Select(q => q.Text));
    }

    [Fact]
    public async Task Blocking_a_phone_hides_all_it_asked_and_refuses_its_questions_and_votes_while_others_go_on()
    {
        await using var room = await QuestionRoom.OpenAsync();
        var first = await room.AskAsync(Phone, "First");
        var held = await room.AskAsync(Phone, "Call 07700 900123");
        var fromOther = await room.AskAsync(OtherPhone, "From another phone");
        room.Notifier.Clear();

        var blocked = await room.Service.BlockDeviceAsync(QuestionRoom.Code, first.Id, CancellationToken.None);

        var block = Assert.Single(blocked);
        Assert.Equal(2, block.Questions);
        Assert.Equal("Call [phone number ending …123]", block.LastQuestion);
        Assert.Equal(room.Time.GetUtcNow(), block.BlockedAt);
        Assert.Equal(QuestionStatus.Hidden, (QuestionStatus)(await room.StoredAsync(first.Id))!.Status);
        Assert.Equal(QuestionStatus.Hidden, (QuestionStatus)(await room.StoredAsync(held.Id))!.Status);
        Assert.Equal([first.Id, held.Id], room.Notifier.Changed.Select(q => q.Id).Order());
        Assert.Equal(blocked, Assert.Single(room.Notifier.Blocked));
        await Assert.ThrowsAsync<DeviceBlockedException>(() => room.AskAsync(Phone, "Still here"));
        await Assert.ThrowsAsync<DeviceBlockedException>(() => room.VoteAsync(Phone, fromOther.Id));
        Assert.Equal(1, (await room.VoteAsync(OtherPhone, fromOther.Id)).Votes);
        Assert.Equal("Another still asks", (await room.AskAsync(OtherPhone, "Another still asks")).Text);
    }

    [Fact]
    public async Task A_blocked_phone_meets_the_refusals_every_phone_meets_before_its_block()
    {
        await using var room = await QuestionRoom.OpenAsync();
        var question = await room.AskAsync(Phone, "First");
        await room.Service.BlockDeviceAsync(QuestionRoom.Code, question.Id, CancellationToken.None);

        await room.Service.SetQuestionsOpenAsync(QuestionRoom.Code, false, CancellationToken.None);
        await Refused.WithAsync("questions-closed", () => room.AskAsync(Phone, "While closed"));
        await Refused.WithAsync("question-gone", () => room.VoteAsync(Phone, question.Id));
        await Refused.WithAsync("bad-client-id", () => room.Service.AskAsync(QuestionRoom.Code, Phone, "bad id", "x", null, CancellationToken.None));
    }

    [Fact]
    public async Task Blocking_the_same_phone_twice_keeps_one_block_and_unblocking_lets_it_write_with_its_questions_still_hidden()
    {
        await using var room = await QuestionRoom.OpenAsync();
        var first = await room.AskAsync(Phone, "First");
        var second = await room.AskAsync(Phone, "Second");

        await room.Service.BlockDeviceAsync(QuestionRoom.Code, first.Id, CancellationToken.None);
        var twice = await room.Service.BlockDeviceAsync(QuestionRoom.Code, second.Id, CancellationToken.None);
        Assert.Equal(1, await room.StoredBlocksAsync());
        var left = await room.Service.UnblockDeviceAsync(QuestionRoom.Code, Assert.Single(twice).Id, CancellationToken.None);
        var after = await room.AskAsync(Phone, "Back");

        Assert.Equal(0, await room.StoredBlocksAsync());
        Assert.Empty(left);
        Assert.Empty(room.Notifier.Blocked[^1]);
        Assert.Equal(QuestionStatus.Visible, after.Status);
        Assert.Equal(QuestionStatus.Hidden, (await room.Service.FindAsync(QuestionRoom.Code, first.Id, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task Unblocking_a_block_that_is_not_there_or_blocking_behind_a_missing_question_is_refused()
    {
        await using var room = await QuestionRoom.OpenAsync();
        await room.AddSessionAsync("OTHERS");
        var elsewhere = await room.AskAsync(Phone, "Elsewhere", code: "OTHERS");
        var blocks = await room.Service.BlockDeviceAsync("OTHERS", elsewhere.Id, CancellationToken.None);

        await Refused.WithAsync("not-blocked", () => room.Service.UnblockDeviceAsync(QuestionRoom.Code, Assert.Single(blocks).Id, CancellationToken.None));
        await Refused.WithAsync("question-gone", () => room.Service.BlockDeviceAsync(QuestionRoom.Code, elsewhere.Id, CancellationToken.None));
        await Refused.WithAsync("unknown-session", () => room.Service.BlockDeviceAsync("NOSUCH", elsewhere.Id, CancellationToken.None));

        Assert.Equal(1, await room.StoredBlocksAsync("OTHERS"));
        Assert.Equal(0, await room.StoredBlocksAsync());
    }

    [Fact]
    public async Task Blocking_the_phone_whose_question_is_being_answered_ends_answering()
    {
        await using var room = await QuestionRoom.OpenAsync();
        var question = await room.AskAsync(Phone, "Answer me");
        await room.ModerateAsync(question.Id, QuestionModeration.AnswerNow);
        room.Notifier.Clear();

        await room.Service.BlockDeviceAsync(QuestionRoom.Code, question.Id, CancellationToken.None);

        Assert.Null((await room.StoredSessionAsync()).AnsweringQuestionId);
        Assert.Null(Assert.Single(room.Notifier.Settings).AnsweringQuestionId);
        Assert.False(Assert.Single(room.Notifier.Changed).AnsweringNow);
    }

    [Fact]
    public async Task On_several_nodes_a_block_made_on_one_reaches_the_other_within_its_cache_lifetime()
    {
        var cluster = new NodeTopology(true, "node-a") { CacheLifetime = TimeSpan.FromSeconds(1) };
        await using var room = await QuestionRoom.OpenAsync(topology: cluster);
        var nodeB = room.NewService(new NodeTopology(true, "node-b") { CacheLifetime = TimeSpan.FromSeconds(1) });
        var question = await room.AskAsync(Phone, "First");
        var other = await room.AskAsync(OtherPhone, "Other");
        Assert.Equal(1, (await nodeB.SetVoteAsync(QuestionRoom.Code, Phone, other.Id, true, CancellationToken.None)).Votes);

        await room.Service.BlockDeviceAsync(QuestionRoom.Code, question.Id, CancellationToken.None);
        room.Time.Advance(TimeSpan.FromMilliseconds(999));
        var stillAllowed = await nodeB.SetVoteAsync(QuestionRoom.Code, Phone, other.Id, false, CancellationToken.None);
        room.Time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal(0, stillAllowed.Votes);
        await Assert.ThrowsAsync<DeviceBlockedException>(() => nodeB.SetVoteAsync(QuestionRoom.Code, Phone, other.Id, true, CancellationToken.None));
        // Questions are checked against the database itself, on the writer: refused on either node at once.
        await Assert.ThrowsAsync<DeviceBlockedException>(() => nodeB.AskAsync(QuestionRoom.Code, Phone, "client-b", "From node B", null, CancellationToken.None));
    }

    [Fact]
    public async Task On_several_nodes_settings_changed_on_one_reach_the_other_when_its_copy_is_a_second_old()
    {
        await using var room = await QuestionRoom.OpenAsync(topology: new NodeTopology(true, "node-a") { CacheLifetime = TimeSpan.FromSeconds(1) });
        var nodeB = room.NewService(new NodeTopology(true, "node-b") { CacheLifetime = TimeSpan.FromSeconds(1) });
        Assert.False((await nodeB.SettingsAsync(QuestionRoom.Code, CancellationToken.None)).PreModeration);

        await room.Service.SetPreModerationAsync(QuestionRoom.Code, true, CancellationToken.None);
        room.Time.Advance(TimeSpan.FromMilliseconds(999));
        var beforeLifetime = await nodeB.SettingsAsync(QuestionRoom.Code, CancellationToken.None);
        room.Time.Advance(TimeSpan.FromMilliseconds(1));
        var afterLifetime = await nodeB.SettingsAsync(QuestionRoom.Code, CancellationToken.None);

        Assert.False(beforeLifetime.PreModeration);
        Assert.True(afterLifetime.PreModeration);
    }

    [Fact]
    public async Task On_one_node_the_settings_are_read_once_and_kept()
    {
        await using var room = await QuestionRoom.OpenAsync();
        var other = room.NewService();
        Assert.False((await other.SettingsAsync(QuestionRoom.Code, CancellationToken.None)).PreModeration);

        await room.Service.SetPreModerationAsync(QuestionRoom.Code, true, CancellationToken.None);
        room.Time.Advance(TimeSpan.FromDays(1));

        // One node has one service: a second instance keeps what it read (no database read per post).
        Assert.False((await other.SettingsAsync(QuestionRoom.Code, CancellationToken.None)).PreModeration);
        Assert.True((await room.Service.SettingsAsync(QuestionRoom.Code, CancellationToken.None)).PreModeration);
    }
}
