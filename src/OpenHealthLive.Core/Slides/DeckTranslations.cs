using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace OpenHealthLive.Core.Slides;

/// <summary>
/// Finds the translations beside a deck (<c>deck.es.md</c> beside <c>deck.md</c>), parses each like a deck, and checks
/// that it has the structure of <c>deck.md</c>: the same slides in the same order, the same fragments on each, and the
/// same polls with the same ids, types, number of options and items, and quiz answer. Phones follow the one talk in
/// several languages, so a slide, a fragment or a vote must mean the same thing in each; where a translation differs,
/// each difference is an error located in the translation, naming the slide.
/// </summary>
internal static partial class DeckTranslations
{
    /// <summary>Where the main deck is named in messages: authors know it by its file name.</summary>
    private const string Main = DeckParser.DeckFileName;

    public static DeckLoadResult Attach(Deck deck, string source)
    {
        var directory = Path.GetDirectoryName(deck.SourcePath) ?? ".";
        var problems = new List<DeckProblem>(deck.Warnings);
        var found = new List<(string Language, string File, string Source, Deck Translation)>();
        foreach (var file in Directory.EnumerateFiles(directory, "deck.*.md").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            if (FileName().Match(name) is not { Success: true } match)
            {
                continue;
            }

            var language = match.Groups[1].Value;
            if (!FrontMatterReader.IsLanguageTag(language))
            {
                problems.Add(new(DeckProblemSeverity.Warning, file, 0,
                    $"'{language}' is not a language, so {name} is not read as a translation. A translation is named after its language: deck.es.md, deck.pt-BR.md."));
                continue;
            }

            if (language.Equals(deck.Language, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add(new(DeckProblemSeverity.Error, file, 0,
                    $"{name} would translate the deck into '{language}', the language {Main} is written in (its front matter says 'language: {deck.Language}')."));
                continue;
            }

            if (found.Exists(f => f.Language.Equals(language, StringComparison.OrdinalIgnoreCase)))
            {
                problems.Add(new(DeckProblemSeverity.Error, file, 0, $"{name} is a second translation into '{language}'; keep one file per language."));
                continue;
            }

            string text;
            try
            {
                text = File.ReadAllText(file);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                problems.Add(new(DeckProblemSeverity.Error, file, 0, $"Cannot read the translation: {ex.Message}"));
                continue;
            }

            var parsed = DeckParser.Parse(deck.Slug, file, text, language);
            var own = parsed.Problems.ToList();
            if (parsed.Deck is { } translation)
            {
                Compare(deck, translation, own);
                own.Sort((a, b) => a.Line.CompareTo(b.Line));
                found.Add((language, file, text, translation));
            }

            problems.AddRange(own);
        }

        if (problems.Exists(p => p.Severity == DeckProblemSeverity.Error))
        {
            return DeckLoadResult.Failure(deck.Slug, problems);
        }

        if (found.Count == 0)
        {
            return DeckLoadResult.Success(deck.WithTranslations(new Dictionary<string, Deck>(), deck.Fingerprint, problems));
        }

        // One fingerprint for the deck in all its languages: editing a translation is editing the deck.
        var all = new StringBuilder(source);
        foreach (var (language, _, text, _) in found)
        {
            all.Append('\0').Append(language).Append('\0').Append(text);
        }

        var fingerprint = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(all.ToString())))[..12];
        var translations = new Dictionary<string, Deck>(StringComparer.OrdinalIgnoreCase);
        foreach (var (language, _, _, translation) in found)
        {
            translations[language] = translation.AsTranslation(Words(deck.Metadata, translation.Metadata, language), fingerprint);
        }

