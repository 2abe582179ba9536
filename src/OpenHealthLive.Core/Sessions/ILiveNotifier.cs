namespace OpenHealthLive.Core.Sessions;

/// <summary>
/// Tells everyone following a session that it changed. Core calls it after the change is committed;
/// the web app implements it with SignalR.
/// </summary>
public interface ILiveNotifier
{
    /// <summary>The session moved to <see cref="LiveSessionState.Position"/>.</summary>
    Task SlideChangedAsync(LiveSessionState session, CancellationToken cancellationToken);

    /// <summary>The speaker's timer started, paused or was reset.</summary>
    Task TimerChangedAsync(LiveSessionState session, CancellationToken cancellationToken);

    /// <summary>Blackout, the join QR code or the caption bar changed (<see cref="LiveSessionState.Projector"/>).</summary>
    Task ProjectorChangedAsync(LiveSessionState session, CancellationToken cancellationToken);
}
