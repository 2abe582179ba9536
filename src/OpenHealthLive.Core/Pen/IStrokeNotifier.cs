namespace OpenHealthLive.Core.Pen;

/// <summary>
/// Tells everyone following a session what the pen changed, after it is committed; the web app implements it with
/// SignalR, through the same broadcast path as every other change (and so through the Redis backplane in a cluster).
/// Only strokes of slides the room has been shown are ever passed here.
/// </summary>
public interface IStrokeNotifier
{
    /// <summary>A piece of a stroke being drawn (not stored yet).</summary>
    Task DrawingAsync(StrokePiece piece, CancellationToken cancellationToken);

    /// <summary>A stroke was finished and stored.</summary>
    Task DrawnAsync(Stroke stroke, CancellationToken cancellationToken);

    /// <summary>A stroke was erased.</summary>
    Task ErasedAsync(string sessionCode, int slide, string strokeId, CancellationToken cancellationToken);

    /// <summary>Every stroke of a slide was erased.</summary>
    Task ClearedAsync(string sessionCode, int slide, CancellationToken cancellationToken);

    /// <summary>The talk reached a slide that has strokes: here they all are.</summary>
    Task SlideStrokesAsync(string sessionCode, int slide, IReadOnlyList<Stroke> strokes, CancellationToken cancellationToken);
}
