using OpenHealthLive.Core.Slides;
using OpenHealthLive.Core.Tests.Slides;

namespace OpenHealthLive.Core.Tests.Polls;

/// <summary>
/// Each check of a <c>poll</c> block, with the exact problem an author reads: its line and its words. As in
/// <see cref="PollBlockTests"/>, the heading is on line 4, the fence on line 6 and the poll's YAML from line 7.
/// </summary>
public sealed class PollBlockCheckTests
{
    public static TheoryData<string[], int, string> OneProblem => new()
    {
        // Not a mapping at all.
        { ["- id", "- type"], 7, "A poll block holds YAML 'key: value' lines: id, type, question and options." },

        // A key whose value is neither a value nor a list of values.
        { ["id: p", "type: single", "question: Q?", "options: [A, B]", "auto-open: {when: now}"], 11, "Poll key 'auto-open' must be a value or a list of values." },

        // A type left out says only what the types are; a wrong one also says what was written.
        { ["id: p", "question: Q?", "options: [A, B]"], 7, "Poll 'type' must be one of single, multiple, rating, ranking, wordcloud or quiz." },

        // A question left out, or written as nothing but spaces.
        { ["id: p", "type: wordcloud"], 7, "A poll needs a 'question'." },
        { ["id: p", "type: wordcloud", "question: '   '"], 9, "A poll needs a 'question'." },
        { ["id: p", "type: wordcloud", $"question: {new string('q', PollDefinitionReader.MaxQuestionLength + 1)}"], 9, "The poll question has 301 characters; keep it under 300 so it fits a phone." },

        // A rating lists what is rated under 'items', not 'options'.
        { ["id: p", "type: rating", "question: Q?", "items: [Content]", "options: [A, B]"], 11, "A rating poll has no 'options'; list what is rated under 'items'." },
        { ["id: p", "type: rating", "question: Q?"], 7, "A poll needs 1 to 12 items; it has 0." },
        { ["id: p", "type: rating", "question: Q?", "items: [Content]", "scale: ten"], 11, "'scale' is the top of the rating scale: a whole number from 2 to 10." },

        // 'max' only means something for a multiple-choice poll.
        { ["id: p", "type: single", "question: Q?", "options: [A, B]", "max: 1"], 11, "'max' belongs to multiple-choice polls only." },

        // 'auto-open' is a yes-or-no written the one way.
        { ["id: p", "type: single", "question: Q?", "options: [A, B]", "auto-open: yes"], 11, "'auto-open' is true or false." },

        // Options: too few, an empty one, and the same one twice whatever its case.
        { ["id: p", "type: single", "question: Q?", "options: [A]"], 10, "A poll needs 2 to 12 options; it has 1." },
        { ["id: p", "type: single", "question: Q?", "options: [A, '', B]"], 10, "A poll's options cannot be empty." },
        { ["id: p", "type: single", "question: Q?", "options: [Yes, 'No', 'yes']"], 10, "'Yes' appears twice in the options." },
        { ["id: p", "type: rating", "question: Q?", "items: [Content, '  ']"], 10, "A poll's items cannot be empty." },
    };

    [Theory]
    [MemberData(nameof(OneProblem))]
    public void A_poll_block_with_one_thing_wrong_is_one_error_on_its_line(string[] yaml, int line, string message)
    {
        var error = PollError(yaml);

        Assert.Equal((line, message), (error.Line, error.Message));
    }

    [Fact]
    public void An_unknown_key_is_a_warning_that_lists_the_known_keys_and_its_value_is_never_read()
    {
        // The value would be an error under a known key; under an unknown one it is not looked at.
        var result = TestDecks.Parse(TestDecks.WithPoll("id: p", "type: single", "question: Q?", "options: [A, B]", "colour: {r: 1}"));

        var warning = Assert.Single(result.Problems);
        Assert.Equal(DeckProblemSeverity.Warning, warning.Severity);
        Assert.Equal(11, warning.Line);
        Assert.Equal("Unknown poll key 'colour'. Known keys: id, type, question, options, items, scale, max, answer, auto-open.", warning.Message);
        Assert.Single(result.Deck!.Polls);
    }

