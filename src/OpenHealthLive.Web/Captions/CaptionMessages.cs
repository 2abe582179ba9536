using OpenHealthLive.Core.Captions;

namespace OpenHealthLive.Web.Captions;

/// <summary>A committed caption line, as readers get it (<c>CaptionCommitted</c>) and read it back.</summary>
/// <param name="Code">Join code.</param>
/// <param name="Id">Grows with every line.</param>
/// <param name="Slide">The slide (0-based) it was said on.</param>
/// <param name="At">When it was committed.</param>
/// <param name="Text">The line, with identifiers masked.</param>
public sealed record LiveCaption(string Code, long Id, int Slide, DateTimeOffset At, string Text)
{
    public static LiveCaption From(CaptionLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return new(line.SessionCode, line.Id, line.Slide, line.At, line.Text);
    }
}

/// <summary>The line in progress (<c>CaptionTyping</c>): replace the previous one; empty when cleared.</summary>
public sealed record CaptionDraftState(string Code, string Text);

/// <summary>Every line of the session was deleted (<c>CaptionsCleared</c>): readers empty their panel.</summary>
public sealed record CaptionsCleared(string Code);

/// <summary>Whether the session's captions are kept after the talk (<c>CaptionSettingsChanged</c>).</summary>
public sealed record CaptionSettingsChanged(string Code, bool Kept);

/// <summary>The answer to <c>FollowCaptions</c>: the latest lines of the slides the room was shown and the line in progress, when following.</summary>
public sealed record CaptionHistory(string Code, bool Following, IReadOnlyList<LiveCaption> Lines, string? Draft = null);

/// <summary>The answer to <c>CommitCaption</c> and the endpoint: the line as stored and sent, and what the guard masked in it.</summary>
/// <param name="Id">The line's id.</param>
/// <param name="Slide">The slide it was kept with.</param>
/// <param name="At">When it was committed.</param>
/// <param name="Text">The line as the room sees it.</param>
/// <param name="Masked">What the patient-data guard masked (its reasons, in a safe form), or null.</param>
public sealed record CaptionReceipt(long Id, int Slide, DateTimeOffset At, string Text, string? Masked)
{
    public static CaptionReceipt From(CaptionWritten written)
    {
        ArgumentNullException.ThrowIfNull(written);
        var line = written.Line;
        return new(line.Id, line.Slide, line.At, line.Text, written.Masked.Count == 0 ? null : string.Join("; ", written.Masked.Select(f => f.Reason)));
    }
}
