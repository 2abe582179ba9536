namespace OpenHealthLive.Core.Captions;

/// <summary>
/// Tells the readers of a session's captions what changed, after it is committed; the web app implements it with
/// SignalR, through the same broadcast path as every other change (and so through the Redis backplane in a cluster).
/// </summary>
public interface ICaptionNotifier
{
    /// <summary>The line in progress changed (not stored).</summary>
    Task CaptionTypingAsync(CaptionDraft draft, CancellationToken cancellationToken);

    /// <summary>A line was committed and stored.</summary>
    Task CaptionCommittedAsync(CaptionLine line, CancellationToken cancellationToken);

    /// <summary>Every caption line of the session was deleted (the talk ended, or the presenter chose not to keep them).</summary>
    Task CaptionsClearedAsync(string sessionCode, CancellationToken cancellationToken);

    /// <summary>Whether the captions are kept after the talk changed.</summary>
    Task SettingsChangedAsync(CaptionSettings settings, CancellationToken cancellationToken);
}