    [Fact]
    public void A_key_that_is_not_a_plain_name_is_an_unknown_key()
    {
        var result = TestDecks.Parse(TestDecks.WithPoll("id: p", "type: single", "question: Q?", "options: [A, B]", "[a, b]: c"));

        var warning = Assert.Single(result.Problems);
        Assert.StartsWith("Unknown poll key ''.", warning.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("options: A", 10, "options")]
    [InlineData("items: A", 10, "items")]
    public void Options_or_items_written_as_one_value_are_an_error_on_their_line(string line, int lineNumber, string key)
    {
        var type = key == "items" ? "rating" : "single";
        var errors = PollErrors("id: p", $"type: {type}", "question: Q?", line);

        Assert.Equal(
            [
                (lineNumber, "'options' and 'items' are lists: one '- choice' line each."),
                (lineNumber, $"A poll needs {(key == "items" ? 1 : 2)} to 12 {key}; it has 0."),
            ],
            errors);
    }

    [Theory]
    [InlineData("word-cloud")]
    [InlineData("WordCloud")]
    public void A_word_cloud_may_be_written_with_a_dash_or_in_capitals(string type)
    {
        var poll = SinglePoll("id: p", $"type: {type}", "question: One word?");

        Assert.Equal(PollType.WordCloud, poll.Type);
    }

    [Fact]
    public void A_poll_opens_by_hand_unless_it_says_otherwise()
    {
        var poll = SinglePoll("id: p", "type: single", "question: Q?", "options: [A, B]");

        Assert.False(poll.AutoOpen);
        Assert.Equal(1, poll.MaxChoices);
    }

    [Theory]
    [InlineData("2")]
    [InlineData("10")]
    public void A_rating_scale_may_be_anything_from_two_to_ten(string scale)
    {
        var poll = SinglePoll("id: p", "type: rating", "question: Q?", "items: [Content]", $"scale: {scale}");

        Assert.Equal(int.Parse(scale, System.Globalization.CultureInfo.InvariantCulture), poll.Scale);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("3")]
    public void A_multiple_choice_max_may_be_anything_from_one_to_the_number_of_options(string max)
    {
        var poll = SinglePoll("id: p", "type: multiple", "question: Q?", "options: [A, B, C]", $"max: {max}");

        Assert.Equal(int.Parse(max, System.Globalization.CultureInfo.InvariantCulture), poll.MaxChoices);
    }

    [Fact]
    public void Twelve_options_and_a_question_of_three_hundred_characters_are_allowed()
    {
        var question = new string('q', PollDefinitionReader.MaxQuestionLength);
        var poll = SinglePoll("id: p", "type: single", $"question: {question}", $"options: [{string.Join(", ", Enumerable.Range(1, 12).Select(i => $"Option {i}"))}]");

        Assert.Equal(12, poll.Options.Count);
        Assert.Equal(question, poll.Question);
    }

    [Fact]
    public void An_error_elsewhere_in_the_deck_does_not_stop_a_good_poll_being_read()
    {
        List<DeckProblem> problems = [new(DeckProblemSeverity.Error, TestDecks.File, 2, "An earlier error.")];

        var poll = PollDefinitionReader.Read("id: p\ntype: single\nquestion: Q?\noptions: [A, B]\n", TestDecks.File, 7, 0, problems);

        Assert.NotNull(poll);
        Assert.Single(problems);
    }

    [Fact]
    public void A_warning_before_a_bad_poll_does_not_hide_the_poll_error()
    {
        List<DeckProblem> problems = [new(DeckProblemSeverity.Warning, TestDecks.File, 2, "An earlier warning.")];

        var poll = PollDefinitionReader.Read("id: p\ntype: single\nquestion: Q?\noptions: [A]\n", TestDecks.File, 7, 0, problems);

        Assert.Null(poll);
        Assert.Equal(2, problems.Count);
    }

    private static PollDefinition SinglePoll(params string[] yaml) => Assert.Single(TestDecks.ParseDeck(TestDecks.WithPoll(yaml)).Polls);

    private static DeckProblem PollError(params string[] yaml) => TestDecks.SingleError(TestDecks.WithPoll(yaml));

    private static (int Line, string Message)[] PollErrors(params string[] yaml) =>
        [.. TestDecks.Parse(TestDecks.WithPoll(yaml)).Errors.Select(e => (e.Line, e.Message))];
}
