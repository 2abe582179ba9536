namespace OpenHealthLive.Core.Sessions;

/// <summary>
/// Tells everyone following a session that it changed. Core calls it after the change is committed;
/// the web app implements it with SignalR.
/// </summary>
public interface ILiveNotifier
{
    /// <summary>The session moved to <see cref="LiveSessionState.Position"/>.</summary>
    Task SlideChangedAsync(LiveSessionState session, CancellationToken cancellationToken);
}
