using OpenHealthLive.Core.Sessions;

namespace OpenHealthLive.Web.Archive;

/// <summary>
/// What is drawn over the slides (the pen's strokes), for the talk archive: asked once per archive, for the slides the
/// room was shown. The archive places each slide's markup, as is, over the slide: an <c>&lt;svg&gt;</c> element the
/// implementation built itself (never text from a client passed through), sized to cover the 16:9 stage.
/// </summary>
public interface ISlideOverlay
{
    /// <summary>The trusted SVG markup drawn on each shown slide (0-based) of <paramref name="session"/>; slides with nothing drawn are absent.</summary>
    ValueTask<IReadOnlyDictionary<int, string>> SvgBySlideAsync(LiveSessionState session, CancellationToken cancellationToken);
}
