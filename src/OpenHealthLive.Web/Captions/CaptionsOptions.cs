using System.ComponentModel.DataAnnotations;

namespace OpenHealthLive.Web.Captions;

/// <summary>Live caption settings (section <c>Captions</c>); see docs/captions.md.</summary>
public sealed class CaptionsOptions
{
    public const string SectionName = "Captions";

    /// <summary>
    /// Committed lines one sign-in (the caption console) or one captioner link (the HTTP endpoint) may send per minute.
    /// A fast stenographer writes 250 words a minute, a dozen or two lines; software that sends every phrase as a
    /// line sends more. 120 leaves room for both.
    /// </summary>
    [Range(1, 6000)]
    public int LinesPerMinute { get; set; } = 120;

    /// <summary>
    /// Updates of the line in progress per minute, per sign-in or link. The console sends at most four a second
    /// (240 a minute); captioning software may send one per word.
    /// </summary>
    [Range(1, 60_000)]
    public int DraftsPerMinute { get; set; } = 600;

    /// <summary>Wrong codes one address may present to the captions endpoint per minute before it must wait.</summary>
    [Range(1, 10_000)]
    public int FailedTokensPerMinute { get; set; } = 20;
}
