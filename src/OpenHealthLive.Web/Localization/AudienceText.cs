namespace OpenHealthLive.Web.Localization;

/// <summary>
/// The audience pages' words: <c>AudienceText.resx</c> (English) beside <c>AudienceText.es.resx</c> and
/// <c>AudienceText.fr.resx</c>, read through <c>IStringLocalizer&lt;AudienceText&gt;</c> (docs/languages.md).
/// One resource for every audience page, so a translator works through one file per language, and a test checks
/// that every language has every key.
/// </summary>
public sealed class AudienceText;
