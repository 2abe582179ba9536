using System.Globalization;
using System.Text;
using OpenHealthLive.Core.Refusals;
using OpenHealthLive.Core.Storage;

namespace OpenHealthLive.Core.Pen;

/// <summary>The rules for a stroke: its tool, colours, width, coordinates and size. Every refusal says what to do.</summary>
public static class Ink
{
    /// <summary>Coordinates run from 0 to this, across the slide's width and down its height.</summary>
    public const int Scale = 10_000;

    /// <summary>Most points in one stroke: a long line drawn slowly has a few hundred.</summary>
    public const int MaxPointsPerStroke = StrokeRecord.MaxPoints;

    /// <summary>Most points in one piece: the console sends a piece every few tens of milliseconds.</summary>
    public const int MaxPointsPerPiece = 250;

    /// <summary>Most strokes one slide keeps.</summary>
    public const int MaxStrokesPerSlide = 200;

    /// <summary>Thinnest and widest line, in thousandths of the slide's width.</summary>
    public const int MinWidth = 1;

    /// <summary>Widest line, in thousandths of the slide's width (a highlighter over a line of large text).</summary>
    public const int MaxWidth = 60;

    /// <summary>Longest stroke id.</summary>
    public const int MaxIdLength = StrokeRecord.MaxStrokeIdLength;

    /// <summary>The colours the pen draws in: dark and light enough for any slide, and a highlighter yellow.</summary>
    public static readonly IReadOnlyList<InkColour> Palette =
    [
        new("#111111", "Black"),
        new("#d62828", "Red"),
        new("#1d4ed8", "Blue"),
        new("#15803d", "Green"),
        new("#facc15", "Yellow"),
        new("#ffffff", "White"),
    ];

    /// <summary>What a stroke sent after the end is told.</summary>
    public const string Ended = "This talk has ended: the pen no longer draws on it.";

    /// <summary>The wire name of a tool.</summary>
    public static string Name(StrokeTool tool) => tool == StrokeTool.Highlighter ? "highlighter" : "pen";

    /// <summary>Reads a tool's wire name.</summary>
    /// <exception cref="RequestRefusedException">Not <c>pen</c> or <c>highlighter</c>.</exception>
    public static StrokeTool ParseTool(string? name) => name switch
    {
        "pen" => StrokeTool.Pen,
        "highlighter" => StrokeTool.Highlighter,
        _ => throw new RequestRefusedException(RefusalCodes.BadStroke, "A stroke is drawn with the pen or highlighter."),
    };

    /// <summary>True for an id a console may give a stroke: 1 to 32 letters, digits, '-' or '_'.</summary>
    public static bool IsValidId(string? id) =>
        id is { Length: > 0 and <= MaxIdLength } && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>Checks a piece's fields other than where it goes; throws with what is wrong.</summary>
    /// <exception cref="RequestRefusedException">The id, colour, width or points break a rule.</exception>
    public static void Check(string? id, string? colour, int width, IReadOnlyList<int>? points)
    {
        if (!IsValidId(id))
        {
            throw new RequestRefusedException(RefusalCodes.BadStroke, $"A stroke id has 1 to {MaxIdLength} letters, digits, '-' or '_'.");
        }

        if (!Palette.Any(c => string.Equals(c.Hex, colour, StringComparison.Ordinal)))
        {
            throw new RequestRefusedException(RefusalCodes.BadStroke, $"The pen draws in one of these colours: {string.Join(", ", Palette.Select(c => c.Hex))}.");
        }

        if (width is < MinWidth or > MaxWidth)
        {
            throw new RequestRefusedException(RefusalCodes.BadStroke, $"A stroke's width is {MinWidth} to {MaxWidth} thousandths of the slide's width.");
        }

        if (points is null || points.Count == 0 || points.Count % 2 != 0)
        {
            throw new RequestRefusedException(RefusalCodes.BadStroke, "A stroke's points come in pairs: x, y, x, y, ...");
        }

        if (points.Count / 2 > MaxPointsPerPiece)
        {
            throw new RequestRefusedException(RefusalCodes.BadStroke, $"Send a stroke in pieces of at most {MaxPointsPerPiece} points.");
        }

        if (points.Any(p => p is < 0 or > Scale))
        {
            throw new RequestRefusedException(RefusalCodes.BadStroke, $"A stroke's coordinates run from 0 to {Scale}, across and down the slide.");
        }
    }

    /// <summary>The stored form of points: <c>x,y,x,y</c>.</summary>
    public static string Format(IReadOnlyList<int> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var text = new StringBuilder(points.Count * 5);
        for (var i = 0; i < points.Count; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }

            text.Append(points[i].ToString(CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }

    /// <summary>Reads the stored form; anything that is not a coordinate ends the list there, and an odd one out is dropped.</summary>
    public static IReadOnlyList<int> Parse(string? stored)
    {
        var points = new List<int>();
        foreach (var part in (stored ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value is < 0 or > Scale || points.Count / 2 >= MaxPointsPerStroke && points.Count % 2 == 0)
            {
                break;
            }

            points.Add(value);
        }

        if (points.Count % 2 != 0)
        {
            points.RemoveAt(points.Count - 1);
        }

        return points;
    }
}
