using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace OpenHealthLive.Core.Slides;

/// <summary>Reads a deck's YAML front matter into <see cref="DeckMetadata"/>, reporting problems by line.</summary>
internal static partial class FrontMatterReader
{
    /// <summary>Every key the front matter understands. Anything else is a warning, usually a typo.</summary>
    public static readonly IReadOnlySet<string> KnownKeys = new HashSet<string>(StringComparer.Ordinal)
    {
        "title", "subtitle", "speaker", "affiliation", "date", "event", "licence", "license", "language",
        "duration", "audience-can-browse-ahead", "theme",
    };

    /// <summary>Keys only <c>deck.md</c> sets: they decide how the talk runs, which cannot differ by language.</summary>
    public static readonly IReadOnlySet<string> MainDeckKeys = new HashSet<string>(StringComparer.Ordinal) { "duration", "audience-can-browse-ahead", "theme" };

    /// <param name="yaml">The text between the two <c>---</c> fences.</param>
    /// <param name="file">File name for problems.</param>
    /// <param name="firstLine">1-based file line of the first YAML line.</param>
    /// <param name="problems">Receives errors and warnings.</param>
    /// <param name="fallbackTitle">Unused when the YAML has a title.</param>
    /// <param name="translationLanguage">
    /// For a translation (<c>deck.es.md</c>): the language its file name gives, which a <c>language</c> line may
    /// repeat but not contradict; null for <c>deck.md</c>.
    /// </param>
    public static DeckMetadata? Read(string yaml, string file, int firstLine, List<DeckProblem> problems, string fallbackTitle, string? translationLanguage = null)
    {
        var loaded = DeckYaml.Load(yaml);
        if (loaded.Failed)
        {
            problems.Add(new(DeckProblemSeverity.Error, file, firstLine + loaded.Line - 1, $"The front matter is not valid YAML: {loaded.Error}"));
            return null;
        }

        if (loaded.Root is null or YamlScalarNode { Value: null or "" })
        {
            problems.Add(new(DeckProblemSeverity.Error, file, firstLine, "The front matter is empty; it needs at least a title, for example 'title: My talk'."));
            return null;
        }

        if (loaded.Root is not YamlMappingNode root)
        {
            problems.Add(new(DeckProblemSeverity.Error, file, firstLine, "The front matter must be a list of 'key: value' lines."));
            return null;
        }

        var errorsBefore = problems.Count(p => p.Severity == DeckProblemSeverity.Error);
        var values = new Dictionary<string, (string Value, int Line)>(StringComparer.Ordinal);
        foreach (var (keyNode, valueNode) in root.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
            var line = firstLine + (int)keyNode.Start.Line - 1;
            if (!KnownKeys.Contains(key))
            {
                problems.Add(new(DeckProblemSeverity.Warning, file, line,
                    $"Unknown front-matter key '{key}'. Known keys: {string.Join(", ", KnownKeys.Order(StringComparer.Ordinal))}."));
                continue;
            }

            if (translationLanguage is not null && MainDeckKeys.Contains(key))
            {
                problems.Add(new(DeckProblemSeverity.Warning, file, line,
                    $"'{key}' is set in deck.md only, for every language; remove this line from the translation (it is ignored)."));
                continue;
            }

            if (valueNode is not YamlScalarNode scalar)
            {
                problems.Add(new(DeckProblemSeverity.Error, file, line, $"'{key}' must be a single value, not a list or a map."));
                continue;
            }

            values[key == "license" ? "licence" : key] = (scalar.Value ?? string.Empty, line);
        }

        string? Text(string key) => values.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v.Value) ? v.Value.Trim() : null;

        var title = Text("title");
        if (title is null)
        {
            problems.Add(new(DeckProblemSeverity.Error, file, firstLine, $"The front matter has no title; add a line such as 'title: {fallbackTitle}'."));
        }

        TimeSpan? duration = null;
        if (values.TryGetValue("duration", out var d))
        {
            duration = ParseDuration(d.Value);
            if (duration is null)
            {
                problems.Add(new(DeckProblemSeverity.Error, file, d.Line,
                    $"'duration: {d.Value}' is not a duration; write minutes ('40'), '40m', '1h15m' or '01:15:00'."));
            }
        }

        var browseAhead = false;
        if (values.TryGetValue("audience-can-browse-ahead", out var b) && !bool.TryParse(b.Value, out browseAhead))
        {
            problems.Add(new(DeckProblemSeverity.Error, file, b.Line, $"'audience-can-browse-ahead' must be true or false, not '{b.Value}'."));
        }

        var language = Text("language") ?? translationLanguage ?? "en";
        if (values.TryGetValue("language", out var l) && !IsLanguageTag(language))
        {
            problems.Add(new(DeckProblemSeverity.Error, file, l.Line, $"'language: {language}' is not a language tag such as 'en' or 'en-GB'."));
        }
        else if (translationLanguage is not null && !language.Equals(translationLanguage, StringComparison.OrdinalIgnoreCase))
        {
            problems.Add(new(DeckProblemSeverity.Error, file, l.Line,
                $"This file is the '{translationLanguage}' translation (its name says so), but its 'language' line says '{language}'. Remove the line or make it '{translationLanguage}'."));
        }

        var theme = Text("theme")?.ToLowerInvariant() ?? "auto";
        if (theme is not ("auto" or "dark" or "light"))
        {
            problems.Add(new(DeckProblemSeverity.Error, file, values["theme"].Line, $"'theme: {theme}' must be auto (follows each device), dark or light."));
        }

        if (problems.Count(p => p.Severity == DeckProblemSeverity.Error) > errorsBefore)
        {
            return null;
        }

        return new DeckMetadata
        {
            Title = title!,
            Subtitle = Text("subtitle"),
            Speaker = Text("speaker"),
            Affiliation = Text("affiliation"),
            Date = Text("date"),
            Event = Text("event"),
            Licence = Text("licence"),
            Language = language,
            PlannedDuration = duration,
            AudienceCanBrowseAhead = browseAhead,
            Theme = theme,
        };
    }

    internal static TimeSpan? ParseDuration(string text)
    {
        text = text.Trim();
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var minutes))
        {
            return minutes > 0 ? TimeSpan.FromMinutes(minutes) : null;
        }

        if (text.Contains(':', StringComparison.Ordinal))
        {
            return TimeSpan.TryParseExact(text, [@"h\:mm\:ss", @"h\:mm"], CultureInfo.InvariantCulture, out var t) && t > TimeSpan.Zero ? t : null;
        }

        // Text that does not match, or matches with neither hours nor minutes, has no group: no length of time.
        var match = HoursAndMinutes().Match(text);
        var hours = match.Groups[1].Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        var mins = match.Groups[2].Success ? int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture) : 0;
        var total = new TimeSpan(hours, mins, 0);
        return total > TimeSpan.Zero ? total : null;
    }

    internal static bool IsLanguageTag(string tag)
    {
        try
        {
            return !string.IsNullOrEmpty(CultureInfo.GetCultureInfo(tag, predefinedOnly: true).Name);
        }
        catch (ArgumentException)
        {
            // CultureNotFoundException is one; other malformed names throw its base type.
            return false;
        }
    }

    // [0-9] with a bounded count rather than \d+: \d also matches other scripts' digits, which int.Parse then
    // rejects by throwing, and an unbounded count overflows an int.
    [GeneratedRegex(@"^(?:([0-9]{1,5})\s*h)?\s*(?:([0-9]{1,6})\s*m(?:in)?)?\z", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HoursAndMinutes();
}
