using OpenHealthLive.Core.Sessions;

namespace OpenHealthLive.Web.Archive;

/// <summary>
/// What is drawn over a slide (the pen's strokes), for the talk archive. The archive asks only for slides the room was
/// shown, and places what it gets, as is, over the slide: an <c>&lt;svg&gt;</c> element the implementation built itself
/// (never text from a client passed through), sized to cover the 16:9 stage. Null when nothing was drawn.
/// </summary>
public interface ISlideOverlay
{
    /// <summary>The trusted SVG markup drawn on <paramref name="slide"/> (0-based) in <paramref name="session"/>, or null.</summary>
    ValueTask<string?> SvgAsync(LiveSessionState session, int slide, CancellationToken cancellationToken);
}
