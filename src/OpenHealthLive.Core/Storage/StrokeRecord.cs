namespace OpenHealthLive.Core.Storage;

/// <summary>
/// One finished stroke of the speaker's pen, kept with the slide it was drawn on. Drawn by staff (the speaker or the
/// organiser); nothing in it comes from the audience. Kept with the session, like the slides shown; deleted when a
/// rehearsal goes live, or by the console's eraser and "clear".
/// </summary>
public sealed class StrokeRecord
{
    /// <summary>
    /// The id column's size. Storage sits under every feature, so the pen's rules (<c>Ink</c>) take their limits from
    /// the columns rather than the other way round.
    /// </summary>
    public const int MaxStrokeIdLength = 32;

    /// <summary>Most points the <see cref="Points"/> column holds.</summary>
    public const int MaxPoints = 1500;

    /// <summary>The points column's size: each point is two numbers of up to five digits and a comma.</summary>
    public const int MaxPointsLength = MaxPoints * 2 * 6;

    /// <summary>Primary key; also the order the strokes were finished in.</summary>
    public long Id { get; set; }

    /// <summary>The session the stroke belongs to.</summary>
    public required string SessionCode { get; set; }

    /// <summary>The slide (0-based) it was drawn on.</summary>
    public int Slide { get; set; }

    /// <summary>The id the console gave it (see <see cref="Pen.Ink.IsValidId"/>); unique in the session.</summary>
    public required string StrokeId { get; set; }

    /// <summary><c>pen</c> or <c>highlighter</c>.</summary>
    public required string Tool { get; set; }

    /// <summary>A palette colour, <c>#rrggbb</c>.</summary>
    public required string Colour { get; set; }

    /// <summary>Line width in thousandths of the slide's width.</summary>
    public int Width { get; set; }

    /// <summary>The points, <c>x,y,x,y</c>, each 0 to 10000 across and down the slide.</summary>
    public required string Points { get; set; }

    /// <summary>When it was finished.</summary>
    public DateTimeOffset CreatedAt { get; set; }
}
