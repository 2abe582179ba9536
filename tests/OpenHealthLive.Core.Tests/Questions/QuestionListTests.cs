using OpenHealthLive.Core.Questions;

namespace OpenHealthLive.Core.Tests.Questions;

/// <summary>Reading the questions a page at a time, in each order, as phones and the presenter do.</summary>
public sealed class QuestionListTests
{
    [Fact]
    public async Task Top_order_is_pinned_first_then_most_votes_then_oldest_and_paging_walks_it_without_gap_or_repeat()
    {
        await using var room = await QuestionRoom.OpenAsync();
        var q = await AskAsync(room, 7);
        await VotesAsync(room, q[1], 3);
        await VotesAsync(room, q[2], 1);
        await VotesAsync(room, q[4], 3);
        await VotesAsync(room, q[6], 1);
        await room.ModerateAsync(q[5], QuestionModeration.Pin);
        await room.ModerateAsync(q[3], QuestionModeration.Hide);

        // Pinned q5; then 3 votes: q1, q4; 1 vote: q2, q6; 0 votes: q0 (q3 hidden from phones).
        long[] expected = [q[5], q[1], q[4], q[2], q[6], q[0]];
        Assert.Equal(expected, await WalkAsync(room, QuestionOrder.Top, pageSize: 2, includeModerated: false));
        Assert.Equal(expected, await WalkAsync(room, QuestionOrder.Top, pageSize: 1, includeModerated: false));
        Assert.Equal(expected, await WalkAsync(room, QuestionOrder.Top, pageSize: 50, includeModerated: false));
    }

    [Fact]
    public async Task Newest_order_is_pinned_first_then_newest_and_paging_walks_it()
    {
        await using var room = await QuestionRoom.OpenAsync();
        var q = await AskAsync(room, 5);
        await room.ModerateAsync(q[1], QuestionModeration.Pin);
        await VotesAsync(room, q[0], 4);

        long[] expected = [q[1], q[4], q[3], q[2], q[0]];
        Assert.Equal(expected, await WalkAsync(room, QuestionOrder.Newest, pageSize: 2, includeModerated: false));
        Assert.Equal(expected, await WalkAsync(room, QuestionOrder.Newest, pageSize: 50, includeModerated: false));
    }

    [Fact]
    public async Task The_moderators_order_puts_held_questions_first_then_pinned_then_votes_and_shows_hidden_ones()
    {
        await using var room = await QuestionRoom.OpenAsync();
        var q = await AskAsync(room, 6);
        var held = await room.AskAsync("device-held", "Call 07700 900123");
        await VotesAsync(room, q[2], 2);
        await VotesAsync(room, q[3], 1);
        await room.ModerateAsync(q[4], QuestionModeration.Pin);
        await room.ModerateAsync(q[0], QuestionModeration.Hide);

        long[] expected = [held.Id, q[4], q[2], q[3], q[0], q[1], q[5]];
        Assert.Equal(expected, await WalkAsync(room, QuestionOrder.HeldFirst, pageSize: 3, includeModerated: true));
        Assert.Equal(expected, await WalkAsync(room, QuestionOrder.HeldFirst, pageSize: 1, includeModerated: true));
        Assert.Equal([q[4], q[2], q[3], q[1], q[5]], await WalkAsync(room, QuestionOrder.HeldFirst, pageSize: 2, includeModerated: false));
    }

