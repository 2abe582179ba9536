using OpenHealthLive.Core.Questions;

namespace OpenHealthLive.Core.Captions;

/// <summary>A line just committed, and what the patient-data guard masked in it (none when nothing).</summary>
public sealed record CaptionWritten(CaptionLine Line, IReadOnlyList<GuardFinding> Masked);
