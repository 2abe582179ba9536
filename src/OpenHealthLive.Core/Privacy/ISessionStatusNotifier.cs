using OpenHealthLive.Core.Sessions;

namespace OpenHealthLive.Core.Privacy;

/// <summary>Tells everyone following a session that it ended, opened again or lost its audience's data; the web app implements it with SignalR.</summary>
public interface ISessionStatusNotifier
{
    /// <summary>The session's <see cref="LiveSessionState.EndedAt"/> or <see cref="LiveSessionState.AudienceDataErasedAt"/> changed.</summary>
    Task SessionStatusChangedAsync(LiveSessionState session, CancellationToken cancellationToken);
}
