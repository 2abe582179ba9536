using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace OpenHealthLive.Core.Storage;

/// <summary>
/// The one writer for audience writes (questions, votes). Writes from a whole room are queued, applied in
/// batches inside one transaction — one commit (one fsync) per batch instead of one per write — and each
/// caller's task completes only after its batch has committed, so an acknowledgement always means stored.
/// Each write runs under its own savepoint: one failing write is rolled back and reported to its caller
/// alone, and the rest of the batch commits. Deferred writes (<see cref="EnqueueDeferredAsync{T}"/>) queued next to
/// each other are saved together instead, in one SaveChanges under one savepoint: the path for a whole room voting
/// at once, where a savepoint and a save per vote were most of the writer's work.
/// </summary>
public sealed partial class BatchWriter(IDbContextFactory<LiveDbContext> dbFactory, ILogger<BatchWriter> logger)
{
    /// <summary>Most writes committed together.</summary>
    public const int MaxBatch = 512;

    // Stryker disable once all : SingleReader only lets the channel skip locks it would otherwise take; RunAsync is its one reader either way.
    private readonly Channel<IWrite> _pending = Channel.CreateUnbounded<IWrite>(new UnboundedChannelOptions { SingleReader = true });

    private interface IWrite
    {
        bool Deferred { get; }

        IDeferredRows? Rows { get; }

        Task ApplyAsync(LiveDbContext db, CancellationToken cancellationToken);

        void RolledBack();

        void Commit();

        void Fail(Exception exception);
    }

    /// <summary>Queues a write; the task completes with its result once the write is committed.</summary>
    /// <param name="write">Applies the change to the context; the writer saves it.</param>
    /// <param name="afterCommit">
    /// Runs on the writer, right after the commit, in commit order: the place to update in-memory state (a running
    /// tally) so that it follows the database exactly, whatever order callers resume in.
    /// </param>
    /// <param name="cancellationToken">Refuses the write if already cancelled; once queued, a write is applied.</param>
    /// <param name="rolledBack">
    /// Runs on the writer when the write was applied (or refused) and then rolled back, by its own failure or its
    /// batch's: the place to forget in-memory state that the write changed ahead of its commit.
    /// </param>
    /// <exception cref="StorageUnavailableException">The database could not commit the batch.</exception>
    public Task<T> EnqueueAsync<T>(Func<LiveDbContext, CancellationToken, Task<T>> write, CancellationToken cancellationToken, Action<T>? afterCommit = null, Action? rolledBack = null)
    {
        ArgumentNullException.ThrowIfNull(write);
        return Enqueue(new Write<T>(write, afterCommit, rolledBack, deferred: false, rows: null), cancellationToken);
    }

    /// <summary>
    /// Queues a write whose changes are saved together with the deferred writes next to it in the queue: one
    /// SaveChanges and one savepoint for the group instead of one each. The task completes once it is committed.
    /// </summary>
    /// <remarks>
    /// The write must decide without leaving anything in the context when it throws (do the reads and checks first,
    /// then add or change entities), since a refusal is not rolled back on its own. When the group's save fails (a
    /// unique index refusing a row that in-memory state let through), the group is rolled back,
    /// <paramref name="rolledBack"/> runs for each of its writes, and each is applied again alone under its own
    /// savepoint, as an ordinary write: the database decides.
    /// </remarks>
    /// <param name="write">Decides, then adds or changes entities in the context, or rows in <paramref name="rows"/>.</param>
    /// <param name="afterCommit">Runs on the writer right after the commit, in commit order.</param>
    /// <param name="rolledBack">Runs on the writer when the write was applied and then rolled back.</param>
    /// <param name="rows">Rows the write gathers outside the change tracker; saved once for the whole group.</param>
    /// <param name="cancellationToken">Refuses the write if already cancelled; once queued, a write is applied.</param>
    public Task<T> EnqueueDeferredAsync<T>(Func<LiveDbContext, CancellationToken, Task<T>> write, Action<T>? afterCommit, Action rolledBack, IDeferredRows? rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        ArgumentNullException.ThrowIfNull(rolledBack);
        return Enqueue(new Write<T>(write, afterCommit, rolledBack, deferred: true, rows), cancellationToken);
    }

