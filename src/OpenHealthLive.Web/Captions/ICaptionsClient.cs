namespace OpenHealthLive.Web.Captions;

/// <summary>What captions push to clients (part of the hub's client, ILiveClient; wire names in docs/live-protocol.md).</summary>
public interface ICaptionsClient
{
    /// <summary>The caption line in progress changed; caption readers only.</summary>
    Task CaptionTyping(CaptionDraftState draft);

    /// <summary>A caption line was committed, with the slide it was said on; caption readers only.</summary>
    Task CaptionCommitted(LiveCaption line);

    /// <summary>Every caption line of the session was deleted; caption readers only.</summary>
    Task CaptionsCleared(CaptionsCleared cleared);

    /// <summary>Whether the captions are kept after the talk changed; caption readers and presenter devices.</summary>
    Task CaptionSettingsChanged(CaptionSettingsChanged settings);
}
