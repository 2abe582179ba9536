using Microsoft.EntityFrameworkCore;
using OpenHealthLive.Core.Polls;
using OpenHealthLive.Core.Refusals;
using OpenHealthLive.Core.Storage;
using OpenHealthLive.Core.Tests.Infrastructure;

namespace OpenHealthLive.Core.Tests.Polls;

/// <summary>
/// What the one writer knows of a poll to decide a vote without a query: open or not, the round, and each device's
/// vote in that round; read once, until forgotten.
/// </summary>
public sealed class VoteBookTests : IAsyncLifetime, IDisposable
{
    private const string Code = "ABCDEF";
    private static readonly DateTimeOffset At = new(2026, 3, 14, 9, 30, 0, TimeSpan.Zero);

    private readonly TempDirectory _temp = new();
    private readonly SqliteDbContextFactory _dbFactory;

    public VoteBookTests() => _dbFactory = new SqliteDbContextFactory(_temp.Combine("data"));

    public async Task InitializeAsync()
    {
        await using var db = _dbFactory.CreateDbContext();
        await SqliteStorage.MigrateAsync(db, CancellationToken.None);
        db.Sessions.Add(new LiveSessionRecord { Code = Code, DeckSlug = "talk" });
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_poll_with_no_state_is_closed_in_round_0_with_no_votes()
    {
        var book = new VoteBook(Code, "colour");
        await using var db = _dbFactory.CreateDbContext();

        await book.EnsureLoadedAsync(db, CancellationToken.None);

        Assert.False(book.IsOpen);
        Assert.Equal(0, book.Round);
        Assert.Null(book.VoteOf("d1"));
    }

    [Fact]
    public async Task An_open_poll_knows_the_votes_of_its_current_round_only()
    {
        await SetStateAsync("colour", open: true, round: 2);
        await AddVoteAsync("colour", 1, "d1", "old", "{\"option\":0}");
        await AddVoteAsync("colour", 2, "d2", "now", "{\"option\":1}", updated: At.AddMinutes(3));
        await AddVoteAsync("other", 2, "d3", "elsewhere", "{\"option\":2}");
        await AddVoteAsync("colour", 2, "d4", "other-talk", "{\"option\":2}", session: "GHJKMN");
        var book = new VoteBook(Code, "colour");
        await using var db = _dbFactory.CreateDbContext();

        await book.EnsureLoadedAsync(db, CancellationToken.None);

        Assert.True(book.IsOpen);
        Assert.Equal(2, book.Round);
        Assert.Null(book.VoteOf("d1"));
        Assert.Null(book.VoteOf("d3"));
        Assert.Null(book.VoteOf("d4"));
        var vote = book.VoteOf("d2");
        Assert.NotNull(vote);
        Assert.Equal((Code, "colour", 2, "d2", "now", "{\"option\":1}", At, At.AddMinutes(3)),
            (vote.SessionCode, vote.PollId, vote.Round, vote.DeviceHash, vote.ClientId, vote.Answer, vote.CreatedAt, vote.UpdatedAt));
    }

    [Fact]
    public async Task A_closed_poll_is_known_closed_in_its_round()
    {
        await SetStateAsync("colour", open: false, round: 4);
        await AddVoteAsync("colour", 4, "d1", "a", "{\"option\":0}");
        var book = new VoteBook(Code, "colour");
        await using var db = _dbFactory.CreateDbContext();

        await book.EnsureLoadedAsync(db, CancellationToken.None);

        Assert.False(book.IsOpen);
        Assert.Equal(4, book.Round);
    }

    [Fact]
    public async Task The_book_is_read_once_and_again_only_after_it_is_forgotten()
    {
        await SetStateAsync("colour", open: true, round: 0);
        var book = new VoteBook(Code, "colour");
        await using (var db = _dbFactory.CreateDbContext())
        {
            await book.EnsureLoadedAsync(db, CancellationToken.None);
        }

        await AddVoteAsync("colour", 0, "d1", "a", "{\"option\":0}");
        await SetStateAsync("colour", open: true, round: 1);
        await using (var db = _dbFactory.CreateDbContext())
        {
            await book.EnsureLoadedAsync(db, CancellationToken.None);
        }

        Assert.Null(book.VoteOf("d1"));
        Assert.Equal(0, book.Round);

        book.Forget();
        Assert.Null(book.VoteOf("d1"));
        await SetStateAsync("colour", open: true, round: 0);
        await using (var db = _dbFactory.CreateDbContext())
        {
            await book.EnsureLoadedAsync(db, CancellationToken.None);
        }

        Assert.Equal("a", book.VoteOf("d1")?.ClientId);
    }

    [Fact]
    public async Task A_vote_added_is_known_at_once_and_saved_with_the_group()
    {
        await SetStateAsync("colour", open: true, round: 0);
        var book = new VoteBook(Code, "colour");
        var pending = new PendingVotes();
        await using var db = _dbFactory.CreateDbContext();
        await book.EnsureLoadedAsync(db, CancellationToken.None);

        book.Add(pending, new VoteRow(Code, "colour", 0, "d1", "a", "{\"option\":2}", At));

        Assert.Equal("{\"option\":2}", book.VoteOf("d1")?.Answer);
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await pending.SaveAsync(db, CancellationToken.None);
            await transaction.CommitAsync();
        }

        Assert.Equal(1, await db.PollVotes.CountAsync(v => v.DeviceHash == "d1"));
    }

    [Fact]
    public async Task The_end_of_the_talk_is_asked_once_per_transaction_and_again_after_forgetting()
    {
        var book = new VoteBook(Code, "colour");
        await using var first = _dbFactory.CreateDbContext();
        await book.ThrowIfTalkEndedAsync(first, CancellationToken.None);

        await EndTalkAsync();

        // The same transaction sees the same snapshot: no need to ask again.
        await book.ThrowIfTalkEndedAsync(first, CancellationToken.None);
        await using var second = _dbFactory.CreateDbContext();
        var refused = await Assert.ThrowsAsync<RequestRefusedException>(() => book.ThrowIfTalkEndedAsync(second, CancellationToken.None));
        Assert.Equal(RefusalCodes.TalkEnded, refused.Code);

        book.Forget();
        await Assert.ThrowsAsync<RequestRefusedException>(() => book.ThrowIfTalkEndedAsync(first, CancellationToken.None));
    }

    private async Task SetStateAsync(string pollId, bool open, int round)
    {
        await using var db = _dbFactory.CreateDbContext();
        var state = await db.PollStates.SingleOrDefaultAsync(s => s.SessionCode == Code && s.PollId == pollId);
        if (state is null)
        {
            state = new PollStateRecord { SessionCode = Code, PollId = pollId };
            db.PollStates.Add(state);
        }

        state.IsOpen = open;
        state.Round = round;
        await db.SaveChangesAsync();
    }

    private async Task AddVoteAsync(string pollId, int round, string device, string clientId, string answer, DateTimeOffset? updated = null, string session = Code)
    {
        await using var db = _dbFactory.CreateDbContext();
        db.PollVotes.Add(new PollVoteRecord
        {
            SessionCode = session,
            PollId = pollId,
            Round = round,
            DeviceHash = device,
            ClientId = clientId,
            Answer = answer,
            CreatedAt = At,
            UpdatedAt = updated ?? At,
        });
        await db.SaveChangesAsync();
    }

    private async Task EndTalkAsync()
    {
        await using var db = _dbFactory.CreateDbContext();
        var session = await db.Sessions.SingleAsync(s => s.Code == Code);
        session.EndedAt = At;
        await db.SaveChangesAsync();
    }
}
