using System.ComponentModel.DataAnnotations;

namespace OpenHealthLive.Web.Archive;

/// <summary>The talk archive (section <c>Archive</c>); see README "The whole talk in one file" and docs/privacy.md.</summary>
public sealed class ArchiveOptions
{
    public const string SectionName = "Archive";

    /// <summary>
    /// Public archives one address may download per minute. A whole room behind one venue NAT may take the talk home
    /// at once when it ends, and every download is built afresh (so an erased question is never in one): a generous
    /// backstop against a script, not a per-phone allowance.
    /// </summary>
    [Range(1, 10_000)]
    public int PublicDownloadsPerMinute { get; set; } = 120;
}
