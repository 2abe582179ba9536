using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OpenHealthLive.Core.Questions;
using OpenHealthLive.Core.Refusals;
using OpenHealthLive.Core.Sessions;
using OpenHealthLive.Core.Slides;
using OpenHealthLive.Core.Storage;

namespace OpenHealthLive.Core.Polls;

/// <summary>
/// Live polls declared in decks. Every poll write — a vote, open, close, reset — goes through the one
/// <see cref="BatchWriter"/>, so they are totally ordered: a vote that lands after "close" is refused, and a
/// running tally per poll is updated on the writer right after each commit, in commit order, so it always
/// equals what the database holds. A vote is acknowledged only after it is committed. A typed answer the
/// <see cref="PatientDataGuard"/> flags is stored masked and held: the presenter sees it, no count includes it.
/// </summary>
public sealed partial class PollService(
    BatchWriter writes,
    IDbContextFactory<LiveDbContext> dbFactory,
    DeckCatalog decks,
    LiveSessionService sessions,
    IPollNotifier notifier,
    PatientDataGuard guard,
    TimeProvider time,
    ILogger<PollService> logger,
    NodeTopology? topology = null,
    DeviceBlocks? blocks = null) : ISlideFollower
{
    private readonly NodeTopology _topology = topology ?? NodeTopology.SingleNode;
    private readonly ClusterFreshness _freshness = new(topology ?? NodeTopology.SingleNode, time);

    private readonly ConcurrentDictionary<(string Code, string PollId), TallyEntry> _tallies = new();

    // Single node only: what the writer needs to decide a vote without a query (VoteBook).
    private readonly ConcurrentDictionary<(string Code, string PollId), VoteBook> _books = new();

    // The new and changed votes of the writer's current group, saved by the writer in one go.
    private readonly PendingVotes _pendingVotes = new();

    /// <summary>The polls of a session's deck with their states, in slide order.</summary>
    public async Task<IReadOnlyList<PollView>> ListAsync(string sessionCode, CancellationToken cancellationToken)
    {
        var (_, deck) = await RequireDeckAsync(sessionCode, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var states = await db.PollStates.AsNoTracking().Where(s => s.SessionCode == sessionCode).ToDictionaryAsync(s => s.PollId, cancellationToken);
        var views = new List<PollView>(deck.Polls.Count);
        foreach (var poll in deck.Polls)
        {
            var entry = await TallyAsync(sessionCode, poll, cancellationToken);
            var voters = (await SnapshotAsync(sessionCode, entry, cancellationToken)).Voters;
            views.Add(ToView(sessionCode, poll, states.GetValueOrDefault(poll.Id), voters, entry.HeldAnswers()));
        }

        return views;
    }

    /// <summary>One poll of the session with its state.</summary>
    public async Task<PollView> GetAsync(string sessionCode, string pollId, CancellationToken cancellationToken)
    {
        var poll = await RequirePollAsync(sessionCode, pollId, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var state = await db.PollStates.AsNoTracking().SingleOrDefaultAsync(s => s.SessionCode == sessionCode && s.PollId == pollId, cancellationToken);
        var entry = await TallyAsync(sessionCode, poll, cancellationToken);
        return ToView(sessionCode, poll, state, (await SnapshotAsync(sessionCode, entry, cancellationToken)).Voters, entry.HeldAnswers());
    }

    /// <summary>Opens a poll for voting; any other open poll of the session closes.</summary>
    public Task<PollView> OpenAsync(string sessionCode, string pollId, CancellationToken cancellationToken) =>
        ChangeStateAsync(sessionCode, pollId, (db, state, ct) =>
        {
            var now = time.GetUtcNow();
            if (state.PublishedResults is not null)
            {
                // Its votes were deleted and its shown results kept as they were: voting again starts a new round.
                StartNewRound(state, now);
            }

            state.IsOpen = true;
            state.OpenedAt ??= now;
            return CloseOthersAsync(db, sessionCode, pollId, now, ct);
        }, cancellationToken);

    /// <summary>Closes a poll: no more votes; results stay as they are.</summary>
    public Task<PollView> CloseAsync(string sessionCode, string pollId, CancellationToken cancellationToken) =>
        ChangeStateAsync(sessionCode, pollId, (_, state, _) =>
        {
            state.IsOpen = false;
            state.ClosedAt = time.GetUtcNow();
            return Task.CompletedTask;
        }, cancellationToken);

    /// <summary>Shows or hides the results (and a quiz's answer) to the room. The presenter always sees them.</summary>
    public Task<PollView> SetResultsVisibleAsync(string sessionCode, string pollId, bool visible, CancellationToken cancellationToken) =>
        ChangeStateAsync(sessionCode, pollId, (_, state, _) =>
        {
            state.ResultsVisible = visible;
            return Task.CompletedTask;
        }, cancellationToken);

    /// <summary>
    /// Starts a new round: counts go back to zero and every phone may vote again. The earlier round's votes stay in
    /// the database but no longer count.
    /// </summary>
    public Task<PollView> ResetAsync(string sessionCode, string pollId, CancellationToken cancellationToken) =>
        ChangeStateAsync(sessionCode, pollId, (_, state, _) =>
        {
            StartNewRound(state, time.GetUtcNow());
            return Task.CompletedTask;
        }, cancellationToken);


    /// <summary>
    /// Records a phone's vote (or its changed vote) in the open poll. Sending the same client id again changes
    /// nothing. Acknowledged after commit.
    /// </summary>
    /// <exception cref="RequestRefusedException">The poll is closed, unknown, or the answer does not fit it.</exception>
    public async Task<VoteReceipt> VoteAsync(string sessionCode, string deviceHash, string pollId, string clientId, PollAnswer answer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var poll = await RequirePollAsync(sessionCode, pollId, cancellationToken);
        if (string.IsNullOrEmpty(clientId) || clientId.Length > 64 || !clientId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            throw new RequestRefusedException(RefusalCodes.BadClientId, "The vote has no valid client id; reload the page and try again.");
        }

        var normalized = PollAnswers.Normalize(poll, answer);
        var stored = Screen(poll, answer, normalized);
        var serialized = stored.Held is { } held ? PollAnswers.SerializeHeld(held) : PollAnswers.Serialize(normalized);
        var entry = await TallyAsync(sessionCode, poll, cancellationToken);
        var blocked = blocks is not null && await blocks.IsBlockedAsync(sessionCode, deviceHash, cancellationToken);
        // On one node the writer decides from memory (VoteBook) and counts the vote into this node's tally; in a
        // cluster other nodes write votes too, so the database decides each one and the tally is re-read from it
        // (SnapshotAsync), not counted here.
        var outcome = !_topology.MultiNode ? await VoteByBookAsync(sessionCode, pollId, deviceHash, clientId, serialized, stored, blocked, entry, cancellationToken) : await writes.EnqueueAsync(async (db, ct) =>
        {
            await TalkEnded.ThrowIfEndedAsync(db, sessionCode, ct);
            var state = await db.PollStates.AsNoTracking().SingleOrDefaultAsync(s => s.SessionCode == sessionCode && s.PollId == pollId, ct);
            if (state is not { IsOpen: true })
            {
                throw PollClosed();
            }

            // A phone a moderator blocked: refused after the refusals every phone can get (DeviceBlocks).
            if (blocked)
            {
                throw new DeviceBlockedException();
            }

            var existing = await db.PollVotes.SingleOrDefaultAsync(v => v.SessionCode == sessionCode && v.PollId == pollId && v.Round == state.Round && v.DeviceHash == deviceHash, ct);
            var now = time.GetUtcNow();
            if (existing is null)
            {
                db.PollVotes.Add(new PollVoteRecord
                {
                    SessionCode = sessionCode,
                    PollId = pollId,
                    Round = state.Round,
                    DeviceHash = deviceHash,
                    ClientId = clientId,
                    Answer = serialized,
                    CreatedAt = now,
                    UpdatedAt = now,
                });
                return new VoteOutcome(state.Round, null, stored, Changed: false, Duplicate: false);
            }

            if (existing.ClientId == clientId)
            {
                return new VoteOutcome(state.Round, null, PollAnswers.ReadStored(existing.Answer), Changed: false, Duplicate: true);
            }

            var previous = PollAnswers.ReadStored(existing.Answer);
            existing.Answer = serialized;
            existing.ClientId = clientId;
            existing.UpdatedAt = now;
            return new VoteOutcome(state.Round, previous, stored, Changed: true, Duplicate: false);
        }, cancellationToken);

        if (!outcome.Duplicate)
        {
            notifier.ResultsChanged(sessionCode, pollId, entry.ResultsVisible, ct => SnapshotAsync(sessionCode, entry, ct));
            if (outcome.Answer.Held is not null || outcome.Previous?.Held is not null)
            {
                // In a cluster the copy may be up to half a second old; the presenter's list must show this answer.
                entry.Expire();
                // Only the presenter hears of held answers; the room's results did not change for them.
                await notifier.HeldAnswersChangedAsync(await GetAsync(sessionCode, pollId, cancellationToken), await ResultsAsync(sessionCode, pollId, cancellationToken), cancellationToken);
            }
        }

        if (outcome.Answer.Held is not null && !outcome.Duplicate)
        {
            LogAnswerHeld(sessionCode, pollId);
        }

        return new VoteReceipt(pollId, outcome.Round, outcome.Answer.AsSeenByVoter, outcome.Changed, outcome.Answer.Held?.Reason);
    }

    private Task<VoteOutcome> VoteByBookAsync(string sessionCode, string pollId, string deviceHash, string clientId, string serialized, StoredPollAnswer stored, bool blocked, TallyEntry entry, CancellationToken cancellationToken) =>
        writes.EnqueueDeferredAsync((db, ct) => DecideByBookAsync(db, sessionCode, pollId, deviceHash, clientId, serialized, stored, blocked, ct), outcome =>
        {
            if (!outcome.Duplicate)
            {
                entry.Apply(outcome.Round, outcome.Previous, outcome.Answer);
            }
        }, () => ForgetBooks(sessionCode), _pendingVotes, cancellationToken);

    /// <summary>
    /// Decides a vote from the poll's <see cref="VoteBook"/>, without a query once the book is loaded, and hands the new
    /// or changed row to <see cref="PendingVotes"/>, which the writer saves once for the votes queued beside it. The
    /// same rules as the cluster's path in <see cref="VoteAsync"/>, in the same order; every check comes first.
    /// </summary>
    private async Task<VoteOutcome> DecideByBookAsync(LiveDbContext db, string sessionCode, string pollId, string deviceHash, string clientId, string serialized, StoredPollAnswer stored, bool blocked, CancellationToken cancellationToken)
    {
        var book = _books.GetOrAdd((sessionCode, pollId), key => new VoteBook(key.Code, key.PollId));
        await book.ThrowIfTalkEndedAsync(db, cancellationToken);
        await book.EnsureLoadedAsync(db, cancellationToken);
        if (!book.IsOpen)
        {
            throw PollClosed();
        }

        // A phone a moderator blocked: refused after the refusals every phone can get (DeviceBlocks).
        if (blocked)
        {
            throw new DeviceBlockedException();
        }

        var existing = book.VoteOf(deviceHash);
        var now = time.GetUtcNow();
        if (existing is null)
        {
            book.Add(_pendingVotes, new VoteRow(sessionCode, pollId, book.Round, deviceHash, clientId, serialized, now));
            return new VoteOutcome(book.Round, null, stored, Changed: false, Duplicate: false);
        }

        if (existing.ClientId == clientId)
        {
            return new VoteOutcome(book.Round, null, PollAnswers.ReadStored(existing.Answer), Changed: false, Duplicate: true);
        }

        var previous = PollAnswers.ReadStored(existing.Answer);
        _pendingVotes.Change(existing, clientId, serialized, now);
        return new VoteOutcome(book.Round, previous, stored, Changed: true, Duplicate: false);
    }

    /// <summary>
    /// Forgets the vote books of a session's polls, on the writer: called by every write that changes a poll's state
    /// or deletes votes (they may close one poll by opening another), and when a write is rolled back.
    /// </summary>
    private void ForgetBooks(string sessionCode)
    {
        foreach (var (key, book) in _books)
        {
            if (key.Code == sessionCode)
            {
                book.Forget();
            }
        }
    }

    /// <summary>The current round's results (counts only: anonymous by construction).</summary>
    public async Task<PollResults> ResultsAsync(string sessionCode, string pollId, CancellationToken cancellationToken)
    {
        var poll = await RequirePollAsync(sessionCode, pollId, cancellationToken);
        return await SnapshotAsync(sessionCode, await TallyAsync(sessionCode, poll, cancellationToken), cancellationToken);
    }

    /// <summary>The tally now; in a cluster, read again from the shared database once the copy is no longer fresh (<see cref="ClusterFreshness"/>).</summary>
    private async Task<PollResults> SnapshotAsync(string sessionCode, TallyEntry entry, CancellationToken cancellationToken)
    {
        if (!_freshness.IsFresh(entry.LoadedAt))
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var state = await db.PollStates.AsNoTracking().SingleOrDefaultAsync(s => s.SessionCode == sessionCode && s.PollId == entry.Poll.Id, cancellationToken);
            var round = state?.Round ?? 0;
            var answers = await StoredAnswersAsync(db, sessionCode, entry.Poll.Id, round, cancellationToken);
            entry.Load(round, state?.ResultsVisible ?? false, answers, time.GetUtcNow(), PublishedResultsJson.Deserialize(state?.PublishedResults));
        }

        return entry.Snapshot();
    }

    /// <summary>This device's answer in the current round, or null.</summary>
    public async Task<PollAnswer?> MyVoteAsync(string sessionCode, string deviceHash, string pollId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var round = await db.PollStates.Where(s => s.SessionCode == sessionCode && s.PollId == pollId).Select(s => (int?)s.Round).SingleOrDefaultAsync(cancellationToken) ?? 0;
        var stored = await db.PollVotes.Where(v => v.SessionCode == sessionCode && v.PollId == pollId && v.Round == round && v.DeviceHash == deviceHash)
            .Select(v => v.Answer).SingleOrDefaultAsync(cancellationToken);
        return stored is null ? null : PollAnswers.ReadStored(stored).AsSeenByVoter;
    }

    /// <summary>
    /// Opens the polls of the slide the talk is on that ask for it (<c>auto-open</c>) and have not been opened in this
    /// round, whichever way the talk got there (<see cref="LiveSessionService"/> calls it after every move).
    /// </summary>
    public async Task SlideReachedAsync(LiveSessionState session, bool slideChanged, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (decks.Get(session.DeckSlug).Deck is not { } deck)
        {
            return;
        }

        foreach (var poll in deck.Polls.Where(p => p.AutoOpen && p.SlideIndex == session.Position.Slide))
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var state = await db.PollStates.AsNoTracking().SingleOrDefaultAsync(s => s.SessionCode == session.Code && s.PollId == poll.Id, cancellationToken);
            if (state is null || (!state.IsOpen && state.OpenedAt is null))
            {
                LogAutoOpened(session.Code, poll.Id);
                await OpenAsync(session.Code, poll.Id, cancellationToken);
            }
        }
    }

    private async Task<PollView> ChangeStateAsync(string sessionCode, string pollId, Func<LiveDbContext, PollStateRecord, CancellationToken, Task> change, CancellationToken cancellationToken)
    {
        var poll = await RequirePollAsync(sessionCode, pollId, cancellationToken);
        var entry = await TallyAsync(sessionCode, poll, cancellationToken);
        var (state, closed) = await writes.EnqueueAsync(async (db, ct) =>
        {
            ForgetBooks(sessionCode);
            var record = await db.PollStates.SingleOrDefaultAsync(s => s.SessionCode == sessionCode && s.PollId == pollId, ct);
            if (record is null)
            {
                record = new PollStateRecord { SessionCode = sessionCode, PollId = pollId };
                db.PollStates.Add(record);
            }

            var othersBefore = await db.PollStates.Where(s => s.SessionCode == sessionCode && s.PollId != pollId && s.IsOpen).Select(s => s.PollId).ToListAsync(ct);
            await change(db, record, ct);
            return (record, othersBefore);
        }, cancellationToken, result => entry.EnsureRound(result.record.Round, result.record.ResultsVisible), () => ForgetBooks(sessionCode));

        var results = await SnapshotAsync(sessionCode, entry, cancellationToken);
        var view = ToView(sessionCode, poll, state, results.Voters, entry.HeldAnswers());
        await notifier.PollChangedAsync(view, results, cancellationToken);
        foreach (var other in closed.Where(_ => state.IsOpen))
        {
            await notifier.PollChangedAsync(await GetAsync(sessionCode, other, cancellationToken), await ResultsAsync(sessionCode, other, cancellationToken), cancellationToken);
        }

        return view;
    }

    private static void StartNewRound(PollStateRecord state, DateTimeOffset now)
    {
        state.Round++;
        state.ResultsVisible = false;
        state.PublishedResults = null;
        state.OpenedAt = state.IsOpen ? now : null;
    }

    private static async Task CloseOthersAsync(LiveDbContext db, string sessionCode, string pollId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var other in await db.PollStates.Where(s => s.SessionCode == sessionCode && s.PollId != pollId && s.IsOpen).ToListAsync(cancellationToken))
        {
            other.IsOpen = false;
            other.ClosedAt = now;
        }
    }

    /// <summary>The running tally of a poll, loaded from the database on first use — on the writer, so no vote is counted twice.</summary>
    private async Task<TallyEntry> TallyAsync(string sessionCode, PollDefinition poll, CancellationToken cancellationToken)
    {
        var key = (sessionCode, poll.Id);
        if (_tallies.TryGetValue(key, out var ready) && ReferenceEquals(ready.Poll, poll))
        {
            return ready;
        }

        var entry = new TallyEntry(poll);
        await writes.EnqueueAsync(async (db, ct) =>
        {
            var state = await db.PollStates.AsNoTracking().SingleOrDefaultAsync(s => s.SessionCode == sessionCode && s.PollId == poll.Id, ct);
            var round = state?.Round ?? 0;
            var answers = await StoredAnswersAsync(db, sessionCode, poll.Id, round, ct);
            return (round, visible: state?.ResultsVisible ?? false, answers, published: PublishedResultsJson.Deserialize(state?.PublishedResults));
        }, cancellationToken, loaded =>
        {
            entry.Load(loaded.round, loaded.visible, loaded.answers, time.GetUtcNow(), loaded.published);
            // A reloaded deck (Development) gives new definitions; the first loader after that wins.
            _tallies.AddOrUpdate(key, entry, (_, existing) => ReferenceEquals(existing.Poll, poll) ? existing : entry);
        });
        return _tallies[key];
    }

    /// <summary>The answers of a round, counted and held, read on the writer or from the shared database.</summary>
    private static async Task<List<StoredPollAnswer>> StoredAnswersAsync(LiveDbContext db, string sessionCode, string pollId, int round, CancellationToken cancellationToken)
    {
        var stored = await db.PollVotes.AsNoTracking().Where(v => v.SessionCode == sessionCode && v.PollId == pollId && v.Round == round).Select(v => v.Answer).ToListAsync(cancellationToken);
        return stored.Select(PollAnswers.ReadStored).ToList();
    }

    /// <summary>
    /// Deletes every vote one device gave in a session, in every round, as one write; the live counts drop its
    /// answers at once. The caller makes the deletion final in the files (<see cref="SqliteStorage.EraseDeletedAsync"/>).
    /// </summary>
    /// <returns>How many votes were deleted.</returns>
    public async Task<int> ForgetDeviceAsync(string sessionCode, string deviceHash, CancellationToken cancellationToken)
    {
        var outcome = await writes.EnqueueAsync(async (db, ct) =>
        {
            ForgetBooks(sessionCode);
            var votes = await db.PollVotes.Where(v => v.SessionCode == sessionCode && v.DeviceHash == deviceHash).ToListAsync(ct);
            var rounds = await db.PollStates.AsNoTracking().Where(s => s.SessionCode == sessionCode).ToDictionaryAsync(s => s.PollId, s => s.Round, ct);
            db.PollVotes.RemoveRange(votes);
            var counted = votes.Where(v => v.Round == rounds.GetValueOrDefault(v.PollId))
                .Select(v => (v.PollId, v.Round, Answer: PollAnswers.ReadStored(v.Answer))).ToList();
            return (votes.Count, counted);
        }, cancellationToken, outcome =>
        {
            // In a cluster the tallies are re-read from the database instead (SnapshotAsync).
            if (_topology.MultiNode)
            {
                return;
            }

            foreach (var (pollId, round, answer) in outcome.counted)
            {
                if (_tallies.TryGetValue((sessionCode, pollId), out var entry))
                {
                    entry.Retract(round, answer);
                }
            }
        }, () => ForgetBooks(sessionCode));

        foreach (var pollId in outcome.counted.Select(c => c.PollId).Distinct(StringComparer.Ordinal))
        {
            if (_tallies.TryGetValue((sessionCode, pollId), out var entry))
            {
                notifier.ResultsChanged(sessionCode, pollId, entry.ResultsVisible, ct => SnapshotAsync(sessionCode, entry, ct));
            }
        }

        foreach (var pollId in outcome.counted.Where(c => c.Answer.Held is not null).Select(c => c.PollId).Distinct(StringComparer.Ordinal))
        {
            // The presenter's list of held answers loses this phone's.
            await notifier.HeldAnswersChangedAsync(await GetAsync(sessionCode, pollId, cancellationToken), await ResultsAsync(sessionCode, pollId, cancellationToken), cancellationToken);
        }

        return outcome.Count;
    }

    /// <summary>
    /// Deletes every vote of a session, in every round, as one write. The results the room was shown
    /// (<paramref name="keepPublishedResults"/>) are kept first, as counts, and go on being served as open data; any
    /// other results go with the votes, and with <paramref name="keepPublishedResults"/> false the shown ones too
    /// (they are then hidden again). Every screen is told. The caller makes the deletion final in the files.
    /// </summary>
    public async Task<VotesDeleted> EraseSessionAsync(string sessionCode, bool keepPublishedResults, CancellationToken cancellationToken)
    {
        var session = await sessions.FindAsync(sessionCode, cancellationToken) ?? throw new RequestRefusedException(RefusalCodes.UnknownSession, $"There is no session with code {sessionCode}.");
        var definitions = decks.Get(session.DeckSlug).Deck?.Polls.ToDictionary(p => p.Id, StringComparer.Ordinal) ?? [];
        var outcome = await writes.EnqueueAsync(async (db, ct) =>
        {
            ForgetBooks(sessionCode);
            var states = await db.PollStates.Where(s => s.SessionCode == sessionCode).ToListAsync(ct);
            foreach (var state in states)
            {
                if (state.IsOpen)
                {
                    // Nothing is left to count in it; opening it again starts a new round.
                    state.IsOpen = false;
                    state.ClosedAt = time.GetUtcNow();
                }

                if (!keepPublishedResults || !state.ResultsVisible)
                {
                    state.PublishedResults = null;
                    state.ResultsVisible &= keepPublishedResults;
                }
                else if (state.PublishedResults is null && definitions.TryGetValue(state.PollId, out var poll))
                {
                    var tally = new PollTally(poll);
                    foreach (var answer in await StoredAnswersAsync(db, sessionCode, state.PollId, state.Round, ct))
                    {
                        if (answer.Counted is { } counted)
                        {
                            tally.Add(counted);
                        }
                    }

                    state.PublishedResults = PublishedResultsJson.Serialize(tally.Snapshot());
                }
            }

            var deleted = await db.PollVotes.Where(v => v.SessionCode == sessionCode).ExecuteDeleteAsync(ct);
            var kept = states.Select(s => (s.PollId, s.Round, s.ResultsVisible, Published: PublishedResultsJson.Deserialize(s.PublishedResults))).ToList();
            return (deleted, kept);
        }, cancellationToken, outcome =>
        {
            // On the writer, right after the commit: no vote can slip in between the deletion and the new counts.
            foreach (var (pollId, round, visible, published) in outcome.kept)
            {
                if (_tallies.TryGetValue((sessionCode, pollId), out var entry))
                {
                    entry.Load(round, visible, [], time.GetUtcNow(), published);
                }
            }
        }, () => ForgetBooks(sessionCode));

        foreach (var (pollId, _, _, _) in outcome.kept.Where(k => definitions.ContainsKey(k.PollId)))
        {
            await notifier.PollChangedAsync(await GetAsync(sessionCode, pollId, cancellationToken), await ResultsAsync(sessionCode, pollId, cancellationToken), cancellationToken);
        }

        return new VotesDeleted(outcome.deleted, outcome.kept.Count(k => k.Published is not null));
    }

    /// <summary>
    /// Every poll of a session back to where it was before anyone opened it (a rehearsal going live): each starts a
    /// new round, closed, results hidden, nothing published, and opens by itself again on its slide if it should;
    /// every vote of the session is deleted.
    /// </summary>
    /// <returns>How many votes were deleted.</returns>
    public async Task<int> ResetSessionAsync(string sessionCode, CancellationToken cancellationToken)
    {
        var session = await sessions.FindAsync(sessionCode, cancellationToken) ?? throw new RequestRefusedException(RefusalCodes.UnknownSession, $"There is no session with code {sessionCode}.");
        var definitions = decks.Get(session.DeckSlug).Deck?.Polls.ToDictionary(p => p.Id, StringComparer.Ordinal) ?? [];
        var outcome = await writes.EnqueueAsync(async (db, ct) =>
        {
            ForgetBooks(session.Code);
            var states = await db.PollStates.Where(s => s.SessionCode == session.Code).ToListAsync(ct);
            foreach (var state in states)
            {
                state.IsOpen = false;
                state.ClosedAt = null;
                StartNewRound(state, time.GetUtcNow());
            }

            var deleted = await db.PollVotes.Where(v => v.SessionCode == session.Code).ExecuteDeleteAsync(ct);
            return (deleted, rounds: states.Select(s => (s.PollId, s.Round)).ToList());
        }, cancellationToken, outcome =>
        {
            // On the writer, right after the commit: no vote can slip in between the deletion and the empty counts.
            foreach (var (pollId, round) in outcome.rounds)
            {
                if (_tallies.TryGetValue((session.Code, pollId), out var entry))
                {
                    entry.Load(round, false, [], time.GetUtcNow(), null);
                }
            }
        }, () => ForgetBooks(session.Code));

        foreach (var (pollId, _) in outcome.rounds.Where(r => definitions.ContainsKey(r.PollId)))
        {
            await notifier.PollChangedAsync(await GetAsync(session.Code, pollId, cancellationToken), await ResultsAsync(session.Code, pollId, cancellationToken), cancellationToken);
        }

        return outcome.deleted;
    }

    private async Task<(LiveSessionState Session, Deck Deck)> RequireDeckAsync(string sessionCode, CancellationToken cancellationToken)
    {
        var session = await sessions.FindAsync(sessionCode, cancellationToken) ?? throw new RequestRefusedException(RefusalCodes.UnknownSession, $"There is no session with code {sessionCode}.");
        var deck = decks.Get(session.DeckSlug).Deck ?? throw new RequestRefusedException(RefusalCodes.DeckErrors, $"The deck '{session.DeckSlug}' has errors; its polls are not available.");
        return (session, deck);
    }

    private async Task<PollDefinition> RequirePollAsync(string sessionCode, string pollId, CancellationToken cancellationToken)
    {
        var (_, deck) = await RequireDeckAsync(sessionCode, cancellationToken);
        return deck.Polls.FirstOrDefault(p => p.Id == pollId)
            ?? throw new RequestRefusedException(RefusalCodes.UnknownPoll, $"This deck has no poll '{(pollId?.Length > 64 ? pollId[..64] : pollId)}'.");
    }

    private static PollView ToView(string sessionCode, PollDefinition poll, PollStateRecord? state, int voters, IReadOnlyList<HeldPollAnswer> held) =>
        new(sessionCode, poll, state?.IsOpen ?? false, state?.ResultsVisible ?? false, state?.Round ?? 0, voters, state?.OpenedAt, state?.ClosedAt, held);

    /// <summary>A typed answer as it will be stored: counted, or — when the guard finds something in it — held and masked.</summary>
    private StoredPollAnswer Screen(PollDefinition poll, PollAnswer typed, PollAnswer normalized)
    {
        if (poll.Type != PollType.WordCloud || typed.Text is not { } text)
        {
            return new StoredPollAnswer(normalized, null);
        }

        var screened = WordCloudGuard.Screen(guard, text);
        if (!screened.Held)
        {
            return new StoredPollAnswer(normalized, null);
        }

        var masked = screened.Text.Length <= PollAnswers.MaxTypedLength ? screened.Text : screened.Text[..(PollAnswers.MaxTypedLength - 1)] + "…";
        var reason = "Held for the presenter: it looks like it contains " + string.Join("; ", screened.Findings.Select(f => f.Reason)) + ".";
        return new StoredPollAnswer(null, new HeldPollAnswer(masked, reason));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "An answer to poll {PollId} of session {SessionCode} was held by the patient-data guard")]
    private partial void LogAnswerHeld(string sessionCode, string pollId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Poll {PollId} of session {SessionCode} opened on reaching its slide")]
    private partial void LogAutoOpened(string sessionCode, string pollId);

    private sealed record VoteOutcome(int Round, StoredPollAnswer? Previous, StoredPollAnswer Answer, bool Changed, bool Duplicate);

    /// <summary>A poll's running tally for its current round; every change happens on the writer, reads take the lock.</summary>
    private sealed class TallyEntry(PollDefinition poll)
    {
        private readonly Lock _lock = new();
        private readonly List<HeldPollAnswer> _held = [];
        private PollTally _tally = new(poll);
        private int _round;

        // The results the room was shown, kept when the round's votes were deleted; they stand in for the tally.
        private PollResults? _published;

        public PollDefinition Poll { get; } = poll;

        public bool ResultsVisible { get; private set; }

        public DateTimeOffset LoadedAt { get; private set; }

        /// <summary>In a cluster, makes the next snapshot read the database again; on one node the copy is always the truth.</summary>
        public void Expire()
        {
            lock (_lock)
            {
                LoadedAt = DateTimeOffset.MinValue;
            }
        }

        public void Load(int round, bool resultsVisible, IEnumerable<StoredPollAnswer> answers, DateTimeOffset at, PollResults? published)
        {
            lock (_lock)
            {
                LoadedAt = at;
                _round = round;
                ResultsVisible = resultsVisible;
                _published = published;
                _tally = new PollTally(Poll);
                _held.Clear();
                foreach (var answer in answers)
                {
                    Add(answer);
                }
            }
        }

        /// <summary>The held answers of this round, for the presenter.</summary>
        public IReadOnlyList<HeldPollAnswer> HeldAnswers()
        {
            lock (_lock)
            {
                return [.. _held];
            }
        }

        public void EnsureRound(int round, bool resultsVisible)
        {
            lock (_lock)
            {
                ResultsVisible = resultsVisible;
                if (round != _round)
                {
                    _round = round;
                    _published = null;
                    _tally = new PollTally(Poll);
                    _held.Clear();
                }
            }
        }

        public void Apply(int round, StoredPollAnswer? previous, StoredPollAnswer answer)
        {
            lock (_lock)
            {
                if (round != _round)
                {
                    return;
                }

                if (previous?.Counted is { } counted)
                {
                    _tally.Remove(counted);
                }
                else if (previous?.Held is { } held)
                {
                    _held.Remove(held);
                }

                Add(answer);
            }
        }

        private void Add(StoredPollAnswer answer)
        {
            if (answer.Counted is { } counted)
            {
                _tally.Add(counted);
            }
            else if (answer.Held is { } held)
            {
                _held.Add(held);
            }
        }

        /// <summary>Takes back one answer of <paramref name="round"/>, counted or held, whose vote was deleted.</summary>
        public void Retract(int round, StoredPollAnswer answer)
        {
            lock (_lock)
            {
                if (round != _round)
                {
                    return;
                }

                if (answer.Counted is { } counted)
                {
                    _tally.Remove(counted);
                }
                else if (answer.Held is { } held)
                {
                    _held.Remove(held);
                }
            }
        }

        public PollResults Snapshot()
        {
            lock (_lock)
            {
                return _published ?? _tally.Snapshot();
            }
        }
    }

    /// <summary>The refusal of a vote that reached a closed poll, on either path (the vote book's or the database's).</summary>
    private static RequestRefusedException PollClosed() => new(RefusalCodes.PollClosed, "This poll is closed; your vote was not counted.");
}
