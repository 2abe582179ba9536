using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OpenHealthLive.Core.Audience;
using OpenHealthLive.Core.Questions;
using OpenHealthLive.Core.Refusals;
using OpenHealthLive.Core.Sessions;
using OpenHealthLive.Core.Slides;
using OpenHealthLive.Core.Storage;

namespace OpenHealthLive.Core.Captions;

/// <summary>
/// Live captions of a talk. The line in progress goes to the readers as it is typed, never stored; a committed line
/// is stored with the slide it was said on, then sent. Both pass the patient-data guard first: captions are typed by
/// staff, but they write down what is said in the room, the audience's questions from the floor included, and a
/// spoken identifier written down would reach every phone and the database (see docs/captions.md). Phones read only
/// the lines of slides the room was shown (<see cref="AudienceView"/>). The lines are deleted when the talk ends,
/// unless the presenter keeps them.
/// </summary>
public sealed partial class CaptionService(
    IDbContextFactory<LiveDbContext> dbFactory,
    BatchWriter writes,
    LiveSessionService sessions,
    DeckCatalog decks,
    PatientDataGuard guard,
    ICaptionNotifier notifier,
    TimeProvider time,
    ILogger<CaptionService> logger)
{
    /// <summary>Lines a reader gets when it turns captions on: the latest ones.</summary>
    public const int RecentLines = 50;

    /// <summary>Most lines read back for one slide.</summary>
    public const int MaxLinesPerSlide = 500;

    // The line in progress per session, as last sent, for a reader that turns captions on mid-line. In memory on the
    // node that received it; readers on other nodes of a cluster see it from the next update (a quarter of a second).
    private readonly ConcurrentDictionary<string, CaptionDraft> _drafts = new(StringComparer.Ordinal);

    /// <summary>
    /// Sends the line in progress to the readers: what may be shown of it (<see cref="CaptionText.Settled"/>), masked.
    /// Returns what was sent.
    /// </summary>
    /// <exception cref="RequestRefusedException">No such session, the text is too long, or the talk has ended.</exception>
    public async Task<CaptionDraft> TypeAsync(string sessionCode, string? text, CancellationToken cancellationToken)
    {
        text ??= string.Empty;
        ThrowIfTooLong(text);
        var session = await RequireAsync(sessionCode, cancellationToken);
        if (session.Ended)
        {
            throw new RequestRefusedException(RefusalCodes.TalkEnded, CaptionText.Ended);
        }

        var draft = new CaptionDraft(session.Code, guard.Mask(CaptionText.Settled(text)).Text);
        _drafts[session.Code] = draft;
        await notifier.CaptionTypingAsync(draft, cancellationToken);
        return draft;
    }

    /// <summary>
    /// Stores a line, masked, with the slide it was said on, then sends it. <paramref name="startedOnSlide"/> is the slide
    /// the room was on when the line was begun (a captioner finishes a sentence after the speaker has moved on); it is
    /// taken only if the room has been shown it, and otherwise, or when null, the line goes with the current slide.
    /// </summary>
    /// <exception cref="RequestRefusedException">No such session, the line is empty or too long, or the talk has ended.</exception>
    public async Task<CaptionWritten> CommitAsync(string sessionCode, string? text, int? startedOnSlide, CancellationToken cancellationToken)
    {
        var trimmed = (text ?? string.Empty).Trim();
        ThrowIfTooLong(trimmed);
        if (trimmed.Length == 0)
        {
            throw new RequestRefusedException(RefusalCodes.CaptionEmpty, "A caption line needs some text.");
        }

        var session = await RequireAsync(sessionCode, cancellationToken);
        var guarded = guard.Mask(trimmed);
        var slide = startedOnSlide is { } begun && session.Shown.Contains(begun) ? begun : session.Position.Slide;
        var record = await writes.EnqueueAsync(async (db, ct) =>
        {
            // On the one writer, so an end committed before this write is seen, whichever was clicked first.
            if (await db.Sessions.AnyAsync(s => s.Code == session.Code && s.EndedAt != null, ct))
            {
                throw new RequestRefusedException(RefusalCodes.TalkEnded, CaptionText.Ended);
            }

            var row = new CaptionRecord { SessionCode = session.Code, Slide = slide, CreatedAt = time.GetUtcNow(), Text = guarded.Text };
            db.Captions.Add(row);
            return row;
        }, cancellationToken);

        if (guarded.Held)
        {
            LogMasked(session.Code, record.Id, guarded.Findings.Count);
        }

        // Readers drop the line in progress when a line is committed; so does a reader that turns captions on later.
        _drafts.TryRemove(session.Code, out _);
        var line = ToLine(record);
        await notifier.CaptionCommittedAsync(line, cancellationToken);
        return new CaptionWritten(line, guarded.Findings);
    }

    /// <summary>The latest lines (at most <see cref="RecentLines"/>), oldest first, of the slides the room has been shown.</summary>
    /// <exception cref="RequestRefusedException">No such session.</exception>
    public async Task<IReadOnlyList<CaptionLine>> RecentForAudienceAsync(string sessionCode, CancellationToken cancellationToken)
    {
        var session = await RequireAsync(sessionCode, cancellationToken);
        if (decks.Get(session.DeckSlug).Deck is not { } deck)
        {
            return [];
        }

        var slides = AudienceView.Of(session, deck).Slides.ToList();
        return await ReadAsync(session.Code, q => q.Where(c => slides.Contains(c.Slide)).OrderByDescending(c => c.Id).Take(RecentLines), cancellationToken);
    }

    /// <summary>The line in progress as last sent on this node, or null.</summary>
    public CaptionDraft? Draft(string sessionCode) => _drafts.GetValueOrDefault(sessionCode);

    /// <summary>The latest lines of the session, whatever their slide: for staff.</summary>
    /// <exception cref="RequestRefusedException">No such session.</exception>
    public async Task<IReadOnlyList<CaptionLine>> RecentAsync(string sessionCode, CancellationToken cancellationToken)
    {
        var session = await RequireAsync(sessionCode, cancellationToken);
        return await ReadAsync(session.Code, q => q.OrderByDescending(c => c.Id).Take(RecentLines), cancellationToken);
    }

    /// <summary>The lines said on <paramref name="slide"/>, oldest first, when the room has been shown it.</summary>
    /// <exception cref="RequestRefusedException">No such session, or the room has not been shown that slide.</exception>
    public async Task<IReadOnlyList<CaptionLine>> ForSlideAsync(string sessionCode, int slide, CancellationToken cancellationToken)
    {
        var session = await RequireAsync(sessionCode, cancellationToken);
        if (decks.Get(session.DeckSlug).Deck is not { } deck || AudienceView.Of(session, deck).FragmentOf(slide) is null)
        {
            throw new RequestRefusedException(RefusalCodes.SlideNotShown, $"Slide {slide + 1} has not been shown in this talk: its captions appear once the presenter shows it.", slide + 1);
        }

        return await ReadAsync(session.Code, q => q.Where(c => c.Slide == slide).OrderByDescending(c => c.Id).Take(MaxLinesPerSlide), cancellationToken);
    }

    /// <summary>Whether the session's captions are kept after the talk.</summary>
    /// <exception cref="RequestRefusedException">No such session.</exception>
    public async Task<CaptionSettings> SettingsAsync(string sessionCode, CancellationToken cancellationToken)
    {
        var session = await RequireAsync(sessionCode, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var kept = await db.Sessions.Where(s => s.Code == session.Code).Select(s => s.KeepCaptions).SingleAsync(cancellationToken);
        return new CaptionSettings(session.Code, kept);
    }

    /// <summary>
    /// Keeps the captions after the talk (<paramref name="keep"/>), or not. Not keeping them once the talk has ended
    /// deletes them now.
    /// </summary>
    /// <exception cref="RequestRefusedException">No such session.</exception>
    public async Task<CaptionSettings> SetKeptAsync(string sessionCode, bool keep, CancellationToken cancellationToken)
    {
        var session = await RequireAsync(sessionCode, cancellationToken);
        await writes.EnqueueAsync((db, ct) => db.Sessions.Where(s => s.Code == session.Code).ExecuteUpdateAsync(s => s.SetProperty(x => x.KeepCaptions, keep), ct), cancellationToken);
        var settings = new CaptionSettings(session.Code, keep);
        await notifier.SettingsChangedAsync(settings, cancellationToken);
        if (!keep && (await RequireAsync(session.Code, cancellationToken)).Ended)
        {
            await DeleteAsync(session.Code, "not kept after the talk", cancellationToken);
        }

        return settings;
    }

    /// <summary>The talk has just ended: its captions are deleted, unless the presenter keeps them.</summary>
    /// <returns>How many lines were deleted.</returns>
    public async Task<int> TalkEndedAsync(string sessionCode, CancellationToken cancellationToken) =>
        (await SettingsAsync(sessionCode, cancellationToken)).Kept ? 0 : await DeleteAsync(sessionCode, "the talk ended", cancellationToken);

    /// <summary>Deletes every line of the session, kept or not (a rehearsal going live).</summary>
    /// <returns>How many lines were deleted.</returns>
    public Task<int> EraseAsync(string sessionCode, CancellationToken cancellationToken) => DeleteAsync(sessionCode, "the rehearsal went live", cancellationToken);

    private async Task<int> DeleteAsync(string sessionCode, string why, CancellationToken cancellationToken)
    {
        _drafts.TryRemove(sessionCode, out _);
        var deleted = await writes.EnqueueAsync((db, ct) => db.Captions.Where(c => c.SessionCode == sessionCode).ExecuteDeleteAsync(ct), cancellationToken);
        if (deleted == 0)
        {
            return 0;
        }

        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            if (!await SqliteStorage.EraseDeletedAsync(db, cancellationToken))
            {
                LogDeletedTextKept(sessionCode);
            }
        }

        LogDeleted(sessionCode, deleted, why);
        await notifier.CaptionsClearedAsync(sessionCode, cancellationToken);
        return deleted;
    }

    private async Task<List<CaptionLine>> ReadAsync(string code, Func<IQueryable<CaptionRecord>, IQueryable<CaptionRecord>> query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await query(db.Captions.AsNoTracking().Where(c => c.SessionCode == code)).ToListAsync(cancellationToken);
        rows.Reverse();
        return rows.ConvertAll(ToLine);
    }

    private static CaptionLine ToLine(CaptionRecord r) => new(r.Id, r.SessionCode, r.Slide, r.CreatedAt, r.Text);

    private static void ThrowIfTooLong(string text)
    {
        if (text.Length > CaptionText.MaxLength)
        {
            throw new RequestRefusedException(RefusalCodes.CaptionTooLong, CaptionText.TooLong, CaptionText.MaxLength);
        }
    }

    private async Task<LiveSessionState> RequireAsync(string code, CancellationToken cancellationToken) =>
        await sessions.FindAsync(code, cancellationToken) ?? throw new RequestRefusedException(RefusalCodes.UnknownSession, $"There is no session with code {code}.");

    [LoggerMessage(Level = LogLevel.Information, Message = "Caption line {LineId} of session {SessionCode} masked by the patient-data guard ({Rules} rule(s))")]
    private partial void LogMasked(string sessionCode, long lineId, int rules);

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionCode}: {Lines} caption lines deleted ({Why})")]
    private partial void LogDeleted(string sessionCode, int lines, string why);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The captions of session {SessionCode} were deleted, but readers kept the database's write-ahead log busy: the deleted text stays in that file until the next deletion or restart empties it")]
    private partial void LogDeletedTextKept(string sessionCode);
}
