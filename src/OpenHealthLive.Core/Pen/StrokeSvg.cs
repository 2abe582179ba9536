using System.Globalization;
using System.Text;

namespace OpenHealthLive.Core.Pen;

/// <summary>
/// A slide's strokes as an SVG drawing to lay over the slide's 16:9 stage, scaled with it: for the printed deck and the
/// archive (the browsers draw the same with Assets/js/ink-svg.js). Every value in it is a number or a palette colour,
/// so it is safe to put in a page as it is.
/// </summary>
public static class StrokeSvg
{
    /// <summary>The drawing's width in its own units (the stage is 16:9).</summary>
    public const int Width = 1600;

    /// <summary>The drawing's height in its own units.</summary>
    public const int Height = 900;

    /// <summary>
    /// An <c>&lt;svg class="ink"&gt;</c> element with one path per stroke, in the order given (later strokes on top), or an
    /// empty string when there are none.
    /// </summary>
    public static string Render(IReadOnlyList<Stroke> strokes)
    {
        ArgumentNullException.ThrowIfNull(strokes);
        if (strokes.Count == 0)
        {
            return string.Empty;
        }

        var svg = new StringBuilder($"<svg class=\"ink\" viewBox=\"0 0 {Width} {Height}\" preserveAspectRatio=\"none\" aria-hidden=\"true\" focusable=\"false\">");
        foreach (var stroke in strokes)
        {
            if (stroke.Points.Count < 2)
            {
                continue;
            }

            var colour = Ink.Palette.Any(c => c.Hex == stroke.Colour) ? stroke.Colour : Ink.Palette[0].Hex;
            svg.Append("<path d=\"").Append(PathData(stroke.Points)).Append("\" fill=\"none\" stroke=\"").Append(colour)
                .Append("\" stroke-width=\"").Append(Number(Math.Clamp(stroke.Width, Ink.MinWidth, Ink.MaxWidth) * Width / 1000.0))
                .Append("\" stroke-linecap=\"round\" stroke-linejoin=\"round\"");
            if (stroke.Tool == StrokeTool.Highlighter)
            {
                svg.Append(" stroke-opacity=\"0.4\"");
            }

            svg.Append("/>");
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>
    /// The path of <paramref name="points"/> in the drawing's units: <c>M x y L x y ...</c>; a single point is drawn as a
    /// dot (a line to itself, which round caps make a disc).
    /// </summary>
    public static string PathData(IReadOnlyList<int> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var path = new StringBuilder();
        for (var i = 0; i + 1 < points.Count; i += 2)
        {
            path.Append(i == 0 ? 'M' : 'L').Append(Number(points[i] * (double)Width / Ink.Scale)).Append(' ').Append(Number(points[i + 1] * (double)Height / Ink.Scale));
        }

        if (points.Count == 2)
        {
            path.Append('L').Append(Number(points[0] * (double)Width / Ink.Scale)).Append(' ').Append(Number(points[1] * (double)Height / Ink.Scale));
        }

        return path.ToString();
    }

    private static string Number(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);
}
