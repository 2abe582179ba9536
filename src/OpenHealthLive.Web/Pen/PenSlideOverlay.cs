using OpenHealthLive.Core.Pen;
using OpenHealthLive.Core.Sessions;
using OpenHealthLive.Web.Archive;

namespace OpenHealthLive.Web.Pen;

/// <summary>
/// The pen's strokes in the talk archive: the archive asks only for slides the room was shown, and gets them drawn by
/// <see cref="StrokeSvg"/> (numbers and palette colours only, never text from a client).
/// </summary>
internal sealed class PenSlideOverlay(StrokeService strokes) : ISlideOverlay
{
    /// <inheritdoc />
    public async ValueTask<string?> SvgAsync(LiveSessionState session, int slide, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var drawn = await strokes.ForAudienceAsync(session.Code, slide, cancellationToken);
        return drawn.Count == 0 ? null : StrokeSvg.Render(drawn);
    }
}
