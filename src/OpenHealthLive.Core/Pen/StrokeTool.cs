namespace OpenHealthLive.Core.Pen;

/// <summary>What a stroke was drawn with.</summary>
public enum StrokeTool
{
    /// <summary>An opaque line.</summary>
    Pen,

    /// <summary>A wide, see-through line over the slide's text.</summary>
    Highlighter,
}
