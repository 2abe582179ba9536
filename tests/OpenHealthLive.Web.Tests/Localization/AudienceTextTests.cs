using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using OpenHealthLive.Web.Localization;

namespace OpenHealthLive.Web.Tests.Localization;

/// <summary>
/// Every word of the audience pages, and of the whole-talk file phones can take home, is in every language the site
/// ships (Localization/AudienceText*.resx and ArchiveText*.resx, as built into the app and its satellite assemblies):
/// none missing, none empty, none left in English by mistake, and the same placeholders ({0}, {1}) as the English.
/// </summary>
public sealed partial class AudienceTextTests
{
    public static TheoryData<string> Translations => new(LocalizationSetup.Languages.Where(l => l != "en"));

    /// <summary>Words a translator checked that are written as in English ("Questions" in French).</summary>
    internal static readonly Dictionary<string, string[]> SameAsEnglish = new()
    {
        ["es"] = [],
        ["fr"] = ["Join.Tab.Questions", "Results.Option", "Js.Minute", "Js.Minutes", "Js.VoteOne", "Js.VoteOther"],
    };

    /// <summary>The archive's words that are written as in English: date patterns, and French "Quiz" and "vote".</summary>
    internal static readonly Dictionary<string, string[]> ArchiveSameAsEnglish = new()
    {
        ["es"] = [],
        ["fr"] = ["DateFormat", "MadeAtFormat", "Type.Quiz", "VoteOne", "VoteOther"],
    };

    [Theory]
    [MemberData(nameof(Translations))]
    public void Every_English_string_is_in_the_language_not_empty_and_with_the_same_placeholders(string language) =>
        AssertComplete(typeof(AudienceText), language, SameAsEnglish[language]);

    [Theory]
    [MemberData(nameof(Translations))]
    public void Every_word_of_the_archive_is_in_the_language_not_empty_and_with_the_same_placeholders(string language) =>
        AssertComplete(typeof(ArchiveText), language, ArchiveSameAsEnglish[language]);

    private static void AssertComplete(Type resource, string language, string[] sameAsEnglish)
    {
        var english = Strings(resource, CultureInfo.InvariantCulture);
        var translated = Strings(resource, CultureInfo.GetCultureInfo(language));

        var missing = english.Keys.Where(key => !translated.TryGetValue(key, out var value) || string.IsNullOrWhiteSpace(value)).Order().ToList();
        Assert.True(missing.Count == 0, $"Missing or empty in {resource.Name}.{language}.resx: {string.Join(", ", missing)}");

        var unknown = translated.Keys.Except(english.Keys).Order().ToList();
        Assert.True(unknown.Count == 0, $"In {resource.Name}.{language}.resx but not in the English: {string.Join(", ", unknown)}");

        var copied = english.Where(e => translated[e.Key] == e.Value && !sameAsEnglish.Contains(e.Key)).Select(e => e.Key).ToList();
        Assert.True(copied.Count == 0, $"Still in English in {resource.Name}.{language}.resx: {string.Join(", ", copied)}");

        var placeholders = english.Where(e => Placeholders(e.Value) != Placeholders(translated[e.Key])).Select(e => e.Key).ToList();
        Assert.True(placeholders.Count == 0, $"Placeholders differ from the English in {resource.Name}.{language}.resx: {string.Join(", ", placeholders)}");
    }

    /// <summary>The strings one culture's resource holds itself (not those it falls back to).</summary>
    internal static Dictionary<string, string> Strings(CultureInfo culture) => Strings(typeof(AudienceText), culture);

    private static Dictionary<string, string> Strings(Type resource, CultureInfo culture)
    {
        var manager = new ResourceManager(resource);
        var set = manager.GetResourceSet(culture, createIfNotExists: true, tryParents: false)
            ?? throw new InvalidOperationException($"No {resource.Name} resource for '{culture.Name}'.");
        return set.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => e.Value as string ?? string.Empty, StringComparer.Ordinal);
    }

    private static string Placeholders(string text) => string.Join(',', PlaceholderPattern().Matches(text).Select(m => m.Value).Order());

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex PlaceholderPattern();
}
