using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace OpenHealthLive.Core.Slides;

/// <summary>Reads and checks the YAML of a <c>poll</c> block.</summary>
public static partial class PollDefinitionReader
{
    /// <summary>Limits that keep a poll readable on a phone and cheap to store.</summary>
    public const int MaxQuestionLength = 300;

    /// <summary>Longest option or item text.</summary>
    public const int MaxOptionLength = 120;

    /// <summary>Most options (or rated items) a poll may have.</summary>
    public const int MaxOptions = 12;

    private static readonly HashSet<string> KnownKeys = new HashSet<string>(StringComparer.Ordinal)
    {
        "id", "type", "question", "options", "items", "scale", "max", "answer", "auto-open",
    };

    /// <summary>Parses a poll block; problems are reported at file lines starting from <paramref name="firstLine"/>.</summary>
    public static PollDefinition? Read(string yaml, string file, int firstLine, int slideIndex, List<DeckProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var loaded = DeckYaml.Load(yaml ?? string.Empty);
        if (loaded.Failed)
        {
            problems.Add(new(DeckProblemSeverity.Error, file, firstLine + loaded.Line - 1, $"The poll block is not valid YAML: {loaded.Error}"));
            return null;
        }

        if (loaded.Root is not YamlMappingNode root)
        {
            problems.Add(new(DeckProblemSeverity.Error, file, firstLine, "A poll block holds YAML 'key: value' lines: id, type, question and options."));
            return null;
        }

        var errorsBefore = problems.Count(p => p.Severity == DeckProblemSeverity.Error);
        var scalars = new Dictionary<string, (string Value, int Line)>(StringComparer.Ordinal);
        var lists = new Dictionary<string, (List<string> Values, int Line)>(StringComparer.Ordinal);
        foreach (var (keyNode, valueNode) in root.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
            var line = firstLine + (int)keyNode.Start.Line - 1;
            if (!KnownKeys.Contains(key))
            {
                problems.Add(new(DeckProblemSeverity.Warning, file, line, $"Unknown poll key '{key}'. Known keys: {string.Join(", ", KnownKeys)}."));
                continue;
            }

            switch (valueNode)
            {
                case YamlScalarNode scalar:
                    scalars[key] = (scalar.Value ?? string.Empty, line);
                    break;
                case YamlSequenceNode sequence when sequence.Children.All(c => c is YamlScalarNode):
                    lists[key] = (sequence.Children.Cast<YamlScalarNode>().Select(c => (c.Value ?? string.Empty).Trim()).ToList(), line);
                    break;
                default:
                    problems.Add(new(DeckProblemSeverity.Error, file, line, $"Poll key '{key}' must be a value or a list of values."));
                    break;
            }
        }

        void Error(int line, string message) => problems.Add(new(DeckProblemSeverity.Error, file, line, message));
        string? Scalar(string key) => scalars.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v.Value) ? v.Value.Trim() : null;
        int LineOf(string key) => scalars.TryGetValue(key, out var v) ? v.Line : lists.TryGetValue(key, out var l) ? l.Line : firstLine;

        var id = Scalar("id");
        if (id is null || !IdPattern().IsMatch(id))
        {
            Error(LineOf("id"), "A poll needs an 'id' of lower-case letters, digits and dashes, unique in the deck (for example 'id: pillar-most').");
        }

        PollType type = default;
        var typeText = Scalar("type");
        if (typeText is null || !TryParseType(typeText, out type))
        {
            Error(LineOf("type"), $"Poll 'type' must be one of single, multiple, rating, ranking, wordcloud or quiz{(typeText is null ? string.Empty : $", not '{typeText}'")}.");
        }

        var question = Scalar("question");
        if (question is null)
        {
            Error(LineOf("question"), "A poll needs a 'question'.");
        }
        else if (question.Length > MaxQuestionLength)
        {
            Error(LineOf("question"), $"The poll question has {question.Length} characters; keep it under {MaxQuestionLength} so it fits a phone.");
        }

        var options = lists.TryGetValue("options", out var o) ? o.Values : [];
        var items = lists.TryGetValue("items", out var i) ? i.Values : [];
        if (scalars.ContainsKey("options") || scalars.ContainsKey("items"))
        {
            Error(LineOf(scalars.ContainsKey("options") ? "options" : "items"), "'options' and 'items' are lists: one '- choice' line each.");
        }

