namespace OpenHealthLive.Core.Sessions;

/// <summary>
/// A rule that acts when the talk moves (a slide's polls opening, the pen's strokes of the slide going to the room).
/// <see cref="LiveSessionService"/> calls every one after a move is stored and announced, whichever node, page or
/// endpoint asked for it, so none of them depends on the way the slide was changed.
/// </summary>
public interface ISlideFollower
{
    /// <summary>The talk is at <paramref name="session"/>'s position.</summary>
    /// <param name="session">The session after the move.</param>
    /// <param name="slideChanged">False when it stayed on its slide (a fragment, or a request that did not move it).</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    Task SlideReachedAsync(LiveSessionState session, bool slideChanged, CancellationToken cancellationToken);
}
