using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using OpenHealthLive.Core.Sessions;
using OpenHealthLive.Core.Storage;

namespace OpenHealthLive.Core.Tests.Sessions;

/// <summary>
/// Stands in for the SignalR notifier (the web boundary). On every call it reads the session back from the
/// database, so a test can tell whether the change was committed before anyone was told.
/// </summary>
public sealed class RecordingNotifier(IDbContextFactory<LiveDbContext> dbFactory) : ILiveNotifier
{
    private readonly ConcurrentQueue<SlideChangedNotification> _notifications = new();

    private readonly ConcurrentQueue<(LiveSessionState Session, bool StoredRunning, long StoredElapsedMs)> _timers = new();

    private readonly ConcurrentQueue<(LiveSessionState Session, bool StoredBlackout, long StoredRevision)> _projectors = new();

    public IReadOnlyList<SlideChangedNotification> Notifications => [.. _notifications];

    /// <summary>Projector notifications, each with the blackout and revision as stored in the database when it was sent.</summary>
    public IReadOnlyList<(LiveSessionState Session, bool StoredBlackout, long StoredRevision)> Projectors => [.. _projectors];

    /// <summary>Timer notifications, each with the timer as stored in the database when it was sent.</summary>
    public IReadOnlyList<(LiveSessionState Session, bool StoredRunning, long StoredElapsedMs)> Timers => [.. _timers];

    public async Task SlideChangedAsync(LiveSessionState session, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stored = await db.Sessions.AsNoTracking().SingleAsync(s => s.Code == session.Code, cancellationToken);
        _notifications.Enqueue(new SlideChangedNotification(session, stored.Slide, stored.Fragment, stored.Version));
    }

    public async Task TimerChangedAsync(LiveSessionState session, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stored = await db.Sessions.AsNoTracking().SingleAsync(s => s.Code == session.Code, cancellationToken);
        _timers.Enqueue((session, stored.TimerRunning, stored.TimerElapsedMs));
    }

    public async Task ProjectorChangedAsync(LiveSessionState session, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stored = await db.Sessions.AsNoTracking().SingleAsync(s => s.Code == session.Code, cancellationToken);
        _projectors.Enqueue((session, stored.ProjectorBlackout, stored.ProjectorRevision));
    }
}