        var needsOptions = type is PollType.SingleChoice or PollType.MultipleChoice or PollType.Ranking or PollType.Quiz;
        if (needsOptions)
        {
            CheckChoices(options, "options", LineOf("options"), Error);
        }
        else if (options.Count > 0)
        {
            Error(LineOf("options"), $"A {typeText} poll has no 'options'{(type == PollType.Rating ? "; list what is rated under 'items'" : string.Empty)}.");
        }

        var scale = 5;
        if (type == PollType.Rating)
        {
            CheckChoices(items, "items", LineOf("items"), Error, minimum: 1);
            if (Scalar("scale") is { } scaleText && (!int.TryParse(scaleText, NumberStyles.None, CultureInfo.InvariantCulture, out scale) || scale < 2 || scale > 10))
            {
                Error(LineOf("scale"), "'scale' is the top of the rating scale: a whole number from 2 to 10.");
            }
        }
        else if (items.Count > 0)
        {
            Error(LineOf("items"), "'items' belongs to rating polls only.");
        }

        var max = type == PollType.MultipleChoice ? options.Count : 1;
        if (Scalar("max") is { } maxText)
        {
            if (type != PollType.MultipleChoice)
            {
                Error(LineOf("max"), "'max' belongs to multiple-choice polls only.");
            }
            else if (!int.TryParse(maxText, NumberStyles.None, CultureInfo.InvariantCulture, out max) || max < 1 || max > options.Count)
            {
                Error(LineOf("max"), $"'max' must be a whole number from 1 to the number of options ({options.Count}).");
            }
        }

        var answer = Scalar("answer");
        if (type == PollType.Quiz && (answer is null || !options.Contains(answer, StringComparer.Ordinal)))
        {
            Error(LineOf("answer"), "A quiz needs an 'answer' that is exactly one of its options.");
        }
        else if (type != PollType.Quiz && answer is not null)
        {
            Error(LineOf("answer"), "'answer' belongs to quiz polls only.");
        }

        var autoOpen = false;
        if (Scalar("auto-open") is { } autoText && !bool.TryParse(autoText, out autoOpen))
        {
            Error(LineOf("auto-open"), "'auto-open' is true or false.");
        }

        if (problems.Count(p => p.Severity == DeckProblemSeverity.Error) > errorsBefore)
        {
            return null;
        }

        return new PollDefinition
        {
            Id = id!,
            Type = type,
            Question = question!,
            Options = options,
            Items = items,
            Scale = scale,
            MaxChoices = max,
            Answer = answer,
            AutoOpen = autoOpen,
            SlideIndex = slideIndex,
            SourceLine = firstLine - 1,
        };
    }

    /// <summary>The type names authors write, as in the deck syntax (docs/authoring.md).</summary>
    public static IReadOnlyDictionary<string, PollType> TypeNames { get; } = new Dictionary<string, PollType>(StringComparer.OrdinalIgnoreCase)
    {
        ["single"] = PollType.SingleChoice,
        ["multiple"] = PollType.MultipleChoice,
        ["rating"] = PollType.Rating,
        ["ranking"] = PollType.Ranking,
        ["wordcloud"] = PollType.WordCloud,
        ["word-cloud"] = PollType.WordCloud,
        ["quiz"] = PollType.Quiz,
    };

    /// <summary>The deck-syntax name of a type (<c>single</c>, <c>wordcloud</c>, ...).</summary>
    public static string NameOf(PollType type) => TypeNames.First(t => t.Value == type).Key;

    /// <summary>Accepts the type names authors write, case-insensitively.</summary>
    public static bool TryParseType(string text, out PollType type) => TypeNames.TryGetValue((text ?? string.Empty).Trim(), out type);

    private static void CheckChoices(List<string> choices, string key, int line, Action<int, string> error, int minimum = 2)
    {
        if (choices.Count < minimum || choices.Count > MaxOptions)
        {
            error(line, $"A poll needs {minimum} to {MaxOptions} {key}; it has {choices.Count}.");
        }

        if (choices.Any(string.IsNullOrWhiteSpace))
        {
            error(line, $"A poll's {key} cannot be empty.");
        }

        if (choices.FirstOrDefault(c => c.Length > MaxOptionLength) is { } longOne)
        {
            error(line, $"'{longOne[..40]}…' is longer than {MaxOptionLength} characters; shorten it so it fits a phone.");
        }

        if (choices.GroupBy(c => c, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
        {
            error(line, $"'{duplicate.Key}' appears twice in the {key}.");
        }
    }

    // \z, not $, which also matches before a final newline.
    [GeneratedRegex(@"^[a-z0-9][a-z0-9-]{0,63}\z", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
