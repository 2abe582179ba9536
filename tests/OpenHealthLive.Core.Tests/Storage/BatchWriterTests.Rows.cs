using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using OpenHealthLive.Core.Storage;

namespace OpenHealthLive.Core.Tests.Storage;

/// <summary>
/// Rows that deferred writes gather outside the change tracker (the vote path): saved once for a group, forgotten with
/// any write that is rolled back, so that a refused write's row is never stored by the write after it.
/// </summary>
public sealed partial class BatchWriterTests
{
    [Fact]
    public async Task The_rows_a_group_of_deferred_writes_gathered_are_saved_once_for_the_whole_group()
    {
        var writer = new BatchWriter(_factory, NullLogger<BatchWriter>.Instance);
        var rows = new GatheredSessions();
        string[] codes = ["AAAAAA", "BBBBBB", "CCCCCC"];
        var writes = codes.Select(code => writer.EnqueueDeferredAsync(Gather(rows, code), null, () => { }, rows, CancellationToken.None)).ToList();
        _running = writer.RunAsync(_stop.Token);

        Assert.Equal(codes, await Task.WhenAll(writes).WaitAsync(Patience));
        Assert.Equal(codes, await StoredCodesAsync());
        Assert.Equal([codes], rows.Saves);
        Assert.Equal(0, rows.Discards);
    }

    [Fact]
    public async Task Rows_the_database_cannot_take_for_the_group_are_forgotten_and_each_write_is_applied_again_with_its_own_row()
    {
        var writer = new BatchWriter(_factory, NullLogger<BatchWriter>.Instance);
        var rows = new GatheredSessions { FailingSaves = 1 };
        var rolledBack = new List<string>();
        string[] codes = ["AAAAAA", "BBBBBB", "CCCCCC"];
        var writes = codes.Select(code => writer.EnqueueDeferredAsync(Gather(rows, code), null, () => rolledBack.Add(code), rows, CancellationToken.None)).ToList();
        _running = writer.RunAsync(_stop.Token);

        Assert.Equal(codes, await Task.WhenAll(writes).WaitAsync(Patience));
        Assert.Equal(codes, await StoredCodesAsync());
        // The group's save failed and its rows were forgotten; then one save per write, each with that write's row alone.
        Assert.Equal([codes, ["AAAAAA"], ["BBBBBB"], ["CCCCCC"]], rows.Saves);
        Assert.Equal(1, rows.Discards);
        Assert.Equal(codes, rolledBack);
    }

    [Fact]
    public async Task A_write_whose_row_cannot_be_saved_on_its_own_is_refused_and_the_next_write_does_not_store_that_row()
    {
        var writer = new BatchWriter(_factory, NullLogger<BatchWriter>.Instance);
        // The group's save fails, then the first write's save alone.
        var rows = new GatheredSessions { FailingSaves = 2 };
        string[] codes = ["AAAAAA", "BBBBBB", "CCCCCC"];
        var writes = codes.Select(code => writer.EnqueueDeferredAsync(Gather(rows, code), null, () => { }, rows, CancellationToken.None)).ToList();
        _running = writer.RunAsync(_stop.Token);

        var refusal = await Assert.ThrowsAsync<StorageUnavailableException>(() => writes[0].WaitAsync(Patience));
        Assert.Equal("Not saved yet: the server could not store it right now. Your phone keeps it and sends it again.", refusal.Message);
        Assert.IsType<SqliteException>(refusal.InnerException);
        Assert.Equal("BBBBBB", await writes[1].WaitAsync(Patience));
        Assert.Equal("CCCCCC", await writes[2].WaitAsync(Patience));
        Assert.Equal(["BBBBBB", "CCCCCC"], await StoredCodesAsync());
        Assert.Equal([codes, ["AAAAAA"], ["BBBBBB"], ["CCCCCC"]], rows.Saves);
    }

    [Fact]
    public async Task A_write_that_refuses_when_applied_again_alone_leaves_no_row_for_the_next_write_to_store()
    {
        var writer = new BatchWriter(_factory, NullLogger<BatchWriter>.Instance);
        var rows = new GatheredSessions { FailingSaves = 1 };
        var applied = 0;
        // Decides yes in the group; applied again alone (after the group's save failed) it gathers its row, then refuses.
        var changedItsMind = writer.EnqueueDeferredAsync<string>(
            (_, _) =>
            {
                rows.Add("AAAAAA");
                return ++applied == 1 ? Task.FromResult("AAAAAA") : throw new InvalidOperationException("poll closed");
            },
            null,
            () => { },
            rows,
            CancellationToken.None);
        var next = writer.EnqueueDeferredAsync(Gather(rows, "BBBBBB"), null, () => { }, rows, CancellationToken.None);
        _running = writer.RunAsync(_stop.Token);

        Assert.Equal("poll closed", (await Assert.ThrowsAsync<InvalidOperationException>(() => changedItsMind.WaitAsync(Patience))).Message);
        Assert.Equal("BBBBBB", await next.WaitAsync(Patience));
        Assert.Equal(["BBBBBB"], await StoredCodesAsync());
    }

