using OpenHealthLive.Core.Pen;

namespace OpenHealthLive.Web.Pen;

/// <summary>A stroke, or a piece of one, as the room gets it.</summary>
/// <param name="Id">The stroke's id.</param>
/// <param name="Tool"><c>pen</c> or <c>highlighter</c>.</param>
/// <param name="Colour">A palette colour, <c>#rrggbb</c>.</param>
/// <param name="Width">Line width in thousandths of the slide's width.</param>
/// <param name="From">The index of the first point here in the whole stroke (0 for a whole stroke).</param>
/// <param name="Points">x, y, x, y, ... each 0 to 10000 across and down the slide.</param>
/// <param name="Done">True for a finished stroke, sent whole.</param>
public sealed record LiveStroke(string Id, string Tool, string Colour, int Width, int From, IReadOnlyList<int> Points, bool Done)
{
    public static LiveStroke Of(Stroke stroke)
    {
        ArgumentNullException.ThrowIfNull(stroke);
        return new(stroke.Id, Ink.Name(stroke.Tool), stroke.Colour, stroke.Width, 0, stroke.Points, true);
    }

    public static LiveStroke Of(StrokePiece piece)
    {
        ArgumentNullException.ThrowIfNull(piece);
        return new(piece.Id, Ink.Name(piece.Tool), piece.Colour, piece.Width, piece.From, piece.Points, false);
    }
}

/// <summary>
/// What the pen changed on a slide (<c>InkChanged</c>), to everyone following the session. <paramref name="Kind"/> is
/// <c>drawing</c> (a piece of a stroke being drawn), <c>drawn</c> (a finished stroke, whole), <c>erased</c> (the stroke
/// <paramref name="Erased"/>), <c>cleared</c> (every stroke of the slide) or <c>slide</c> (the talk reached a slide with
/// strokes: all of them).
/// </summary>
public sealed record InkChanged(string Code, int Slide, string Kind, IReadOnlyList<LiveStroke> Strokes, string? Erased = null);

/// <summary>A piece of a stroke as the console sends it (<c>DrawStroke</c>): the points drawn since the last piece.</summary>
/// <param name="Id">Made by the console: 1 to 32 letters, digits, '-' or '_'.</param>
/// <param name="Slide">The slide (0-based): one the room has been shown.</param>
/// <param name="Tool"><c>pen</c> or <c>highlighter</c>.</param>
/// <param name="Colour">A palette colour.</param>
/// <param name="Width">Line width in thousandths of the slide's width.</param>
/// <param name="From">How many points the stroke had before this piece (0 starts it).</param>
/// <param name="Points">x, y, x, y, ...</param>
public sealed record StrokeInput(string? Id, int Slide, string? Tool, string? Colour, int Width, int From, int[]? Points);
