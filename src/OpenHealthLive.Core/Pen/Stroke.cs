namespace OpenHealthLive.Core.Pen;

/// <summary>A finished stroke, as stored and as the room sees it.</summary>
/// <param name="Id">Made by the console that drew it (see <see cref="Ink.IsValidId"/>); unique in its session.</param>
/// <param name="SessionCode">The session.</param>
/// <param name="Slide">The slide (0-based) it was drawn on.</param>
/// <param name="Tool">Pen or highlighter.</param>
/// <param name="Colour">One of <see cref="Ink.Palette"/>, as <c>#rrggbb</c>.</param>
/// <param name="Width">Line width in thousandths of the slide's width.</param>
/// <param name="Points">x, y, x, y, ... in ten-thousandths of the slide's width and height (0 to <see cref="Ink.Scale"/>).</param>
/// <param name="CreatedAt">When it was finished.</param>
public sealed record Stroke(string Id, string SessionCode, int Slide, StrokeTool Tool, string Colour, int Width, IReadOnlyList<int> Points, DateTimeOffset CreatedAt);
