using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using OpenHealthLive.Core.Polls;
using OpenHealthLive.Core.Storage;

namespace OpenHealthLive.Core.Tests.Polls;

/// <summary>
/// Stands in for the SignalR broadcaster (the web boundary). With every call it reads the poll back from the database,
/// so a test can tell whether the change was committed before anyone was told.
/// </summary>
public sealed class RecordingPollNotifier(IDbContextFactory<LiveDbContext> dbFactory) : IPollNotifier
{
    private readonly ConcurrentQueue<Told> _told = new();

    /// <summary>Everything the notifier was told, in order.</summary>
    public IReadOnlyList<Told> All => [.. _told];

    /// <summary>The <see cref="IPollNotifier.PollChangedAsync"/> calls, in order.</summary>
    public IReadOnlyList<Told> PollChanges => [.. _told.Where(t => t.Kind == ToldKind.PollChanged)];

    /// <summary>The <see cref="IPollNotifier.ResultsChanged"/> calls, in order.</summary>
    public IReadOnlyList<Told> ResultChanges => [.. _told.Where(t => t.Kind == ToldKind.ResultsChanged)];

    /// <summary>The <see cref="IPollNotifier.HeldAnswersChangedAsync"/> calls, in order.</summary>
    public IReadOnlyList<Told> HeldChanges => [.. _told.Where(t => t.Kind == ToldKind.HeldAnswersChanged)];

    public void Clear() => _told.Clear();

    public async Task PollChangedAsync(PollView poll, PollResults results, CancellationToken cancellationToken)
    {
        var stored = await ReadAsync(poll.SessionCode, poll.Definition.Id);
        _told.Enqueue(new Told(ToldKind.PollChanged, poll.SessionCode, poll.Definition.Id, poll, results, poll.ResultsVisible, null, stored.State, stored.Votes));
    }

    public async Task HeldAnswersChangedAsync(PollView poll, PollResults results, CancellationToken cancellationToken)
    {
        var stored = await ReadAsync(poll.SessionCode, poll.Definition.Id);
        _told.Enqueue(new Told(ToldKind.HeldAnswersChanged, poll.SessionCode, poll.Definition.Id, poll, results, poll.ResultsVisible, null, stored.State, stored.Votes));
    }

    public void ResultsChanged(string sessionCode, string pollId, bool resultsVisible, Func<CancellationToken, Task<PollResults>> snapshot)
    {
        var stored = ReadAsync(sessionCode, pollId).GetAwaiter().GetResult();
        _told.Enqueue(new Told(ToldKind.ResultsChanged, sessionCode, pollId, null, null, resultsVisible, snapshot, stored.State, stored.Votes));
    }

    private async Task<(PollStateRecord? State, int Votes)> ReadAsync(string sessionCode, string pollId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var state = await db.PollStates.AsNoTracking().SingleOrDefaultAsync(s => s.SessionCode == sessionCode && s.PollId == pollId);
        var round = state?.Round ?? 0;
        var votes = await db.PollVotes.CountAsync(v => v.SessionCode == sessionCode && v.PollId == pollId && v.Round == round);
        return (state, votes);
    }

    public enum ToldKind
    {
        PollChanged,
        HeldAnswersChanged,
        ResultsChanged,
    }

    /// <summary>One call, with the poll's state and its current round's vote count as stored when it was made.</summary>
    public sealed record Told(
        ToldKind Kind,
        string SessionCode,
        string PollId,
        PollView? Poll,
        PollResults? Results,
        bool ResultsVisible,
        Func<CancellationToken, Task<PollResults>>? Snapshot,
        PollStateRecord? StoredState,
        int StoredVotes);
}
