using System.Globalization;
using System.Resources;
using OpenHealthLive.Web.Localization;

namespace OpenHealthLive.Web.Archive;

/// <summary>
/// The archive's own words (<see cref="ArchiveText"/>) in one language, with its numbers and dates: the language of the
/// slides in the file when the site is written in it, else English, so that the document has one <c>lang</c>.
/// </summary>
internal sealed class ArchiveWords
{
    private static readonly ResourceManager s_resources = new(typeof(ArchiveText));

    private ArchiveWords(CultureInfo culture) => Culture = culture;

    /// <summary>The culture the words, numbers and dates are written in.</summary>
    public CultureInfo Culture { get; }

    /// <summary>The words for a document whose slides are in <paramref name="language"/> (a BCP 47 tag).</summary>
    public static ArchiveWords For(string? language)
    {
        var primary = (language ?? string.Empty).Split('-')[0].ToLowerInvariant();
        return new ArchiveWords(CultureInfo.GetCultureInfo(LocalizationSetup.Languages.Contains(primary) ? primary : "en"));
    }

    /// <summary>The text of <paramref name="key"/>; trusted resource text, to be written as it is.</summary>
    public string this[string key] =>
        s_resources.GetString(key, Culture) ?? throw new InvalidOperationException($"ArchiveText has no '{key}'.");

    /// <summary>The text of <paramref name="key"/> with its placeholders filled in, numbers formatted for the language.</summary>
    public string Format(string key, params object[] arguments) => string.Format(Culture, this[key], arguments);

    /// <summary>The one or other form of <paramref name="key"/> (<c>…One</c>, <c>…Other</c>) for <paramref name="count"/>.</summary>
    public string Count(string key, int count) => Format(count == 1 ? key + "One" : key + "Other", count);

    /// <summary>A date as the language writes it.</summary>
    public string Date(DateTime date) => date.ToString(this["DateFormat"], Culture);
}
