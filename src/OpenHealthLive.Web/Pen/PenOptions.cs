using System.ComponentModel.DataAnnotations;

namespace OpenHealthLive.Web.Pen;

/// <summary>The pen's rate limits (section <c>Pen</c>); see docs/authoring.md, "The pen".</summary>
public sealed class PenOptions
{
    public const string SectionName = "Pen";

    /// <summary>
    /// Pieces of strokes one sign-in may send per minute. The console sends one every 40 ms while the pen moves (1500 a
    /// minute of drawing without a pause); twice that leaves room for two hands on a touch screen.
    /// </summary>
    [Range(1, 60_000)]
    public int PiecesPerMinute { get; set; } = 3000;

    /// <summary>Finished strokes, erasures and clears one sign-in may make per minute.</summary>
    [Range(1, 60_000)]
    public int ChangesPerMinute { get; set; } = 600;
}
