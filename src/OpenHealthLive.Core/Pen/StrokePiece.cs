namespace OpenHealthLive.Core.Pen;

/// <summary>
/// A piece of a stroke being drawn: the points added since the last piece. Sent to the room as it is drawn, never
/// stored as such; the stroke is stored whole when it is finished.
/// </summary>
/// <param name="Id">The stroke's id.</param>
/// <param name="SessionCode">The session.</param>
/// <param name="Slide">The slide (0-based) it is drawn on.</param>
/// <param name="Tool">Pen or highlighter.</param>
/// <param name="Colour">One of <see cref="Ink.Palette"/>.</param>
/// <param name="Width">Line width in thousandths of the slide's width.</param>
/// <param name="From">The index of this piece's first point in the stroke (0 for the first piece).</param>
/// <param name="Points">x, y, x, y, ... (see <see cref="Stroke.Points"/>).</param>
public sealed record StrokePiece(string Id, string SessionCode, int Slide, StrokeTool Tool, string Colour, int Width, int From, IReadOnlyList<int> Points);