    private Task<T> Enqueue<T>(Write<T> item, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!_pending.Writer.TryWrite(item))
        {
            throw new StorageUnavailableException(StorageUnavailableException.NotSavedYet + "the server is shutting down. Your phone keeps it and sends it again.");
        }

        return item.Task;
    }

    /// <summary>Applies queued writes until <paramref name="stoppingToken"/> fires, then drains what is left.</summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        var batch = new List<IWrite>(MaxBatch);
        try
        {
            while (await _pending.Reader.WaitToReadAsync(stoppingToken))
            {
                await DrainAsync(batch, CancellationToken.None);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            _pending.Writer.TryComplete();
            await DrainAsync(batch, CancellationToken.None);
        }
    }

    private async Task DrainAsync(List<IWrite> batch, CancellationToken cancellationToken)
    {
        while (true)
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _pending.Reader.TryRead(out var write))
            {
                batch.Add(write);
            }

            if (batch.Count == 0)
            {
                return;
            }

            await CommitBatchAsync(batch, cancellationToken);
        }
    }

    private async Task CommitBatchAsync(List<IWrite> batch, CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var applied = new List<IWrite>(batch.Count);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            // Each write has its own savepoint below; EF's automatic ones inside SaveChanges would only double them.
            db.Database.AutoSavepointsEnabled = false;
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            for (var i = 0; i < batch.Count;)
            {
                if (!batch[i].Deferred)
                {
                    await ApplyAloneAsync(db, transaction, batch[i], applied, cancellationToken);
                    i++;
                    continue;
                }

                var end = i;
                while (end < batch.Count && batch[end].Deferred)
                {
                    end++;
                }

                await ApplyGroupAsync(db, transaction, batch.GetRange(i, end - i), applied, cancellationToken);
                i = end;
            }

            await transaction.CommitAsync(cancellationToken);
        }
        catch (Exception ex)
        {
            LogBatchFailed(ex, batch.Count);
            var unavailable = Unavailable(ex);
            foreach (var write in batch)
            {
                RollBack(write);
                write.Fail(unavailable);
            }

            return;
        }

        foreach (var write in applied)
        {
            try
            {
                write.Commit();
            }
            catch (Exception ex)
            {
                // The write is stored; only the in-memory follow-up failed. Never let it stop the writer.
                LogAfterCommitFailed(ex);
                write.Fail(ex);
            }
        }

        var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        LogBatchCommitted(batch.Count, applied.Count, elapsed);
    }

    private static StorageUnavailableException Unavailable(Exception ex) =>
        new(StorageUnavailableException.NotSavedYet + "the server could not store it right now. Your phone keeps it and sends it again.", ex);

    /// <summary>One write under its own savepoint: a failure rolls back this write alone.</summary>
    private async Task ApplyAloneAsync(LiveDbContext db, Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction, IWrite write, List<IWrite> applied, CancellationToken cancellationToken)
    {
        await transaction.CreateSavepointAsync("write", cancellationToken);
        try
        {
            await write.ApplyAsync(db, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            if (write.Rows is { } rows)
            {
                await rows.SaveAsync(db, cancellationToken);
            }

            await transaction.ReleaseSavepointAsync("write", cancellationToken);
            applied.Add(write);
        }
        catch (Exception ex) when (ex is DbUpdateException || StorageErrors.IsUnavailable(ex))
        {
            // The database refused this write (a full disk, a lock that never came free): worth retrying.
            write.Rows?.Discard();
            await transaction.RollbackToSavepointAsync("write", cancellationToken);
            RollBack(write);
            LogWriteFailed(ex);
            write.Fail(Unavailable(ex));
        }
        catch (Exception ex) when (ex is not StorageUnavailableException)
        {
            // Refused by the write itself (a closed poll, a deleted question): its caller is told why.
            write.Rows?.Discard();
            await transaction.RollbackToSavepointAsync("write", cancellationToken);
            RollBack(write);
            write.Fail(ex);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>
    /// Deferred writes next to each other, saved at once under one savepoint. If the save fails, the group is rolled
    /// back and each write is applied again alone, so one bad row costs the others nothing but time.
    /// </summary>
    private async Task ApplyGroupAsync(LiveDbContext db, Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction, List<IWrite> group, List<IWrite> applied, CancellationToken cancellationToken)
    {
        await transaction.CreateSavepointAsync("deferred", cancellationToken);
        var decided = new List<IWrite>(group.Count);
        foreach (var write in group)
        {
            try
            {
                await write.ApplyAsync(db, cancellationToken);
                decided.Add(write);
            }
            catch (Exception ex) when (ex is DbUpdateException || StorageErrors.IsUnavailable(ex))
            {
                // A read failed before the write changed anything (deferred writes decide first).
                RollBack(write);
                LogWriteFailed(ex);
                write.Fail(Unavailable(ex));
            }
            catch (Exception ex) when (ex is not StorageUnavailableException)
            {
                // Refused by the write itself before it changed anything: its caller alone is told why.
                write.Fail(ex);
            }
        }

        var stores = decided.Select(w => w.Rows).OfType<IDeferredRows>().Distinct().ToList();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            foreach (var rows in stores)
            {
                await rows.SaveAsync(db, cancellationToken);
            }

            await transaction.ReleaseSavepointAsync("deferred", cancellationToken);
            applied.AddRange(decided);
            db.ChangeTracker.Clear();
            return;
        }
        catch (Exception ex) when (ex is DbUpdateException || StorageErrors.IsUnavailable(ex))
        {
            foreach (var rows in stores)
            {
                rows.Discard();
            }

            await transaction.RollbackToSavepointAsync("deferred", cancellationToken);
            db.ChangeTracker.Clear();
            LogGroupFellBack(ex, decided.Count);
        }

        foreach (var write in decided)
        {
            RollBack(write);
        }

        foreach (var write in decided)
        {
            await ApplyAloneAsync(db, transaction, write, applied, cancellationToken);
        }
    }

    private void RollBack(IWrite write)
    {
        try
        {
            write.RolledBack();
        }
        catch (Exception ex)
        {
            LogAfterCommitFailed(ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A group of {Count} deferred writes could not be saved together; applying them one by one")]
    private partial void LogGroupFellBack(Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "A batch of {Count} writes could not be committed")]
    private partial void LogBatchFailed(Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "The database refused a write")]
    private partial void LogWriteFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "A write was committed but its follow-up failed")]
    private partial void LogAfterCommitFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Committed a batch: {Count} writes, {Applied} applied, in {Milliseconds:0.0} ms")]
    private partial void LogBatchCommitted(int count, int applied, double milliseconds);

    /// <remarks>
    /// Once queued, a write is applied even if its caller has gone (a phone that disconnected): the phone
    /// retries with the same client-made id and finds it, so nothing is lost and nothing doubles.
    /// </remarks>
    private sealed class Write<T>(Func<LiveDbContext, CancellationToken, Task<T>> apply, Action<T>? afterCommit, Action? rolledBack, bool deferred, IDeferredRows? rows) : IWrite
    {
        private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? _result;

        public Task<T> Task => _completion.Task;

        public bool Deferred => deferred;

        public IDeferredRows? Rows => rows;

        public void RolledBack() => rolledBack?.Invoke();

        public async Task ApplyAsync(LiveDbContext db, CancellationToken cancellationToken) => _result = await apply(db, cancellationToken);

        public void Commit()
        {
            afterCommit?.Invoke(_result!);
            _completion.TrySetResult(_result!);
        }

        public void Fail(Exception exception)
        {
            if (!_completion.Task.IsCompleted)
            {
                _completion.TrySetException(exception);
            }
        }
    }
}
