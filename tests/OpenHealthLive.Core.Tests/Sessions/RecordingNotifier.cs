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

    public IReadOnlyList<SlideChangedNotification> Notifications => [.. _notifications];

    public async Task SlideChangedAsync(LiveSessionState session, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stored = await db.Sessions.AsNoTracking().SingleAsync(s => s.Code == session.Code, cancellationToken);
        _notifications.Enqueue(new SlideChangedNotification(session, stored.Slide, stored.Fragment, stored.Version));
    }
}
