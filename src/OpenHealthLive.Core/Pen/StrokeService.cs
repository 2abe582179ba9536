using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OpenHealthLive.Core.Refusals;
using OpenHealthLive.Core.Sessions;
using OpenHealthLive.Core.Storage;

namespace OpenHealthLive.Core.Pen;

/// <summary>
/// The speaker's pen. A stroke is drawn in pieces that go to the room as they come (so phones see the line grow),
/// kept in memory on this node until it is finished, then stored whole with its slide and sent again whole. Strokes go
/// only on a slide the room has been shown, and are read back only for such slides: a phone never gets the drawing of
/// a slide it was not shown (<see cref="ShownSlides"/>). Strokes are the speaker's content, not the audience's: they
/// stay with the session after the talk (for the printed deck and the archive) and are deleted when a rehearsal goes
/// live, with the eraser, or with "clear".
/// </summary>
public sealed partial class StrokeService(
    IDbContextFactory<LiveDbContext> dbFactory,
    BatchWriter writes,
    LiveSessionService sessions,
    IStrokeNotifier notifier,
    TimeProvider time,
    ILogger<StrokeService> logger) : ISlideFollower
{
    /// <summary>Most strokes of one session being drawn at once (one per finger or pen on the console, and a few left behind).</summary>
    public const int MaxDrawingPerSession = 8;

    /// <summary>A stroke not finished this long after its last piece is dropped (the console lost its connection mid-line).</summary>
    public static readonly TimeSpan UnfinishedLifetime = TimeSpan.FromMinutes(2);

    // Strokes being drawn, on the node the console is connected to: pieces arrive in order on its one connection.
    private readonly ConcurrentDictionary<(string Code, string Id), Drawing> _drawing = new();

    /// <summary>
    /// Adds a piece to a stroke being drawn (a new stroke when <paramref name="from"/> is 0) and sends it to the room.
    /// </summary>
    /// <exception cref="RequestRefusedException">The piece breaks a rule of <see cref="Ink"/>, its slide has not been shown, it does not follow on, or the talk has ended.</exception>
    public async Task<StrokePiece> DrawAsync(string sessionCode, string? id, int slide, string? tool, string? colour, int width, int from, IReadOnlyList<int>? points, CancellationToken cancellationToken)
    {
        var parsedTool = Ink.ParseTool(tool);
        Ink.Check(id, colour, width, points);
        var session = await RequireAsync(sessionCode, cancellationToken);
        if (session.Ended)
        {
            throw new RequestRefusedException(RefusalCodes.TalkEnded, Ink.Ended);
        }

        ThrowIfNotShown(session, slide, "the pen draws on the slide the room is shown");
        var key = (session.Code, id!);
        Drawing drawing;
        if (from == 0)
        {
            Sweep();
            if (!_drawing.ContainsKey(key) && _drawing.Keys.Count(k => k.Code == session.Code) >= MaxDrawingPerSession)
            {
                throw new RequestRefusedException(RefusalCodes.TooManyStrokes, $"{MaxDrawingPerSession} strokes are being drawn at once: finish them first.", MaxDrawingPerSession);
            }

            await ThrowIfFullAsync(session.Code, slide, cancellationToken);
            drawing = new Drawing(slide, parsedTool, colour!, width) { TouchedAt = time.GetUtcNow() };
            _drawing[key] = drawing;
        }
        else if (!_drawing.TryGetValue(key, out drawing!))
        {
            throw NotFollowingOn(from, 0);
        }

        lock (drawing)
        {
            if (drawing.Slide != slide || drawing.Tool != parsedTool || drawing.Colour != colour || drawing.Width != width)
            {
                throw new RequestRefusedException(RefusalCodes.BadStroke, "A stroke keeps its slide, tool, colour and width: start a new one to change them.");
            }

            var count = drawing.Points.Count / 2;
            if (from != count)
            {
                throw NotFollowingOn(from, count);
            }

            if (count + (points!.Count / 2) > Ink.MaxPointsPerStroke)
            {
                throw new RequestRefusedException(RefusalCodes.StrokeTooLong, $"A stroke has at most {Ink.MaxPointsPerStroke} points: lift the pen and draw on in a new stroke.", Ink.MaxPointsPerStroke);
            }

            drawing.Points.AddRange(points);
            drawing.TouchedAt = time.GetUtcNow();
        }

        var piece = new StrokePiece(id!, session.Code, slide, parsedTool, colour!, width, from, [.. points]);
        await notifier.DrawingAsync(piece, cancellationToken);
        return piece;
    }

    /// <summary>
    /// Stores a stroke being drawn, whole, and sends it to the room. Finishing a stroke already finished (a retry after a
    /// lost answer) returns it again.
    /// </summary>
    /// <exception cref="RequestRefusedException">No such stroke being drawn, its slide is full, or the talk has ended.</exception>
    public async Task<Stroke> FinishAsync(string sessionCode, string? id, CancellationToken cancellationToken)
    {
        if (!Ink.IsValidId(id))
        {
            throw new RequestRefusedException(RefusalCodes.BadStroke, $"A stroke id has 1 to {Ink.MaxIdLength} letters, digits, '-' or '_'.");
        }

        var session = await RequireAsync(sessionCode, cancellationToken);
        if (!_drawing.TryRemove((session.Code, id!), out var drawing))
        {
            return await FindAsync(session.Code, id!, cancellationToken)
                ?? throw new RequestRefusedException(RefusalCodes.UnknownStroke, $"No stroke '{id}' is being drawn (it may have waited too long): draw it again.");
        }

        int[] points;
        lock (drawing)
        {
            points = [.. drawing.Points];
        }

        var record = await writes.EnqueueAsync(async (db, ct) =>
        {
            // On the one writer, so an end or a full slide committed just before is seen.
            if (await db.Sessions.AnyAsync(s => s.Code == session.Code && s.EndedAt != null, ct))
            {
                throw new RequestRefusedException(RefusalCodes.TalkEnded, Ink.Ended);
            }

            if (await db.Strokes.FirstOrDefaultAsync(s => s.SessionCode == session.Code && s.StrokeId == id, ct) is { } existing)
            {
                return existing;
            }

            if (await db.Strokes.CountAsync(s => s.SessionCode == session.Code && s.Slide == drawing.Slide, ct) >= Ink.MaxStrokesPerSlide)
            {
                throw Full(drawing.Slide);
            }

            var row = new StrokeRecord
            {
                SessionCode = session.Code,
                Slide = drawing.Slide,
                StrokeId = id!,
                Tool = Ink.Name(drawing.Tool),
                Colour = drawing.Colour,
                Width = drawing.Width,
                Points = Ink.Format(points),
                CreatedAt = time.GetUtcNow(),
            };
            db.Strokes.Add(row);
            return row;
        }, cancellationToken);

        var stroke = ToStroke(record);
        await notifier.DrawnAsync(stroke, cancellationToken);
        return stroke;
    }

    /// <summary>Erases one stroke of <paramref name="slide"/>. Returns false when there was none (erased already).</summary>
    /// <exception cref="RequestRefusedException">No such session, or a bad id.</exception>
    public async Task<bool> EraseAsync(string sessionCode, int slide, string? id, CancellationToken cancellationToken)
    {
        if (!Ink.IsValidId(id))
        {
            throw new RequestRefusedException(RefusalCodes.BadStroke, $"A stroke id has 1 to {Ink.MaxIdLength} letters, digits, '-' or '_'.");
        }

        var session = await RequireAsync(sessionCode, cancellationToken);
        var drawn = _drawing.TryRemove((session.Code, id!), out _);
        var deleted = await writes.EnqueueAsync((db, ct) => db.Strokes.Where(s => s.SessionCode == session.Code && s.Slide == slide && s.StrokeId == id).ExecuteDeleteAsync(ct), cancellationToken);
        if (deleted == 0 && !drawn)
        {
            return false;
        }

        await notifier.ErasedAsync(session.Code, slide, id!, cancellationToken);
        return true;
    }

    /// <summary>Erases every stroke of <paramref name="slide"/>, those being drawn included. Returns how many were stored.</summary>
    /// <exception cref="RequestRefusedException">No such session.</exception>
    public async Task<int> ClearAsync(string sessionCode, int slide, CancellationToken cancellationToken)
    {
        var session = await RequireAsync(sessionCode, cancellationToken);
        foreach (var key in _drawing.Where(d => d.Key.Code == session.Code && d.Value.Slide == slide).Select(d => d.Key).ToList())
        {
            _drawing.TryRemove(key, out _);
        }

        var deleted = await writes.EnqueueAsync((db, ct) => db.Strokes.Where(s => s.SessionCode == session.Code && s.Slide == slide).ExecuteDeleteAsync(ct), cancellationToken);
        await notifier.ClearedAsync(session.Code, slide, cancellationToken);
        return deleted;
    }

    /// <summary>The strokes of <paramref name="slide"/>, in the order drawn, when the room has been shown it.</summary>
    /// <exception cref="RequestRefusedException">No such session, or the room has not been shown that slide.</exception>
    public async Task<IReadOnlyList<Stroke>> ForAudienceAsync(string sessionCode, int slide, CancellationToken cancellationToken)
    {
        var session = await RequireAsync(sessionCode, cancellationToken);
        ThrowIfNotShown(session, slide, "its drawing appears once the presenter shows it");
        return await ReadAsync(session.Code, slide, cancellationToken);
    }

    /// <summary>
    /// Every stroke of the session by slide, in the order drawn: for the printed deck and the archive. With
    /// <paramref name="shownOnly"/>, only of the slides the room has been shown (a public copy).
    /// </summary>
    /// <exception cref="RequestRefusedException">No such session.</exception>
    public async Task<IReadOnlyDictionary<int, IReadOnlyList<Stroke>>> BySlideAsync(string sessionCode, bool shownOnly, CancellationToken cancellationToken)
    {
        var session = await RequireAsync(sessionCode, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Strokes.AsNoTracking().Where(s => s.SessionCode == session.Code).OrderBy(s => s.Id).ToListAsync(cancellationToken);
        return rows.Where(r => !shownOnly || session.Shown.Contains(r.Slide))
            .GroupBy(r => r.Slide)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<Stroke>)g.Select(ToStroke).ToList());
    }

    /// <summary>The talk is on a new slide: when that slide has strokes, the room is sent them (after the slide, so a phone has the slide they go on).</summary>
    public async Task SlideReachedAsync(LiveSessionState session, bool slideChanged, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (!slideChanged)
        {
            return;
        }

        var slide = session.Position.Slide;
        var strokes = await ReadAsync(session.Code, slide, cancellationToken);
        if (strokes.Count > 0)
        {
            await notifier.SlideStrokesAsync(session.Code, slide, strokes, cancellationToken);
        }
    }

    /// <summary>Deletes every stroke of the session (a rehearsal going live). Returns how many were stored.</summary>
    public async Task<int> EraseSessionAsync(string sessionCode, CancellationToken cancellationToken)
    {
        foreach (var key in _drawing.Keys.Where(k => k.Code == sessionCode).ToList())
        {
            _drawing.TryRemove(key, out _);
        }

        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var slides = await db.Strokes.Where(s => s.SessionCode == sessionCode).Select(s => s.Slide).Distinct().ToListAsync(cancellationToken);
            var deleted = await writes.EnqueueAsync((w, ct) => w.Strokes.Where(s => s.SessionCode == sessionCode).ExecuteDeleteAsync(ct), cancellationToken);
            foreach (var slide in slides)
            {
                await notifier.ClearedAsync(sessionCode, slide, cancellationToken);
            }

            if (deleted > 0)
            {
                LogSessionErased(sessionCode, deleted);
            }

            return deleted;
        }
    }

    private async Task<Stroke?> FindAsync(string code, string id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.Strokes.AsNoTracking().FirstOrDefaultAsync(s => s.SessionCode == code && s.StrokeId == id, cancellationToken);
        return row is null ? null : ToStroke(row);
    }

    private async Task<IReadOnlyList<Stroke>> ReadAsync(string code, int slide, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Strokes.AsNoTracking().Where(s => s.SessionCode == code && s.Slide == slide).OrderBy(s => s.Id).Take(Ink.MaxStrokesPerSlide).ToListAsync(cancellationToken);
        return rows.ConvertAll(ToStroke);
    }

    private async Task ThrowIfFullAsync(string code, int slide, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Strokes.CountAsync(s => s.SessionCode == code && s.Slide == slide, cancellationToken) >= Ink.MaxStrokesPerSlide)
        {
            throw Full(slide);
        }
    }

    private void Sweep()
    {
        var before = time.GetUtcNow() - UnfinishedLifetime;
        foreach (var (key, drawing) in _drawing)
        {
            if (drawing.TouchedAt < before)
            {
                _drawing.TryRemove(key, out _);
            }
        }
    }

    private static void ThrowIfNotShown(LiveSessionState session, int slide, string then)
    {
        if (!session.Shown.Contains(slide))
        {
            throw new RequestRefusedException(RefusalCodes.SlideNotShown, $"The room has not been shown slide {slide + 1} in this talk: {then}.", slide + 1);
        }
    }

    private static RequestRefusedException Full(int slide) =>
        new(RefusalCodes.SlideFull, $"Slide {slide + 1} has {Ink.MaxStrokesPerSlide} strokes, the most a slide keeps: erase some, or clear the slide.", slide + 1, Ink.MaxStrokesPerSlide);

    private static RequestRefusedException NotFollowingOn(int from, int count) =>
        new(RefusalCodes.StrokeOutOfStep, $"This piece of the stroke starts at point {from}, but the server has {count} points of it: send the piece that starts at point {count}, or draw the stroke again.", from, count);

    private static Stroke ToStroke(StrokeRecord r) =>
        new(r.StrokeId, r.SessionCode, r.Slide, r.Tool == "highlighter" ? StrokeTool.Highlighter : StrokeTool.Pen, r.Colour, r.Width, Ink.Parse(r.Points), r.CreatedAt);

    private async Task<LiveSessionState> RequireAsync(string code, CancellationToken cancellationToken) =>
        await sessions.FindAsync(code, cancellationToken) ?? throw new RequestRefusedException(RefusalCodes.UnknownSession, $"There is no session with code {code}.");

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionCode}: {Strokes} strokes of the rehearsal deleted as it went live")]
    private partial void LogSessionErased(string sessionCode, int strokes);

    /// <summary>A stroke being drawn.</summary>
    private sealed class Drawing(int slide, StrokeTool tool, string colour, int width)
    {
        public int Slide { get; } = slide;

        public StrokeTool Tool { get; } = tool;

        public string Colour { get; } = colour;

        public int Width { get; } = width;

        public List<int> Points { get; } = [];

        public DateTimeOffset TouchedAt { get; set; }
    }
}
