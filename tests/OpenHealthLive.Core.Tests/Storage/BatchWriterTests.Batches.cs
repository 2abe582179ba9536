using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using OpenHealthLive.Core.Storage;

namespace OpenHealthLive.Core.Tests.Storage;

/// <summary>How a queue becomes batches: at most <see cref="BatchWriter.MaxBatch"/> writes a commit, one savepoint per lone write and one per run of deferred writes.</summary>
public sealed partial class BatchWriterTests
{
    [Fact]
    public async Task A_queue_one_longer_than_a_batch_is_committed_in_two_batches()
    {
        var writer = new BatchWriter(_factory, NullLogger<BatchWriter>.Instance);
        var seenAtCommit = new int[BatchWriter.MaxBatch + 1];
        var writes = Enumerable.Range(0, seenAtCommit.Length)
            .Select(i => writer.EnqueueAsync(AddSession($"S{i:D5}"), CancellationToken.None, _ => seenAtCommit[i] = _gate.Commits))
            .ToList();
        var before = _gate.Commits;
        _running = writer.RunAsync(_stop.Token);

        await Task.WhenAll(writes).WaitAsync(Patience);

        Assert.Equal(before + 2, _gate.Commits);
        Assert.All(seenAtCommit[..512], commits => Assert.Equal(before + 1, commits));
        Assert.Equal(before + 2, seenAtCommit[512]);
        Assert.Equal(513, (await StoredCodesAsync()).Count);
    }

    [Fact]
    public async Task A_batch_takes_one_savepoint_for_each_lone_write_and_one_for_each_run_of_deferred_writes()
    {
        var writer = new BatchWriter(_factory, NullLogger<BatchWriter>.Instance);
        var writes = new List<Task<string>>
        {
            writer.EnqueueAsync(AddSession("AAAAAA"), CancellationToken.None),
            writer.EnqueueDeferredAsync(AddSession("BBBBBB"), null, () => { }, null, CancellationToken.None),
            writer.EnqueueDeferredAsync(AddSession("CCCCCC"), null, () => { }, null, CancellationToken.None),
            writer.EnqueueAsync(AddSession("DDDDDD"), CancellationToken.None),
        };
        _gate.Record = true;
        _running = writer.RunAsync(_stop.Token);

        Assert.Equal(["AAAAAA", "BBBBBB", "CCCCCC", "DDDDDD"], await Task.WhenAll(writes).WaitAsync(Patience));
        Assert.Equal(["savepoint", "release", "savepoint", "release", "savepoint", "release", "commit"], _gate.Steps);
        Assert.Equal(["AAAAAA", "BBBBBB", "CCCCCC", "DDDDDD"], await StoredCodesAsync());
    }

    [Fact]
    public async Task A_write_after_a_deferred_group_starts_from_an_empty_context()
    {
        var writer = new BatchWriter(_factory, NullLogger<BatchWriter>.Instance);
        var first = writer.EnqueueAsync(AddSession("AAAAAA"), CancellationToken.None);
        var grouped = writer.EnqueueDeferredAsync(AddSession("BBBBBB"), null, () => { }, null, CancellationToken.None);
        // Updates the group's row through a new instance, as a write that knows only the key does.
        var renamed = writer.EnqueueAsync(
            async (db, cancellationToken) =>
            {
                var id = await db.Sessions.Where(s => s.Code == "BBBBBB").Select(s => s.Id).SingleAsync(cancellationToken);
                db.Sessions.Update(new LiveSessionRecord { Id = id, Code = "BBBBBB", DeckSlug = "talk", Title = "Renamed" });
                return "renamed";
            },
            CancellationToken.None);
        _running = writer.RunAsync(_stop.Token);

        Assert.Equal(["AAAAAA", "BBBBBB", "renamed"], await Task.WhenAll(first, grouped, renamed).WaitAsync(Patience));
        await using var db = _factory.CreateDbContext();
        Assert.Equal("Renamed", await db.Sessions.Where(s => s.Code == "BBBBBB").Select(s => s.Title).SingleAsync());
    }
}
