using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using OpenHealthLive.Core.Polls;
using OpenHealthLive.Core.Storage;
using OpenHealthLive.Core.Tests.Infrastructure;

namespace OpenHealthLive.Core.Tests.Polls;

/// <summary>
/// The rows a group of votes decided, saved by the writer in one go: an INSERT per new vote, an UPDATE per changed
/// one, inside the writer's transaction; a row the database will not take fails the whole save.
/// </summary>
public sealed class PendingVotesTests : IAsyncLifetime, IDisposable
{
    private static readonly DateTimeOffset At = new(2026, 3, 14, 9, 30, 0, TimeSpan.Zero);

    private readonly TempDirectory _temp = new();
    private readonly SqliteDbContextFactory _dbFactory;

    public PendingVotesTests() => _dbFactory = new SqliteDbContextFactory(_temp.Combine("data"));

    public async Task InitializeAsync()
    {
        await using var db = _dbFactory.CreateDbContext();
        await SqliteStorage.MigrateAsync(db, CancellationToken.None);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task New_votes_are_inserted_with_every_column_and_one_changed_before_saving_with_its_last_answer()
    {
        var pending = new PendingVotes();
        var first = Row("d1", "a", "{\"option\":0}", round: 2);
        pending.Insert(first);
        pending.Insert(Row("d2", "b", "{\"option\":1}", round: 2));
        pending.Insert(Row("d3", "c", "{\"option\":2}", round: 3, poll: "other"));
        pending.Change(first, "a2", "{\"option\":3}", At.AddMinutes(1));

        await SaveAndCommitAsync(pending);

        Assert.Equal(
            [
                ("ABCDEF", "colour", 2, "d1", "a2", "{\"option\":3}", At, At.AddMinutes(1)),
                ("ABCDEF", "colour", 2, "d2", "b", "{\"option\":1}", At, At),
                ("ABCDEF", "other", 3, "d3", "c", "{\"option\":2}", At, At),
            ],
            await StoredAsync());
    }

    [Fact]
    public async Task A_saved_vote_changed_later_is_updated_in_place_keeping_when_it_was_first_given()
    {
        var pending = new PendingVotes();
        var vote = Row("d1", "a", "{\"option\":0}");
        pending.Insert(vote);
        pending.Insert(Row("d2", "b", "{\"option\":1}"));
        await SaveAndCommitAsync(pending);

        pending.Change(vote, "a2", "{\"option\":2}", At.AddMinutes(5));
        await SaveAndCommitAsync(pending);

        Assert.Equal(
            [
                ("ABCDEF", "colour", 0, "d1", "a2", "{\"option\":2}", At, At.AddMinutes(5)),
                ("ABCDEF", "colour", 0, "d2", "b", "{\"option\":1}", At, At),
            ],
            await StoredAsync());
    }

    [Fact]
    public async Task A_saved_vote_is_not_saved_again_by_the_next_group()
    {
        var pending = new PendingVotes();
        pending.Insert(Row("d1", "a", "{\"option\":0}"));
        await SaveAndCommitAsync(pending);

        await SaveAndCommitAsync(pending);
        pending.Insert(Row("d2", "b", "{\"option\":1}"));
        await SaveAndCommitAsync(pending);

        Assert.Equal(["d1", "d2"], (await StoredAsync()).Select(v => v.Device));
    }

    [Fact]
    public async Task A_change_to_a_vote_the_database_does_not_have_fails_the_save()
    {
        var pending = new PendingVotes();
        pending.Change(Row("d1", "a", "{\"option\":0}"), "b", "{\"option\":1}", At);

        var refused = await Assert.ThrowsAsync<DbUpdateException>(() => SaveAndCommitAsync(pending));

        Assert.Equal("A changed vote was not where the vote book had it.", refused.Message);
        Assert.Empty(await StoredAsync());
    }

    [Fact]
    public async Task A_second_vote_of_a_device_in_a_round_is_refused_by_the_database_and_the_group_is_forgotten()
    {
        var pending = new PendingVotes();
        pending.Insert(Row("d1", "a", "{\"option\":0}"));
        await SaveAndCommitAsync(pending);

        pending.Insert(Row("d2", "b", "{\"option\":1}"));
        pending.Insert(Row("d1", "c", "{\"option\":2}"));
        var refused = await Assert.ThrowsAsync<DbUpdateException>(() => SaveAndCommitAsync(pending));

        Assert.Equal("The votes of a group could not be saved together.", refused.Message);
        Assert.IsType<SqliteException>(refused.InnerException);
        Assert.Equal([("ABCDEF", "colour", 0, "d1", "a", "{\"option\":0}", At, At)], await StoredAsync());
        // Nothing of the failed group is left to be saved with the next one.
        await SaveAndCommitAsync(pending);
        Assert.Single(await StoredAsync());
    }

    [Fact]
    public async Task Discarded_rows_are_never_saved()
    {
        var pending = new PendingVotes();
        var saved = Row("d1", "a", "{\"option\":0}");
        pending.Insert(saved);
        await SaveAndCommitAsync(pending);

        pending.Insert(Row("d2", "b", "{\"option\":1}"));
        pending.Change(saved, "c", "{\"option\":3}", At.AddMinutes(1));
        pending.Discard();
        await SaveAndCommitAsync(pending);

        Assert.Equal([("ABCDEF", "colour", 0, "d1", "a", "{\"option\":0}", At, At)], await StoredAsync());
    }

    [Fact]
    public async Task The_rows_are_written_in_the_writers_transaction_and_go_if_it_is_rolled_back()
    {
        var pending = new PendingVotes();
        pending.Insert(Row("d1", "a", "{\"option\":0}"));

        await using (var db = _dbFactory.CreateDbContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await pending.SaveAsync(db, CancellationToken.None);
            await transaction.RollbackAsync();
        }

        Assert.Empty(await StoredAsync());
    }

    private static VoteRow Row(string device, string clientId, string answer, int round = 0, string poll = "colour") =>
        new("ABCDEF", poll, round, device, clientId, answer, At);

    private async Task SaveAndCommitAsync(PendingVotes pending)
    {
        await using var db = _dbFactory.CreateDbContext();
        await using var transaction = await db.Database.BeginTransactionAsync();
        await pending.SaveAsync(db, CancellationToken.None);
        await transaction.CommitAsync();
    }

    private async Task<List<(string Session, string Poll, int Round, string Device, string ClientId, string Answer, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)>> StoredAsync()
    {
        await using var db = _dbFactory.CreateDbContext();
        var votes = await db.PollVotes.AsNoTracking().ToListAsync();
        return [.. votes.Select(v => (v.SessionCode, v.PollId, v.Round, v.DeviceHash, v.ClientId, v.Answer, v.CreatedAt, v.UpdatedAt))
            .OrderBy(v => v.PollId, StringComparer.Ordinal).ThenBy(v => v.DeviceHash, StringComparer.Ordinal)];
    }
}