    [Fact]
    public async Task A_page_that_ends_the_list_has_no_next_cursor_and_one_that_does_not_has_one()
    {
        await using var room = await QuestionRoom.OpenAsync();
        await AskAsync(room, 4);

        var full = await room.Service.PageAsync(QuestionRoom.Code, QuestionOrder.Top, null, 4, false, CancellationToken.None);
        var partial = await room.Service.PageAsync(QuestionRoom.Code, QuestionOrder.Top, null, 3, false, CancellationToken.None);

        Assert.Equal(4, full.Questions.Count);
        Assert.Null(full.Next);
        Assert.Equal(3, partial.Questions.Count);
        Assert.NotNull(partial.Next);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("n.0.0.0.1")]
    [InlineData("t.2.0.0.1")]
    [InlineData("t.0.0.-1.1")]
    [InlineData("t.0.0.0")]
    [InlineData("t.0.0.0.1.2")]
    [InlineData("t.0.0.0.x")]
    [InlineData("")]
    public async Task A_cursor_that_the_order_did_not_make_is_refused(string cursor)
    {
        await using var room = await QuestionRoom.OpenAsync();
        await AskAsync(room, 2);

        var refusal = await Refused.WithAsync("bad-position", () => room.Service.PageAsync(QuestionRoom.Code, QuestionOrder.Top, cursor, 10, false, CancellationToken.None));

        Assert.Equal("That position in the list is not valid. Reload the questions.", refusal.Message);
    }

    [Fact]
    public async Task A_cursor_longer_than_64_characters_is_refused()
    {
        await using var room = await QuestionRoom.OpenAsync();
        var longest = "t.0.0.0." + new string('0', 55) + "1";
        var tooLong = "t.0.0.0." + new string('0', 56) + "1";
        Assert.Equal(64, longest.Length);

        var page = await room.Service.PageAsync(QuestionRoom.Code, QuestionOrder.Top, longest, 10, false, CancellationToken.None);
        await Refused.WithAsync("bad-position", () => room.Service.PageAsync(QuestionRoom.Code, QuestionOrder.Top, tooLong, 10, false, CancellationToken.None));

        Assert.Empty(page.Questions);
    }

    [Fact]
    public async Task Counts_and_a_phones_own_questions_cover_every_status()
    {
        await using var room = await QuestionRoom.OpenAsync();
        var visible = await room.AskAsync("device-a", "Visible");
        var held = await room.AskAsync("device-a", "Call 07700 900123");
        var hidden = await room.AskAsync("device-b", "Hidden");
        await room.ModerateAsync(hidden.Id, QuestionModeration.Hide);
        await room.VoteAsync("device-a", visible.Id);
        await room.VoteAsync("device-a", visible.Id, up: false);

        var counts = await room.Service.CountAsync(QuestionRoom.Code, CancellationToken.None);
        var own = await room.Service.ForDeviceAsync(QuestionRoom.Code, "device-a", CancellationToken.None);

        Assert.Equal(new QuestionCounts(1, 1, 1), counts);
        Assert.Equal(3, counts.Total);
        Assert.Equal([(visible.Id, QuestionStatus.Visible), (held.Id, QuestionStatus.Held)], own.Own.Select(q => (q.Id, q.Status)));
        Assert.Empty(own.VotedQuestionIds);
    }

    private static async Task<long[]> AskAsync(QuestionRoom room, int count)
    {
        var ids = new long[count];
        for (var i = 0; i < count; i++)
        {
            ids[i] = (await room.AskAsync($"device-{i}", $"Question {i}")).Id;
        }

        return ids;
    }

    private static async Task VotesAsync(QuestionRoom room, long questionId, int votes)
    {
        for (var i = 0; i < votes; i++)
        {
            await room.VoteAsync($"voter-{i}", questionId);
        }
    }

    private static async Task<long[]> WalkAsync(QuestionRoom room, QuestionOrder order, int pageSize, bool includeModerated)
    {
        var ids = new List<long>();
        string? after = null;
        for (var pages = 0; pages < 100; pages++)
        {
            var page = await room.Service.PageAsync(QuestionRoom.Code, order, after, pageSize, includeModerated, CancellationToken.None);
            Assert.True(page.Questions.Count <= pageSize);
            ids.AddRange(page.Questions.Select(q => q.Id));
            if (page.Next is null)
            {
                return [.. ids];
            }

            after = page.Next;
        }

        throw new InvalidOperationException("The pages never ended.");
    }
}
