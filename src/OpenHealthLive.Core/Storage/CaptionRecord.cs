namespace OpenHealthLive.Core.Storage;

/// <summary>
/// One committed caption line, kept with the slide the room was on when it was said. Typed by staff (a captioner,
/// the speaker, the organiser) or sent by captioning software with a captioner link; masked by the patient-data
/// guard before it is written. Deleted when the talk ends, unless the presenter keeps them
/// (<see cref="LiveSessionRecord.KeepCaptions"/>).
/// </summary>
public sealed class CaptionRecord
{
    /// <summary>
    /// The column's size. Storage sits under every feature, so the size is said here and the caption rule
    /// (<c>CaptionText.MaxStoredLength</c>) takes it from here rather than the other way round.
    /// </summary>
    public const int MaxTextLength = 4000;

    /// <summary>Primary key; also the order the lines were said in.</summary>
    public long Id { get; set; }

    /// <summary>The session the line belongs to.</summary>
    public required string SessionCode { get; set; }

    /// <summary>The slide (0-based) the line was said on.</summary>
    public int Slide { get; set; }

    /// <summary>When the line was committed.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The line as shown to the room: at most <see cref="Captions.CaptionText.MaxLength"/> characters, identifiers masked.</summary>
    public required string Text { get; set; }
}
