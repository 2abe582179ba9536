namespace OpenHealthLive.Core.Captions;

/// <summary>A committed caption line, as stored and as the room sees it.</summary>
/// <param name="Id">Grows with every line: the order they were said in.</param>
/// <param name="SessionCode">The session.</param>
/// <param name="Slide">The slide (0-based) the line was said on.</param>
/// <param name="At">When it was committed.</param>
/// <param name="Text">The text, with any identifier the patient-data guard found masked.</param>
public sealed record CaptionLine(long Id, string SessionCode, int Slide, DateTimeOffset At, string Text);
