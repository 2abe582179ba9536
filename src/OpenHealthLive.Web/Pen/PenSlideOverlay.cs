using OpenHealthLive.Core.Pen;
using OpenHealthLive.Core.Sessions;
using OpenHealthLive.Web.Archive;

namespace OpenHealthLive.Web.Pen;

/// <summary>
/// The pen's strokes in the talk archive: every shown slide's strokes in one read, drawn by <see cref="StrokeSvg"/>
/// (numbers and palette colours only, never text from a client).
/// </summary>
internal sealed class PenSlideOverlay(StrokeService strokes) : ISlideOverlay
{
    /// <inheritdoc />
    public async ValueTask<IReadOnlyDictionary<int, string>> SvgBySlideAsync(LiveSessionState session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var drawn = await strokes.BySlideAsync(session.Code, shownOnly: true, cancellationToken);
        return drawn.Where(s => s.Value.Count > 0).ToDictionary(s => s.Key, s => StrokeSvg.Render(s.Value));
    }
}
