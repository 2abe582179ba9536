namespace OpenHealthLive.Web.Live;

/// <summary>Events the server pushes to clients. The names are the wire protocol: see docs/live-protocol.md.</summary>
public interface ILiveClient
{
    /// <summary>The session moved; sent to everyone following it.</summary>
    Task SlideChanged(SlideState state);

    /// <summary>How many phones follow the session; sent to presenter devices, at most once a second.</summary>
    Task AudienceCountChanged(AudienceCount count);

    /// <summary>The deck's source changed (Development); clients fetch the state again.</summary>
    Task DeckReloaded(DeckReloaded reloaded);
}