        return DeckLoadResult.Success(deck.WithTranslations(translations, fingerprint, problems));
    }

    /// <summary>
    /// The translation's words (title, subtitle, event…), the main deck's for any it leaves out, and the main deck's
    /// settings: how the talk runs does not depend on the language it is read in.
    /// </summary>
    private static DeckMetadata Words(DeckMetadata main, DeckMetadata translated, string language) => main with
    {
        Title = translated.Title,
        Subtitle = translated.Subtitle ?? main.Subtitle,
        Speaker = translated.Speaker ?? main.Speaker,
        Affiliation = translated.Affiliation ?? main.Affiliation,
        Date = translated.Date ?? main.Date,
        Event = translated.Event ?? main.Event,
        Licence = translated.Licence ?? main.Licence,
        Language = language,
    };

    private static void Compare(Deck main, Deck translation, List<DeckProblem> problems)
    {
        var file = translation.SourcePath;
        var name = Path.GetFileName(file);
        void Error(int line, string message) => problems.Add(new(DeckProblemSeverity.Error, file, line, message));

        if (translation.Slides.Count != main.Slides.Count)
        {
            Error(0, $"{name} has {English.Count(translation.Slides.Count, "slide")} but {Main} has {main.Slides.Count}: a translation has the same slides, in the same order, "
                + "so that every phone is on the same slide whatever its language. Compare the slide titles to find the one missing or added.");
        }

        for (var index = 0; index < Math.Min(main.Slides.Count, translation.Slides.Count); index++)
        {
            var slide = translation.Slides[index];
            var original = main.Slides[index];
            var number = index + 1;
            if (slide.FragmentCount != original.FragmentCount)
            {
                Error(slide.SourceLine, $"Slide {number} has {Fragments(slide.FragmentCount)} here but {Fragments(original.FragmentCount)} in {Main} (its slide {number} is '{original.Title}'). "
                    + "Pause ('. . .') and list incrementally in the same places, so a phone reveals the same step as the projector.");
            }

            if (!slide.Classes.SequenceEqual(original.Classes, StringComparer.Ordinal))
            {
                problems.Add(new(DeckProblemSeverity.Warning, file, slide.SourceLine,
                    $"Slide {number} has the classes {Classes(slide.Classes)} here but {Classes(original.Classes)} in {Main}; it will look different in this language."));
            }

            var polls = translation.Polls.Where(p => p.SlideIndex == index).ToList();
            var originals = main.Polls.Where(p => p.SlideIndex == index).ToList();
            for (var i = 0; i < Math.Max(polls.Count, originals.Count); i++)
            {
                if (i >= polls.Count)
                {
                    Error(slide.SourceLine, $"Slide {number} asks the poll '{originals[i].Id}' in {Main} but not here. Translate its poll block too (same id).");
                }
                else if (i >= originals.Count)
                {
                    Error(polls[i].SourceLine, $"Slide {number} asks the poll '{polls[i].Id}' here, but {Main} asks no such poll on that slide.");
                }
                else if (!string.Equals(polls[i].Id, originals[i].Id, StringComparison.Ordinal))
                {
                    Error(polls[i].SourceLine, $"Slide {number} asks the poll '{polls[i].Id}' here but '{originals[i].Id}' in {Main}. "
                        + "A translated poll keeps its id: votes from every language count in the one poll.");
                }
                else
                {
                    ComparePoll(number, polls[i], originals[i], Error);
                }
            }
        }
    }

    private static void ComparePoll(int number, PollDefinition poll, PollDefinition original, Action<int, string> error)
    {
        var line = poll.SourceLine;
        var where = $"Slide {number}: the poll '{poll.Id}'";
        if (poll.Type != original.Type)
        {
            error(line, $"{where} is a {PollDefinitionReader.NameOf(poll.Type)} poll here but a {PollDefinitionReader.NameOf(original.Type)} poll in {Main}.");
            return;
        }

        if (poll.Options.Count != original.Options.Count)
        {
            error(line, $"{where} has {English.Count(poll.Options.Count, "option")} here but {original.Options.Count} in {Main}. "
                + "Translate each option, in the same order: a vote counts for the option in the same place.");
        }

        if (poll.Items.Count != original.Items.Count)
        {
            error(line, $"{where} has {English.Count(poll.Items.Count, "item")} here but {original.Items.Count} in {Main}. Translate each item, in the same order.");
        }

        if (poll.Scale != original.Scale)
        {
            error(line, $"{where} has 'scale: {poll.Scale}' here but {original.Scale} in {Main}.");
        }

        if (poll.MaxChoices != original.MaxChoices)
        {
            error(line, $"{where} has 'max: {poll.MaxChoices}' here but {original.MaxChoices} in {Main}.");
        }

        if (poll.AutoOpen != original.AutoOpen)
        {
            error(line, $"{where} has 'auto-open: {(poll.AutoOpen ? "true" : "false")}' here but {(original.AutoOpen ? "true" : "false")} in {Main}.");
        }

        var answer = IndexOf(poll.Options, poll.Answer);
        var originalAnswer = IndexOf(original.Options, original.Answer);
        if (answer != originalAnswer && poll.Options.Count == original.Options.Count)
        {
            error(line, $"{where} gives the answer '{poll.Answer}' (option {answer + 1}) here but option {originalAnswer + 1} ('{original.Answer}') in {Main}. "
                + "The answer is the translation of the same option.");
        }
    }

    /// <summary>Where <paramref name="option"/> is among the options; -1 when it is not, or is null (no answer).</summary>
    private static int IndexOf(IReadOnlyList<string> options, string? option)
    {
        for (var i = 0; i < options.Count; i++)
        {
            if (string.Equals(options[i], option, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private static string Fragments(int count) => count switch
    {
        0 => "no fragment",
        1 => "1 fragment",
        _ => string.Create(CultureInfo.InvariantCulture, $"{count} fragments"),
    };

    private static string Classes(IReadOnlyList<string> classes) => classes.Count == 0 ? "none" : string.Join(' ', classes.Select(c => "." + c));

    // A language tag as in a file name: 'es', 'pt-BR', 'zh-Hant-TW'; \z, not $, which would also match before a newline.
    [GeneratedRegex(@"^deck\.([A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8}){0,2})\.md\z", RegexOptions.CultureInvariant)]
    private static partial Regex FileName();
}
