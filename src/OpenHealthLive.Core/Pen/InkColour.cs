namespace OpenHealthLive.Core.Pen;

/// <summary>A colour of the pen's palette.</summary>
/// <param name="Hex">As <c>#rrggbb</c>: what strokes carry.</param>
/// <param name="Name">What the console's button says.</param>
public sealed record InkColour(string Hex, string Name);
