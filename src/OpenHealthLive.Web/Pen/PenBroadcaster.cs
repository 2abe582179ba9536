using OpenHealthLive.Core.Pen;
using OpenHealthLive.Web.Rooms;

namespace OpenHealthLive.Web.Pen;

/// <summary>
/// Sends the pen's changes to everyone following the session (phones, the projector, the consoles), in every language
/// alike. Through <see cref="FollowerBroadcast{TClient}"/>, so in a cluster they cross the Redis backplane like every other
/// change. Core passes only strokes of slides the room has been shown.
/// </summary>
internal sealed class PenBroadcaster(FollowerBroadcast<IPenClient> broadcast) : IStrokeNotifier
{
    public Task DrawingAsync(StrokePiece piece, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(piece);
        var message = new InkChanged(piece.SessionCode, piece.Slide, "drawing", [LiveStroke.Of(piece)]);
        return broadcast.SendAsync(piece.SessionCode, client => client.InkChanged(message));
    }

    public Task DrawnAsync(Stroke stroke, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stroke);
        var message = new InkChanged(stroke.SessionCode, stroke.Slide, "drawn", [LiveStroke.Of(stroke)]);
        return broadcast.SendAsync(stroke.SessionCode, client => client.InkChanged(message));
    }

    public Task ErasedAsync(string sessionCode, int slide, string strokeId, CancellationToken cancellationToken)
    {
        var message = new InkChanged(sessionCode, slide, "erased", [], strokeId);
        return broadcast.SendAsync(sessionCode, client => client.InkChanged(message));
    }

    public Task ClearedAsync(string sessionCode, int slide, CancellationToken cancellationToken)
    {
        var message = new InkChanged(sessionCode, slide, "cleared", []);
        return broadcast.SendAsync(sessionCode, client => client.InkChanged(message));
    }

    public Task SlideStrokesAsync(string sessionCode, int slide, IReadOnlyList<Stroke> strokes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(strokes);
        var message = new InkChanged(sessionCode, slide, "slide", strokes.Select(LiveStroke.Of).ToList());
        return broadcast.SendAsync(sessionCode, client => client.InkChanged(message));
    }
}
