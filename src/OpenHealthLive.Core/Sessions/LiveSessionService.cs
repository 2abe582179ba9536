using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.Extensions.Logging;
using OpenHealthLive.Core.Refusals;
using OpenHealthLive.Core.Slides;
using OpenHealthLive.Core.Storage;

namespace OpenHealthLive.Core.Sessions;

/// <summary>
/// Starts sessions and moves them through their decks. Every change is committed to the database first and
/// broadcast second, so a phone never sees a slide that a restart would take back. Changes to one session
/// are applied one at a time, in the order they arrive.
/// </summary>
public sealed partial class LiveSessionService(
    IDbContextFactory<LiveDbContext> dbFactory,
    DeckCatalog decks,
    ILiveNotifier notifier,
    TimeProvider time,
    ILogger<LiveSessionService> logger,
    NodeTopology? topology = null,
    SlideFollowers? slideFollowers = null)
{
    /// <summary>What a session that has just started has shown.</summary>
    private const string FirstSlideOnly = "0:0";

    private readonly SlideFollowers _slideFollowers = slideFollowers ?? SlideFollowers.None;
    private readonly ClusterCache<string, LiveSessionState> _cache = new(topology ?? NodeTopology.SingleNode, time, StringComparer.Ordinal);
    /// <summary>How many times a move is tried when other nodes keep moving the talk between its read and its write.</summary>
    private const int MaxMoveAttempts = 3;

    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);

    /// <summary>The session with this join code (any case), or null.</summary>
    public async Task<LiveSessionState?> FindAsync(string? code, CancellationToken cancellationToken)
    {
        if (!JoinCode.TryNormalize(code, out var normalized, out _))
        {
            return null;
        }

        if (_cache.TryGetFresh(normalized, out var cached))
        {
            return cached;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var record = await db.Sessions.AsNoTracking().SingleOrDefaultAsync(s => s.Code == normalized, cancellationToken);
        return record is null ? null : Remember(record);
    }

    /// <summary>
    /// The current version of each session whose code is given, read from the database: other nodes may have
    /// moved them. Used by the periodic state heartbeat of a cluster.
    /// </summary>
    public async Task<IReadOnlyList<LiveSessionState>> RefreshAsync(IReadOnlyCollection<string> codes, CancellationToken cancellationToken)
    {
        if (codes.Count == 0)
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var records = await db.Sessions.AsNoTracking().Where(s => codes.Contains(s.Code)).ToListAsync(cancellationToken);
        return records.Select(Remember).ToList();
    }

    /// <summary>The session that exists from start-up.</summary>
    public async Task<LiveSessionState?> FindDefaultAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var record = await db.Sessions.AsNoTracking().Where(s => s.IsDefault).OrderByDescending(s => s.Id).FirstOrDefaultAsync(cancellationToken);
        return record is null ? null : ToState(record);
    }

    /// <summary>Every session, newest first.</summary>
    public async Task<IReadOnlyList<LiveSessionState>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var records = await db.Sessions.AsNoTracking().OrderByDescending(s => s.Id).ToListAsync(cancellationToken);
        return records.Select(ToState).ToList();
    }

    /// <summary>
    /// Makes sure the start-up session exists and presents <paramref name="deckSlug"/>. Its code is
    /// <paramref name="configuredCode"/> when given; otherwise the code generated on the first start is kept.
    /// </summary>
    public async Task<LiveSessionState> EnsureDefaultSessionAsync(string deckSlug, string? configuredCode, CancellationToken cancellationToken)
    {
        string? code = null;
        if (!string.IsNullOrWhiteSpace(configuredCode) && !JoinCode.TryNormalize(configuredCode, out code, out var error))
        {
            throw new RequestRefusedException(RefusalCodes.BadCode, $"Join:DefaultSessionCode '{configuredCode}' is not a valid code: {error}");
        }

        try
        {
            return await EnsureDefaultSessionCoreAsync(deckSlug, code, cancellationToken);
        }
        catch (DbUpdateException) when (code is not null)
        {
            // Another node of a cluster, starting at the same moment, made the session first: take it as it is.
            return await EnsureDefaultSessionCoreAsync(deckSlug, code, cancellationToken);
        }
    }

    private async Task<LiveSessionState> EnsureDefaultSessionCoreAsync(string deckSlug, string? code, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        var current = await db.Sessions.Where(s => s.IsDefault).ToListAsync(cancellationToken);
        var target = code is null
            ? current.OrderByDescending(s => s.Id).FirstOrDefault()
            : await db.Sessions.SingleOrDefaultAsync(s => s.Code == code, cancellationToken);

        if (target is null)
        {
            target = new LiveSessionRecord { Code = code ?? await NewUniqueCodeAsync(db, cancellationToken), DeckSlug = deckSlug, CreatedAt = now, UpdatedAt = now, Shown = FirstSlideOnly };
            db.Sessions.Add(target);
            LogSessionCreated(target.Code, deckSlug);
        }

        foreach (var other in current.Where(s => s != target))
        {
            other.IsDefault = false;
        }

        target.IsDefault = true;
        if (!string.Equals(target.DeckSlug, deckSlug, StringComparison.Ordinal))
        {
            // The configured default deck changed: keep the code everyone already has, restart the deck.
            target.DeckSlug = deckSlug;
            target.Slide = target.Fragment = target.RevealedSlide = target.RevealedFragment = 0;
            target.Shown = FirstSlideOnly;
            target.Version++;
            target.UpdatedAt = now;
        }

        await db.SaveChangesAsync(cancellationToken);
        return Remember(target);
    }

    /// <summary>Starts a new session for a deck in the content folder, on its first slide.</summary>
    public Task<LiveSessionState> StartAsync(string deckSlug, CancellationToken cancellationToken) => StartAsync(deckSlug, new SessionPlan(), cancellationToken);

    /// <summary>Starts a new session for a deck in the content folder, on its first slide, as the organiser planned it.</summary>
    /// <exception cref="RequestRefusedException">The deck does not exist, or the title or room is too long.</exception>
    public async Task<LiveSessionState> StartAsync(string deckSlug, SessionPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (!decks.Exists(deckSlug))
        {
            throw new RequestRefusedException(RefusalCodes.UnknownDeck, $"There is no deck '{deckSlug}' in the content folder.");
        }

        var title = string.IsNullOrWhiteSpace(plan.Title) ? null : plan.Title.Trim();
        var room = string.IsNullOrWhiteSpace(plan.Room) ? null : plan.Room.Trim();
        if (title is { Length: > SessionPlan.MaxTitleLength } || room is { Length: > SessionPlan.MaxRoomLength })
        {
            throw new RequestRefusedException(RefusalCodes.PlanTooLong, $"A title has at most {SessionPlan.MaxTitleLength} characters and a room name at most {SessionPlan.MaxRoomLength}.", SessionPlan.MaxTitleLength, SessionPlan.MaxRoomLength);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        var record = new LiveSessionRecord
        {
            Code = await NewUniqueCodeAsync(db, cancellationToken),
            DeckSlug = deckSlug,
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
            Shown = FirstSlideOnly,
            Title = title,
            Room = room,
            StartsAt = plan.StartsAt,
            IsRehearsal = plan.IsRehearsal,
        };
        db.Sessions.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        LogSessionCreated(record.Code, deckSlug);
        return Remember(record);
    }

    /// <summary>
    /// Moves the session, commits the new position, then tells everyone following, then the
    /// <see cref="ISlideFollower"/>s (a slide's polls open). A request that does not move (→ on the last slide)
    /// changes nothing and broadcasts nothing.
    /// </summary>
    /// <exception cref="RequestRefusedException">The session or target slide does not exist, or the deck has errors.</exception>
    public async Task<LiveSessionState> NavigateAsync(string code, Navigation navigation, CancellationToken cancellationToken)
    {
        var (updated, moved, slideChanged) = await MoveAsync(code, navigation, cancellationToken);
        if (moved)
        {
            await notifier.SlideChangedAsync(updated, cancellationToken);
        }

        // Also when it did not move: a slide's polls are looked at on every request for it, as they always were.
        await _slideFollowers.SlideReachedAsync(updated, slideChanged, cancellationToken);
        return updated;
    }

    private Task<(LiveSessionState Session, bool Moved, bool SlideChanged)> MoveAsync(string code, Navigation navigation, CancellationToken cancellationToken) =>
        UnderSessionLockAsync<(LiveSessionState Session, bool Moved, bool SlideChanged)>(code, async sessionCode =>
        {
            for (var attempt = 1; ; attempt++)
            {
                await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
                var record = await db.Sessions.SingleAsync(s => s.Code == sessionCode, cancellationToken);
                if (_cache.TryGetAny(record.Code, out var remembered) && remembered.Position.Version > record.Version)
                {
                    // Earlier moves could not be stored (the database refused writes): carry on from where the room is.
                    record.Slide = remembered.Position.Slide;
                    record.Fragment = remembered.Position.Fragment;
                    record.Shown = remembered.Shown.ToString();
                    record.Version = remembered.Position.Version;
                }

                var deck = decks.Get(record.DeckSlug).Deck
                    ?? throw new RequestRefusedException(RefusalCodes.DeckErrors, $"The deck '{record.DeckSlug}' has errors; fix them before presenting it.");

                var (slide, fragment) = Move(deck, record.Slide, record.Fragment, navigation);
                if (slide == record.Slide && fragment == record.Fragment)
                {
                    return (Remember(record), false, false);
                }

                var slideChanged = slide != record.Slide;
                record.Slide = slide;
                record.Fragment = fragment;
                record.Version++;
                // What the room may look back at is what it was shown: the slide landed on, not the ones jumped over.
                record.Shown = ShownOf(record).With(slide, fragment).ToString();

                record.UpdatedAt = time.GetUtcNow();
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                }
                catch (DbUpdateConcurrencyException) when (attempt < MaxMoveAttempts)
                {
                    // Another node moved the talk between this read and this write (the version is a concurrency
                    // token): start again from where the talk is now, so both moves are stored, one after the other.
                    continue;
                }
                catch (Exception ex) when (ex is DbUpdateException or System.Data.Common.DbException)
                {
                    // Slides must keep working when the database cannot take writes: the room follows from memory,
                    // and the next move that can be stored stores where the room is.
                    LogPositionNotStored(ex, record.Code, record.Slide + 1);
                }

                return (Remember(record), true, slideChanged);
            }
        }, cancellationToken);

    /// <summary>Starts (or resumes) the speaker's timer.</summary>
    public Task<LiveSessionState> StartTimerAsync(string code, CancellationToken cancellationToken) =>
        ChangeTimerAsync(code, (record, now) =>
        {
            if (!record.TimerRunning)
            {
                record.TimerRunning = true;
                record.TimerStartedAt = now;
            }
        }, cancellationToken);

    /// <summary>Pauses the speaker's timer, keeping the time counted so far.</summary>
    public Task<LiveSessionState> PauseTimerAsync(string code, CancellationToken cancellationToken) =>
        ChangeTimerAsync(code, (record, now) =>
        {
            if (record.TimerRunning && record.TimerStartedAt is { } started)
            {
                record.TimerElapsedMs += (long)Math.Max(0, (now - started).TotalMilliseconds);
            }

            record.TimerRunning = false;
            record.TimerStartedAt = null;
        }, cancellationToken);

    /// <summary>Sets the speaker's timer back to zero and stops it.</summary>
    public Task<LiveSessionState> ResetTimerAsync(string code, CancellationToken cancellationToken) =>
        ChangeTimerAsync(code, (record, _) =>
        {
            record.TimerRunning = false;
            record.TimerStartedAt = null;
            record.TimerElapsedMs = 0;
        }, cancellationToken);

    /// <summary>Blacks the projector out or lights it again, and shows or hides the large join QR code on it.</summary>
    /// <exception cref="RequestRefusedException">There is no such session.</exception>
    public Task<LiveSessionState> SetProjectorAsync(string code, bool blackout, bool joinOverlay, CancellationToken cancellationToken) =>
        ChangeProjectorAsync(code, set => set.SetProperty(s => s.ProjectorBlackout, blackout).SetProperty(s => s.ProjectorJoinOverlay, joinOverlay), cancellationToken);

    /// <summary>Shows the caption bar under the slide on the projector, or hides it; blackout and the QR code stay as they are.</summary>
    /// <exception cref="RequestRefusedException">There is no such session.</exception>
    public Task<LiveSessionState> SetProjectorCaptionsAsync(string code, bool visible, CancellationToken cancellationToken) =>
        ChangeProjectorAsync(code, set => set.SetProperty(s => s.ProjectorCaptions, visible), cancellationToken);

    /// <summary>
    /// Ends the talk (<paramref name="ended"/>) or opens it again; ending a talk that has ended keeps its first end
    /// time, so the retention period runs from when it really ended.
    /// </summary>
    /// <exception cref="RequestRefusedException">There is no such session.</exception>
    public Task<LiveSessionState> SetEndedAsync(string code, bool ended, CancellationToken cancellationToken) =>
        ChangeRecordAsync(code, (record, now) => record.EndedAt = ended ? record.EndedAt ?? now : null, cancellationToken);

    /// <summary>Records that everything the audience sent has just been deleted.</summary>
    /// <exception cref="RequestRefusedException">There is no such session.</exception>
    public Task<LiveSessionState> MarkAudienceDataErasedAsync(string code, CancellationToken cancellationToken) =>
        ChangeRecordAsync(code, (record, now) => record.AudienceDataErasedAt = now, cancellationToken);

    /// <summary>
    /// Turns a rehearsal into the talk: back to the first slide (a new version, so every screen follows), nothing
    /// shown yet but that slide, the timer at zero, not ended, no longer a rehearsal. The code stays the same.
    /// </summary>
    /// <exception cref="RequestRefusedException">There is no such session, or it is not a rehearsal.</exception>
    public async Task<LiveSessionState> GoLiveAsync(string code, CancellationToken cancellationToken)
    {
        var updated = await UnderSessionLockAsync(code, async sessionCode =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var record = await db.Sessions.SingleAsync(s => s.Code == sessionCode, cancellationToken);
            if (!record.IsRehearsal)
            {
                throw new RequestRefusedException(RefusalCodes.AlreadyLive, $"Session {record.Code} is live already: only a rehearsal can go live.");
            }

            // Versions only grow: a phone that kept the rehearsal's last version must still take this one.
            record.Version = Math.Max(record.Version, _cache.TryGetAny(record.Code, out var remembered) ? remembered.Position.Version : 0) + 1;
            record.Slide = 0;
            record.Fragment = 0;
            record.Shown = FirstSlideOnly;
            record.TimerRunning = false;
            record.TimerStartedAt = null;
            record.TimerElapsedMs = 0;
            record.EndedAt = null;
            record.IsRehearsal = false;
            record.UpdatedAt = time.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
            return Remember(record);
        }, cancellationToken);

        await notifier.SlideChangedAsync(updated, cancellationToken);
        await notifier.TimerChangedAsync(updated, cancellationToken);
        // The talk has reached its first slide anew: its polls open and its strokes are sent, as after any move.
        await _slideFollowers.SlideReachedAsync(updated, slideChanged: true, cancellationToken);
        return updated;
    }

    /// <summary>Forgets cached state, so the next read comes from the database.</summary>
    public void Invalidate(string code) => _cache.Remove(code);

    private async Task<LiveSessionState> ChangeTimerAsync(string code, Action<LiveSessionRecord, DateTimeOffset> change, CancellationToken cancellationToken)
    {
        var updated = await ChangeRecordAsync(code, change, cancellationToken);
        await notifier.TimerChangedAsync(updated, cancellationToken);
        return updated;
    }

    /// <summary>
    /// One statement sets the projector's columns this change owns and counts the revision up, so two nodes changing
    /// the projector at once both land, each with its own revision; the row is read back after it, so what is
    /// announced is the whole stored state, including another node's change.
    /// </summary>
    private async Task<LiveSessionState> ChangeProjectorAsync(string code, Action<UpdateSettersBuilder<LiveSessionRecord>> change, CancellationToken cancellationToken)
    {
        var updated = await UnderSessionLockAsync(code, async sessionCode =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var now = time.GetUtcNow();
            await db.Sessions.Where(s => s.Code == sessionCode).ExecuteUpdateAsync(
                set =>
                {
                    change(set);
                    set.SetProperty(s => s.ProjectorRevision, s => s.ProjectorRevision + 1).SetProperty(s => s.UpdatedAt, now);
                },
                cancellationToken);
            var record = await db.Sessions.AsNoTracking().SingleAsync(s => s.Code == sessionCode, cancellationToken);
            var updated = ToState(record);
            _cache.Set(updated.Code, updated);
            return updated;
        }, cancellationToken);

        await notifier.ProjectorChangedAsync(updated, cancellationToken);
        return updated;
    }

    /// <summary>A change that is not a slide change (the timer, the end of the talk), applied under the session's lock.</summary>
    private Task<LiveSessionState> ChangeRecordAsync(string code, Action<LiveSessionRecord, DateTimeOffset> change, CancellationToken cancellationToken) =>
        UnderSessionLockAsync(code, async sessionCode =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var record = await db.Sessions.SingleAsync(s => s.Code == sessionCode, cancellationToken);
            change(record, time.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            // Not a slide change: it does not move the version, so keep the cache in step directly.
            var updated = ToState(record);
            _cache.Set(updated.Code, updated);
            return updated;
        }, cancellationToken);

    /// <summary>
    /// Runs <paramref name="work"/> on the session's stored code (a code typed in any case finds it) while this node
    /// holds the session's lock, so changes to one session on one node are applied one at a time.
    /// </summary>
    /// <exception cref="RequestRefusedException">There is no such session.</exception>
    private async Task<T> UnderSessionLockAsync<T>(string code, Func<string, Task<T>> work, CancellationToken cancellationToken)
    {
        var session = await FindAsync(code, cancellationToken) ?? throw new RequestRefusedException(RefusalCodes.UnknownSession, $"There is no session with code '{code}'.");
        var gate = _locks.GetOrAdd(session.Code, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            return await work(session.Code);
        }
        finally
        {
            gate.Release();
        }
    }

    internal static (int Slide, int Fragment) Move(Deck deck, int slide, int fragment, Navigation navigation)
    {
        var last = deck.Slides.Count - 1;
        slide = Math.Clamp(slide, 0, last);
        fragment = Math.Clamp(fragment, 0, deck.Slides[slide].FragmentCount);
        switch (navigation.Kind)
        {
            case NavigationKind.Next:
                if (fragment < deck.Slides[slide].FragmentCount)
                {
                    return (slide, fragment + 1);
                }

                return slide < last ? (slide + 1, 0) : (slide, fragment);
            case NavigationKind.Previous:
                if (fragment > 0)
                {
                    return (slide, fragment - 1);
                }

                return slide > 0 ? (slide - 1, deck.Slides[slide - 1].FragmentCount) : (slide, fragment);
            case NavigationKind.First:
                return (0, 0);
            case NavigationKind.Last:
                return (last, deck.Slides[last].FragmentCount);
            case NavigationKind.GoTo:
                if (navigation.Slide < 0 || navigation.Slide > last)
                {
                    throw new RequestRefusedException(RefusalCodes.UnknownSlide, $"Slide {navigation.Slide + 1} does not exist; the deck has {last + 1} slides.");
                }

                var fragments = deck.Slides[navigation.Slide].FragmentCount;
                if (navigation.Fragment < 0 || navigation.Fragment > fragments)
                {
                    throw new RequestRefusedException(RefusalCodes.UnknownSlide, $"Slide {navigation.Slide + 1} has {fragments} fragments; step {navigation.Fragment} does not exist.");
                }

                return (navigation.Slide, navigation.Fragment);
            default:
                throw new RequestRefusedException(RefusalCodes.UnknownNavigation, $"Unknown navigation '{navigation.Kind}'.");
        }
    }

    private LiveSessionState Remember(LiveSessionRecord record)
    {
        var state = ToState(record);
        return _cache.AddOrUpdate(state.Code, state, static (existing, read) => existing.Position.Version > read.Position.Version ? existing : read);
    }

    private static LiveSessionState ToState(LiveSessionRecord r) =>
        new(r.Code, r.DeckSlug, r.IsDefault, new SlidePosition(r.Slide, r.Fragment, r.Version), ShownOf(r).With(r.Slide, r.Fragment), r.CreatedAt,
            new SpeakerTimer(r.TimerRunning, TimeSpan.FromMilliseconds(r.TimerElapsedMs), r.TimerStartedAt),
            new SessionPlan(r.Title, r.Room, r.StartsAt, r.IsRehearsal), r.EndedAt, r.AudienceDataErasedAt)
        {
            Projector = new ProjectorDisplay(r.ProjectorBlackout, r.ProjectorJoinOverlay, r.ProjectorCaptions, r.ProjectorRevision),
        };

    /// <summary>
    /// The slides a stored session has shown. A row from before they were recorded has only the furthest point
    /// reached, which then meant "everything up to here": that is kept, so an upgrade neither hides nor reveals.
    /// </summary>
    private static ShownSlides ShownOf(LiveSessionRecord r) =>
        r.Shown is null ? ShownSlides.UpTo(r.RevealedSlide, r.RevealedFragment) : ShownSlides.Parse(r.Shown);

    private static async Task<string> NewUniqueCodeAsync(LiveDbContext db, CancellationToken cancellationToken)
    {
        while (true)
        {
            var code = JoinCode.Generate();
            if (!await db.Sessions.AnyAsync(s => s.Code == code, cancellationToken))
            {
                return code;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Session {Code} moved to slide {Slide}, but the database could not store it; the room follows from memory")]
    private partial void LogPositionNotStored(Exception exception, string code, int slide);

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {Code} created for deck '{DeckSlug}'")]
    private partial void LogSessionCreated(string code, string deckSlug);
}