    [Fact]
    public async Task A_read_the_database_fails_is_reported_as_not_saved_yet_for_a_lone_write_and_a_deferred_one()
    {
        var writer = new BatchWriter(_factory, NullLogger<BatchWriter>.Instance);
        var rolledBack = new List<string>();
        var lone = writer.EnqueueAsync<string>((_, _) => throw new SqliteException("disk I/O error", 10), CancellationToken.None, null, () => rolledBack.Add("lone"));
        var deferred = writer.EnqueueDeferredAsync<string>((_, _) => throw new SqliteException("disk I/O error", 10), null, () => rolledBack.Add("deferred"), null, CancellationToken.None);
        var fine = writer.EnqueueDeferredAsync(AddSession("AAAAAA"), null, () => rolledBack.Add("fine"), null, CancellationToken.None);
        _running = writer.RunAsync(_stop.Token);

        foreach (var failed in new[] { lone, deferred })
        {
            var refusal = await Assert.ThrowsAsync<StorageUnavailableException>(() => failed.WaitAsync(Patience));
            Assert.Equal("Not saved yet: the server could not store it right now. Your phone keeps it and sends it again.", refusal.Message);
            Assert.Equal("disk I/O error", Assert.IsType<SqliteException>(refusal.InnerException).Message);
        }

        Assert.Equal("AAAAAA", await fine.WaitAsync(Patience));
        Assert.Equal(["AAAAAA"], await StoredCodesAsync());
        Assert.Equal(["lone", "deferred"], rolledBack);
    }

    [Fact]
    public async Task A_write_the_database_refuses_half_way_keeps_none_of_its_rows()
    {
        await using (var db = _factory.CreateDbContext())
        {
            db.Sessions.Add(new LiveSessionRecord { Code = "BBBBBB", DeckSlug = "talk" });
            await db.SaveChangesAsync();
        }

        var writer = new BatchWriter(_factory, NullLogger<BatchWriter>.Instance);
        // Two rows in one save: the first is inserted, the second repeats a stored code.
        var halfWay = writer.EnqueueAsync<string>(
            (db, _) =>
            {
                db.Sessions.Add(new LiveSessionRecord { Code = "AAAAAA", DeckSlug = "talk" });
                db.Sessions.Add(new LiveSessionRecord { Code = "BBBBBB", DeckSlug = "talk" });
                return Task.FromResult("both");
            },
            CancellationToken.None);
        _running = writer.RunAsync(_stop.Token);

        await Assert.ThrowsAsync<StorageUnavailableException>(() => halfWay.WaitAsync(Patience));
        Assert.Equal("CCCCCC", await writer.EnqueueAsync(AddSession("CCCCCC"), CancellationToken.None).WaitAsync(Patience));
        Assert.Equal(["BBBBBB", "CCCCCC"], await StoredCodesAsync());
    }

    [Fact]
    public async Task A_write_that_saved_a_row_itself_and_then_refused_keeps_nothing()
    {
        var writer = new BatchWriter(_factory, NullLogger<BatchWriter>.Instance);
        var refused = writer.EnqueueAsync<string>(
            async (db, cancellationToken) =>
            {
                db.Sessions.Add(new LiveSessionRecord { Code = "AAAAAA", DeckSlug = "talk" });
                await db.SaveChangesAsync(cancellationToken);
                throw new InvalidOperationException("question deleted");
            },
            CancellationToken.None);
        var next = writer.EnqueueAsync(AddSession("BBBBBB"), CancellationToken.None);
        _running = writer.RunAsync(_stop.Token);

        Assert.Equal("question deleted", (await Assert.ThrowsAsync<InvalidOperationException>(() => refused.WaitAsync(Patience))).Message);
        Assert.Equal("BBBBBB", await next.WaitAsync(Patience));
        Assert.Equal(["BBBBBB"], await StoredCodesAsync());
    }

    private static Func<LiveDbContext, CancellationToken, Task<string>> Gather(GatheredSessions rows, string code) => (_, _) =>
    {
        rows.Add(code);
        return Task.FromResult(code);
    };

    /// <summary>Sessions gathered the way the vote path gathers votes; its next saves can be made to fail as a busy database does.</summary>
    private sealed class GatheredSessions : IDeferredRows
    {
        private readonly List<string> _gathered = [];

        public int FailingSaves { get; set; }

        /// <summary>What each call to <see cref="SaveAsync"/> was given, failed ones included.</summary>
        public List<string[]> Saves { get; } = [];

        public int Discards { get; private set; }

        public void Add(string code) => _gathered.Add(code);

        public async Task SaveAsync(LiveDbContext db, CancellationToken cancellationToken)
        {
            Saves.Add([.. _gathered]);
            if (FailingSaves > 0)
            {
                FailingSaves--;
                throw new SqliteException("database is locked", 5);
            }

            db.Sessions.AddRange(_gathered.Select(code => new LiveSessionRecord { Code = code, DeckSlug = "talk" }));
            await db.SaveChangesAsync(cancellationToken);
            _gathered.Clear();
        }

        public void Discard()
        {
            Discards++;
            _gathered.Clear();
        }
    }
}
