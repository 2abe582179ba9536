using Microsoft.Extensions.Logging.Abstractions;
using OpenHealthLive.Core.Storage;

namespace OpenHealthLive.Core.Tests.Storage;

/// <summary>One write's failure costs the others in its batch nothing; a stopping writer refuses new writes.</summary>
public sealed partial class BatchWriterTests
{
    [Fact]
    public async Task A_write_its_own_rule_refuses_is_rolled_back_alone_and_its_caller_gets_that_refusal()
    {
        var writer = new BatchWriter(_factory, NullLogger<BatchWriter>.Instance);
        var rolledBack = new List<string>();
        var followedUp = new List<string>();
        // Queued before the writer runs: one batch. The middle write adds its row, then refuses.
        var first = writer.EnqueueAsync(AddSession("AAAAAA"), CancellationToken.None, followedUp.Add, () => rolledBack.Add("AAAAAA"));
        var refused = writer.EnqueueAsync<string>(
            (db, _) =>
            {
                db.Sessions.Add(new LiveSessionRecord { Code = "BBBBBB", DeckSlug = "talk" });
                throw new InvalidOperationException("closed poll");
            },
            CancellationToken.None,
            followedUp.Add,
            () => rolledBack.Add("BBBBBB"));
        var last = writer.EnqueueAsync(AddSession("CCCCCC"), CancellationToken.None, followedUp.Add, () => rolledBack.Add("CCCCCC"));
        _running = writer.RunAsync(_stop.Token);

        Assert.Equal("AAAAAA", await first.WaitAsync(Patience));
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => refused.WaitAsync(Patience));
        Assert.Equal("CCCCCC", await last.WaitAsync(Patience));
        Assert.Equal("closed poll", error.Message);
        Assert.Equal(["AAAAAA", "CCCCCC"], await StoredCodesAsync());
        Assert.Equal(["BBBBBB"], rolledBack);
        Assert.Equal(["AAAAAA", "CCCCCC"], followedUp);
    }

    [Fact]
    public async Task A_write_the_database_refuses_fails_as_not_saved_yet_and_the_rest_of_its_batch_is_stored()
    {
        await using (var db = _factory.CreateDbContext())
        {
            db.Sessions.Add(new LiveSessionRecord { Code = "AAAAAA", DeckSlug = "talk" });
            await db.SaveChangesAsync();
        }

        var writer = new BatchWriter(_factory, NullLogger<BatchWriter>.Instance);
        var rolledBack = new List<string>();
        var duplicate = writer.EnqueueAsync(AddSession("AAAAAA"), CancellationToken.None, null, () => rolledBack.Add("AAAAAA"));
        var fine = writer.EnqueueAsync(AddSession("BBBBBB"), CancellationToken.None, null, () => rolledBack.Add("BBBBBB"));
        _running = writer.RunAsync(_stop.Token);

        var refusal = await Assert.ThrowsAsync<StorageUnavailableException>(() => duplicate.WaitAsync(Patience));
        Assert.Equal("BBBBBB", await fine.WaitAsync(Patience));
        Assert.StartsWith("Not saved yet: ", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(["AAAAAA", "BBBBBB"], await StoredCodesAsync());
        Assert.Equal(["AAAAAA"], rolledBack);
    }

    [Fact]
    public async Task A_follow_up_that_throws_fails_its_own_write_which_stays_stored_and_the_next_writes_go_on()
    {
        var writer = new BatchWriter(_factory, NullLogger<BatchWriter>.Instance);
        var broken = writer.EnqueueAsync(AddSession("AAAAAA"), CancellationToken.None, _ => throw new InvalidOperationException("tally broke"));
        var next = writer.EnqueueAsync(AddSession("BBBBBB"), CancellationToken.None);
        _running = writer.RunAsync(_stop.Token);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => broken.WaitAsync(Patience));
        Assert.Equal("tally broke", error.Message);
        Assert.Equal("BBBBBB", await next.WaitAsync(Patience));
        Assert.Equal("CCCCCC", await writer.EnqueueAsync(AddSession("CCCCCC"), CancellationToken.None).WaitAsync(Patience));
        Assert.Equal(["AAAAAA", "BBBBBB", "CCCCCC"], await StoredCodesAsync());
    }

    [Fact]
    public async Task A_stopping_writer_stores_what_was_queued_and_refuses_anything_after()
    {
        var writer = new BatchWriter(_factory, NullLogger<BatchWriter>.Instance);
        var queued = writer.EnqueueAsync(AddSession("AAAAAA"), CancellationToken.None);
        await _stop.CancelAsync();
        _running = writer.RunAsync(_stop.Token);

        Assert.Equal("AAAAAA", await queued.WaitAsync(Patience));
        await _running.WaitAsync(Patience);
        var refusal = await Assert.ThrowsAsync<StorageUnavailableException>(() => writer.EnqueueAsync(AddSession("BBBBBB"), CancellationToken.None));
        Assert.Equal("Not saved yet: the server is shutting down. Your phone keeps it and sends it again.", refusal.Message);
        Assert.Equal(["AAAAAA"], await StoredCodesAsync());
    }

    [Fact]
    public async Task A_write_whose_caller_has_already_given_up_is_not_queued()
    {
        var writer = new BatchWriter(_factory, NullLogger<BatchWriter>.Instance);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAsync<OperationCanceledException>(() => writer.EnqueueAsync(AddSession("AAAAAA"), cancelled.Token));
        await Assert.ThrowsAsync<OperationCanceledException>(() => writer.EnqueueDeferredAsync(AddSession("BBBBBB"), null, () => { }, null, cancelled.Token));
        _running = writer.RunAsync(_stop.Token);
        Assert.Equal("CCCCCC", await writer.EnqueueAsync(AddSession("CCCCCC"), CancellationToken.None).WaitAsync(Patience));
        Assert.Equal(["CCCCCC"], await StoredCodesAsync());
    }

    [Fact]
    public async Task A_deferred_write_its_own_rule_refuses_fails_alone_and_its_group_is_saved_once()
    {
        var writer = new BatchWriter(_factory, NullLogger<BatchWriter>.Instance);
        var rolledBack = new List<string>();
        var followedUp = new List<string>();
        var first = writer.EnqueueDeferredAsync(AddSession("AAAAAA"), followedUp.Add, () => rolledBack.Add("AAAAAA"), null, CancellationToken.None);
        var refused = writer.EnqueueDeferredAsync<string>((_, _) => throw new InvalidOperationException("already voted"), followedUp.Add, () => rolledBack.Add("refused"), null, CancellationToken.None);
        var last = writer.EnqueueDeferredAsync(AddSession("CCCCCC"), followedUp.Add, () => rolledBack.Add("CCCCCC"), null, CancellationToken.None);
        _running = writer.RunAsync(_stop.Token);

        Assert.Equal("AAAAAA", await first.WaitAsync(Patience));
        Assert.Equal("already voted", (await Assert.ThrowsAsync<InvalidOperationException>(() => refused.WaitAsync(Patience))).Message);
        Assert.Equal("CCCCCC", await last.WaitAsync(Patience));
        Assert.Equal(["AAAAAA", "CCCCCC"], await StoredCodesAsync());
        Assert.Empty(rolledBack);
        Assert.Equal(["AAAAAA", "CCCCCC"], followedUp);
    }
}
