using System.Collections.ObjectModel;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using OpenHealthLive.Core.Refusals;
using OpenHealthLive.Core.Slides;

namespace OpenHealthLive.Core.Polls;

/// <summary>Checks what a phone sends against its poll, and stores answers as short text.</summary>
public static class PollAnswers
{
    /// <summary>
    /// Longest word-cloud text accepted as typed, before normalisation. Generous (spaces and emoji are removed
    /// later) but it bounds the work done for one answer.
    /// </summary>
    public const int MaxTypedLength = 200;

    private const string OptionName = "option";
    private const string OptionsName = "options";
    private const string RatingsName = "ratings";
    private const string RankingName = "ranking";
    private const string TextName = "text";
    private const string HeldName = "held";

    // Letters of every common script stay readable in the database; characters that matter in HTML are still
    // escaped. The encoder is fixed here, so the same answer is always stored as the same text.
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        Indented = false,
    };

    /// <summary>
    /// Checks <paramref name="answer"/> against <paramref name="poll"/> and returns its normal form: only the
    /// field the poll's type uses is set, multiple-choice options are sorted, word-cloud text is normalised by
    /// <see cref="WordNormalizer"/>.
    /// </summary>
    /// <exception cref="RequestRefusedException">The answer does not fit the poll; the message says what to do.</exception>
    public static PollAnswer Normalize(PollDefinition poll, PollAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(poll);
        ArgumentNullException.ThrowIfNull(answer);

        var expected = FieldFor(poll.Type);
        if (FirstOtherField(answer, expected) is { } other)
        {
            throw Refuse($"This poll takes {Describe(expected)}, not {Describe(other)}.");
        }

        return poll.Type switch
        {
            PollType.SingleChoice or PollType.Quiz => NormalizeChoice(poll, answer.Option),
            PollType.MultipleChoice => NormalizeChoices(poll, answer.Options),
            PollType.Rating => NormalizeRatings(poll, answer.Ratings),
            PollType.Ranking => NormalizeRanking(poll, answer.Ranking),
            PollType.WordCloud => NormalizeText(answer.Text),
            _ => throw new ArgumentOutOfRangeException(nameof(poll), poll.Type, "Unknown poll type."),
        };
    }

    /// <summary>
    /// Stores an answer as compact JSON with one property per set field, in a fixed order, for example
    /// <c>{"options":[0,3]}</c> or <c>{"text":"open science"}</c>.
    /// </summary>
    public static string Serialize(PollAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            if (answer.Option is { } option)
            {
                writer.WriteNumber(OptionName, option);
            }

            WriteList(writer, OptionsName, answer.Options);
            WriteList(writer, RatingsName, answer.Ratings);
            WriteList(writer, RankingName, answer.Ranking);
            if (answer.Text is { } text)
            {
                writer.WriteString(TextName, text);
            }

            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>
    /// Stores a held answer as <c>{"text":"[NHS number ending …919]","held":"reason"}</c>: the masked text only,
    /// marked so that it is never read back as an answer to count.
    /// </summary>
    public static string SerializeHeld(HeldPollAnswer held)
    {
        ArgumentNullException.ThrowIfNull(held);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString(TextName, held.Text);
            writer.WriteString(HeldName, held.Reason);
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>Reads a vote as stored: a counted answer (<see cref="Serialize"/>) or a held one (<see cref="SerializeHeld"/>).</summary>
    /// <exception cref="FormatException"><paramref name="stored"/> is neither.</exception>
    public static StoredPollAnswer ReadStored(string stored)
    {
        var answer = Parse(stored, out var heldReason);
        return heldReason is null ? new StoredPollAnswer(answer, null) : new StoredPollAnswer(null, new HeldPollAnswer(answer.Text ?? string.Empty, heldReason));
    }

    /// <summary>Reads an answer written by <see cref="Serialize"/>.</summary>
    /// <exception cref="FormatException">
    /// <paramref name="stored"/> is not an answer written by <see cref="Serialize"/>; a held answer is refused, so it can never be counted.
    /// </exception>
    public static PollAnswer Deserialize(string stored)
    {
        var answer = Parse(stored, out var heldReason);
        return heldReason is null ? answer : throw new FormatException("A stored poll answer is a held one: it is not counted (read it with ReadStored).");
    }

    private static PollAnswer Parse(string stored, out string? heldReason)
    {
        ArgumentNullException.ThrowIfNull(stored);
        heldReason = null;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(stored, new JsonDocumentOptions { MaxDepth = 2 });
        }
        catch (JsonException ex)
        {
            throw new FormatException($"A stored poll answer is not valid JSON: {ex.Message}", ex);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException("A stored poll answer is a JSON object.");
            }

            var answer = new PollAnswer();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (!seen.Add(property.Name))
                {
                    throw new FormatException($"A stored poll answer has '{property.Name}' twice.");
                }

                if (property.Name == HeldName && property.Value.ValueKind == JsonValueKind.String)
                {
                    heldReason = property.Value.GetString();
                }

                answer = property.Name switch
                {
                    OptionName => answer with { Option = ReadInt(property.Value, property.Name) },
                    OptionsName => answer with { Options = ReadList(property.Value, property.Name) },
                    RatingsName => answer with { Ratings = ReadList(property.Value, property.Name) },
                    RankingName => answer with { Ranking = ReadList(property.Value, property.Name) },
                    TextName => answer with { Text = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : throw new FormatException("A stored poll answer's 'text' is a string.") },
                    HeldName when property.Value.ValueKind == JsonValueKind.String => answer,
                    _ => throw new FormatException($"A stored poll answer has an unknown property '{property.Name}'."),
                };
            }

            return answer;
        }
    }

    private static PollAnswer NormalizeChoice(PollDefinition poll, int? option)
    {
        if (option is not { } index)
        {
            throw Refuse("Pick one option.");
        }

        CheckExists(poll, index);
        return new PollAnswer(Option: index);
    }

    private static PollAnswer NormalizeChoices(PollDefinition poll, IReadOnlyList<int>? options)
    {
        if (options is null || options.Count == 0)
        {
            throw Refuse("Pick at least one option.");
        }

        if (options.Count > poll.MaxChoices)
        {
            throw Refuse($"Pick at most {English.Count(poll.MaxChoices, "option")}.");
        }

        foreach (var index in options)
        {
            CheckExists(poll, index);
        }

        var sorted = options.Order().ToArray();
        for (var i = 1; i < sorted.Length; i++)
        {
            if (sorted[i] == sorted[i - 1])
            {
                throw Refuse("Pick each option once.");
            }
        }

        return new PollAnswer(Options: ReadOnly(sorted));
    }

    private static PollAnswer NormalizeRatings(PollDefinition poll, IReadOnlyList<int>? ratings)
    {
        if (ratings is null || ratings.Count != poll.Items.Count || ratings.Any(r => r < 1 || r > poll.Scale))
        {
            throw Refuse(FormattableString.Invariant($"Rate every item from 1 to {poll.Scale}."));
        }

        return new PollAnswer(Ratings: ReadOnly(ratings.ToArray()));
    }

    private static PollAnswer NormalizeRanking(PollDefinition poll, IReadOnlyList<int>? ranking)
    {
        var count = poll.Options.Count;
        var isPermutation = ranking is not null
            && ranking.Count == count
            && ranking.All(i => i >= 0 && i < count)
            && ranking.Distinct().Count() == count;
        if (!isPermutation)
        {
            throw Refuse(FormattableString.Invariant($"Put all {count} options in order, each once."));
        }

        return new PollAnswer(Ranking: ReadOnly(ranking!.ToArray()));
    }

    private static PollAnswer NormalizeText(string? text)
    {
        var normalized = text is null || text.Length > MaxTypedLength ? string.Empty : WordNormalizer.Normalize(text);
        if (normalized.Length == 0 || normalized.Length > WordNormalizer.MaxLength)
        {
            throw Refuse(FormattableString.Invariant($"Type a word or a short phrase (at most {WordNormalizer.MaxLength} characters)."));
        }

        return new PollAnswer(Text: normalized);
    }

    private static void CheckExists(PollDefinition poll, int index)
    {
        if (index < 0 || index >= poll.Options.Count)
        {
            throw Refuse(FormattableString.Invariant($"Option {index} does not exist; this poll has {English.Count(poll.Options.Count, "option")}."));
        }
    }

    private static string FieldFor(PollType type) => type switch
    {
        PollType.SingleChoice or PollType.Quiz => OptionName,
        PollType.MultipleChoice => OptionsName,
        PollType.Rating => RatingsName,
        PollType.Ranking => RankingName,
        PollType.WordCloud => TextName,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown poll type."),
    };

    private static string? FirstOtherField(PollAnswer answer, string expected)
    {
        (string Name, bool IsSet)[] fields =
        [
            (OptionName, answer.Option is not null),
            (OptionsName, answer.Options is not null),
            (RatingsName, answer.Ratings is not null),
            (RankingName, answer.Ranking is not null),
            (TextName, answer.Text is not null),
        ];
        return fields.FirstOrDefault(f => f.IsSet && f.Name != expected).Name;
    }

    private static string Describe(string field) => field switch
    {
        OptionName => "one choice",
        OptionsName => "a list",
        RatingsName => "ratings",
        RankingName => "a ranking",
        _ => "text",
    };

    private static RequestRefusedException Refuse(string message) => new(RefusalCodes.BadAnswer, message);

    private static ReadOnlyCollection<int> ReadOnly(int[] values) => Array.AsReadOnly(values);

    private static void WriteList(Utf8JsonWriter writer, string name, IReadOnlyList<int>? values)
    {
        if (values is null)
        {
            return;
        }

        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteNumberValue(value);
        }

        writer.WriteEndArray();
    }

    private static int ReadInt(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out var value)
            ? value
            : throw new FormatException($"A stored poll answer's '{name}' is a whole number.");

    private static ReadOnlyCollection<int> ReadList(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException($"A stored poll answer's '{name}' is a list of whole numbers.");
        }

        return ReadOnly(element.EnumerateArray().Select(e => ReadInt(e, name)).ToArray());
    }
}
