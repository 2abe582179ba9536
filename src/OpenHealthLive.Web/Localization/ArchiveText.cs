namespace OpenHealthLive.Web.Localization;

/// <summary>
/// The words of the whole-talk file around the slides (headings, poll and chart captions, the footer):
/// <c>ArchiveText.resx</c> (English) beside <c>ArchiveText.es.resx</c> and <c>ArchiveText.fr.resx</c>. The file is
/// written in the language of its slides, so that the whole document is in one language (docs/languages.md).
/// </summary>
public sealed class ArchiveText;
