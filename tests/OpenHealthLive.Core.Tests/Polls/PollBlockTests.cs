using OpenHealthLive.Core.Slides;
using OpenHealthLive.Core.Tests.Slides;

namespace OpenHealthLive.Core.Tests.Polls;

/// <summary>
/// A fenced <c>poll</c> block: read into a <see cref="PollDefinition"/>, checked, and rendered on the slide as a
/// readable card. In these decks the heading is on line 4, the fence on line 6 and the poll's YAML from line 7.
/// </summary>
public sealed class PollBlockTests
{
    [Theory]
    [InlineData("single", "", "<ol class=\"poll-options\"><li>Engineer</li><li>Clinician</li><li>Other</li></ol>", "Pick one on your phone when the poll opens.")]
    [InlineData("multiple", "max: 2", "<ol class=\"poll-options\"><li>Engineer</li><li>Clinician</li><li>Other</li></ol>", "Pick up to 2 on your phone when the poll opens.")]
    [InlineData("ranking", "", "<ul class=\"poll-options\"><li>Engineer</li><li>Clinician</li><li>Other</li></ul>", "Put them in order on your phone when the poll opens.")]
    [InlineData("quiz", "answer: Clinician", "<ol class=\"poll-options\"><li>Engineer</li><li>Clinician</li><li>Other</li></ol>", "Quiz: pick one on your phone when the poll opens.")]
    public void A_poll_with_options_renders_a_card_with_its_question_options_and_hint(string type, string extra, string list, string hint)
    {
        var slide = PollSlide("## Your turn", "id: who", $"type: {type}", "question: Who is in the room?", "options:", "  - Engineer", "  - Clinician", "  - Other", extra);

        Assert.Equal(
            $"<h2>Your turn</h2>\n<figure class=\"poll\" data-poll-id=\"who\" data-poll-type=\"{type}\"><figcaption class=\"poll-question\">Who is in the room?</figcaption>"
            + $"{list}<p class=\"poll-hint\">{hint}</p></figure>\n",
            TestDecks.Inner(slide.Html));
    }

    [Theory]
    [InlineData("single", "", "Elijan una opción en su teléfono cuando se abra la encuesta.")]
    [InlineData("multiple", "max: 2", "Elijan hasta 2 en su teléfono cuando se abra la encuesta.")]
    [InlineData("ranking", "", "Ordénenlos en su teléfono cuando se abra la encuesta.")]
    [InlineData("quiz", "answer: B", "Prueba: elijan una opción en su teléfono cuando se abra la encuesta.")]
    [InlineData("rating", "scale: 4", "Califiquen cada uno del 1 al 4 en su teléfono cuando se abra la encuesta.")]
    [InlineData("wordcloud", "", "Escriban su palabra en su teléfono cuando se abra la encuesta.")]
    public void A_poll_card_in_a_spanish_deck_says_in_spanish_how_to_answer(string type, string extra, string hint)
    {
        var choices = type switch { "rating" => "items: [A, B]", "wordcloud" => "", _ => "options: [A, B, C]" };
        var deck = TestDecks.ParseDeck(TestDecks.Lines(["---", "title: Charla", "language: es-MX", "---", "## Vote", "", "```poll", "id: p", $"type: {type}", "question: ¿Qué?", choices, extra, "```"]));

        Assert.Contains($"<p class=\"poll-hint\">{hint}</p></figure>", Assert.Single(deck.Slides).Html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rating_poll_renders_a_card_with_its_items_and_scale()
    {
        var slide = PollSlide("## Rate the talk", "id: rate", "type: rating", "question: How was it?", "items:", "  - Content", "  - Slides", "scale: 7");

        Assert.Equal(
            "<h2>Rate the talk</h2>\n<figure class=\"poll\" data-poll-id=\"rate\" data-poll-type=\"rating\"><figcaption class=\"poll-question\">How was it?</figcaption>"
            + "<ul class=\"poll-items\"><li>Content</li><li>Slides</li></ul><p class=\"poll-hint\">Rate each from 1 to 7 on your phone when the poll opens.</p></figure>\n",
            TestDecks.Inner(slide.Html));
    }

    [Fact]
    public void A_word_cloud_renders_a_card_with_its_question_and_hint_only()
    {
        var slide = PollSlide("## One word", "id: words", "type: wordcloud", "question: What is open healthcare to you?");

        Assert.Equal(
            "<h2>One word</h2>\n<figure class=\"poll\" data-poll-id=\"words\" data-poll-type=\"wordcloud\"><figcaption class=\"poll-question\">What is open healthcare to you?</figcaption>"
            + "<p class=\"poll-hint\">Type your word on your phone when the poll opens.</p></figure>\n",
            TestDecks.Inner(slide.Html));
    }

    [Fact]
    public void The_question_is_left_off_the_card_when_the_heading_already_asks_it()
    {
        var slide = PollSlide("## Who is in the room?", "id: who", "type: single", "question: Who is in the room", "options: [Engineer, Other]");

        Assert.DoesNotContain("figcaption", slide.Html, StringComparison.Ordinal);
        Assert.Contains("<figure class=\"poll\" data-poll-id=\"who\" data-poll-type=\"single\"><ol class=\"poll-options\">", slide.Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("## Poll", "???")]
    [InlineData("A slide without a heading", "Slide 1")]
    public void The_question_stays_on_the_card_unless_the_heading_really_asks_it(string firstLine, string question)
    {
        var slide = PollSlide(firstLine, "id: p", "type: single", $"question: '{question}'", "options: [Yes, No]");

        Assert.Contains($"<figcaption class=\"poll-question\">{question}</figcaption>", slide.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Poll_text_is_escaped_on_the_card()
    {
        var slide = PollSlide("## Markup", "id: p", "type: single", "question: Is <b> bold?", "options: ['<script>x</script>', 'A & B']");

        Assert.Contains("<figcaption class=\"poll-question\">Is &lt;b&gt; bold?</figcaption>", slide.Html, StringComparison.Ordinal);
        Assert.Contains("<li>&lt;script&gt;x&lt;/script&gt;</li><li>A &amp; B</li>", slide.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_quiz_never_renders_which_option_is_the_answer()
    {
        static string[] Quiz(string answer) =>
            ["## Which generator won?", "", "```poll", "id: fid", "type: quiz", "question: Which generator won?", "options:", "  - DSR-GAN", "  - TB-GAN", $"answer: {answer}", "```",
                "", "::: notes", "Ask the room first.", ":::"];

        var first = Assert.Single(TestDecks.ParseDeck(TestDecks.WithFrontMatter(Quiz("DSR-GAN"))).Slides);
        var second = Assert.Single(TestDecks.ParseDeck(TestDecks.WithFrontMatter(Quiz("TB-GAN"))).Slides);

        // Whatever the answer, every piece of markup is the same, so none of it can tell the answer.
        Assert.Equal(first.Html, second.Html);
        Assert.Equal(first.Steps, second.Steps);
        Assert.Equal(first.NotesHtml, second.NotesHtml);
        Assert.Equal(first.PlainText, second.PlainText);
        Assert.DoesNotContain("answer", first.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("correct", first.Html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_deck_holds_each_poll_with_its_slide_and_source_line()
    {
        var deck = TestDecks.ParseDeck(TestDecks.WithFrontMatter(
            "# One",
            "---",
            "## Quiz",
            "",
            "```poll",
            "id: fid",
            "type: quiz",
            "question: Which generator won?",
            "options: [DSR-GAN, TB-GAN]",
            "answer: DSR-GAN",
            "auto-open: true",
            "```"));

        var poll = Assert.Single(deck.Polls);
        Assert.Equal(
            new PollDefinition
            {
                Id = "fid",
                Type = PollType.Quiz,
                Question = "Which generator won?",
                Options = poll.Options,
                Items = poll.Items,
                Answer = "DSR-GAN",
                AutoOpen = true,
                SlideIndex = 1,
                SourceLine = 8,
            },
            poll);
        Assert.Equal(["DSR-GAN", "TB-GAN"], poll.Options);
        Assert.Empty(poll.Items);
    }

    [Theory]
    [InlineData("", 7)]
    [InlineData("id: Not Valid", 10)]
    [InlineData("id: -leading-dash", 10)]
    public void A_poll_without_a_valid_id_is_an_error(string idLine, int line)
    {
        var error = PollError("type: single", "question: Q?", "options: [A, B]", idLine);

        Assert.Equal(line, error.Line);
        Assert.StartsWith("A poll needs an 'id' of lower-case letters, digits and dashes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_poll_of_an_unknown_type_is_an_error_on_the_type_line()
    {
        var error = PollError("id: p", "type: survey", "question: Q?", "options: [A, B]");

        Assert.Equal(8, error.Line);
        Assert.Equal("Poll 'type' must be one of single, multiple, rating, ranking, wordcloud or quiz, not 'survey'.", error.Message);
    }

    [Fact]
    public void Two_polls_with_the_same_id_on_different_slides_are_an_error_on_the_second()
    {
        var error = TestDecks.SingleError(TestDecks.WithFrontMatter(
            "## First",
            "",
            "```poll",
            "id: same",
            "type: wordcloud",
            "question: One word?",
            "```",
            "---",
            "## Second",
            "",
            "```poll",
            "id: same",
            "type: wordcloud",
            "question: Another word?",
            "```"));

        Assert.Equal(14, error.Line);
        Assert.Equal("Two polls have the id 'same'; poll ids must be unique in a deck.", error.Message);
    }

    [Theory]
    [InlineData("answer: C")]
    [InlineData("answer: a")]
    [InlineData("ignore: no answer")]
    public void A_quiz_whose_answer_is_not_exactly_one_of_its_options_is_an_error(string answerLine)
    {
        var error = PollError("id: p", "type: quiz", "question: Q?", "options: [A, B]", answerLine);

        Assert.Equal("A quiz needs an 'answer' that is exactly one of its options.", error.Message);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("4")]
    [InlineData("two")]
    public void A_multiple_choice_max_outside_one_to_the_number_of_options_is_an_error_on_its_line(string max)
    {
        var error = PollError("id: p", "type: multiple", "question: Q?", "options: [A, B, C]", $"max: {max}");

        Assert.Equal(11, error.Line);
        Assert.Equal("'max' must be a whole number from 1 to the number of options (3).", error.Message);
    }

    [Fact]
    public void More_than_twelve_options_is_an_error()
    {
        var error = PollError("id: p", "type: single", "question: Q?", $"options: [{string.Join(", ", Enumerable.Range(1, 13).Select(i => $"Option {i}"))}]");

        Assert.Equal(10, error.Line);
        Assert.Equal("A poll needs 2 to 12 options; it has 13.", error.Message);
    }

    [Fact]
    public void An_option_longer_than_a_phone_can_show_is_an_error()
    {
        var error = PollError("id: p", "type: single", "question: Q?", "options:", "  - Short", $"  - {new string('x', PollDefinitionReader.MaxOptionLength + 1)}");

        Assert.Equal(10, error.Line);
        Assert.Contains($"is longer than {PollDefinitionReader.MaxOptionLength} characters", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_option_exactly_as_long_as_allowed_is_fine()
    {
        var slide = PollSlide("## Long", "id: p", "type: single", "question: Q?", "options:", "  - Short", $"  - {new string('x', PollDefinitionReader.MaxOptionLength)}");

        Assert.Contains(new string('x', PollDefinitionReader.MaxOptionLength), slide.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_poll_key_is_a_warning_on_its_line_and_the_poll_still_loads()
    {
        var deck = TestDecks.ParseDeck(TestDecks.WithFrontMatter("## Poll", "", "```poll", "id: p", "type: single", "question: Q?", "options: [A, B]", "colour: blue", "```"));

        var warning = Assert.Single(deck.Warnings);
        Assert.Equal(11, warning.Line);
        Assert.StartsWith("Unknown poll key 'colour'.", warning.Message, StringComparison.Ordinal);
        Assert.Single(deck.Polls);
    }

    [Theory]
    [InlineData("single", "options: [A, B]")]
    [InlineData("wordcloud", "")]
    public void Items_on_a_poll_that_is_not_a_rating_is_an_error_on_the_items_line(string type, string options)
    {
        var error = PollError("id: p", $"type: {type}", "question: Q?", options, "items: [Content, Slides]");

        Assert.Equal(11, error.Line);
        Assert.Equal("'items' belongs to rating polls only.", error.Message);
    }

    [Fact]
    public void Options_on_a_word_cloud_are_an_error()
    {
        var error = PollError("id: p", "type: wordcloud", "question: Q?", "options: [A, B]");

        Assert.Equal(10, error.Line);
        Assert.Equal("A wordcloud poll has no 'options'.", error.Message);
    }

    [Fact]
    public void An_answer_on_a_poll_that_is_not_a_quiz_is_an_error()
    {
        var error = PollError("id: p", "type: single", "question: Q?", "options: [A, B]", "answer: A");

        Assert.Equal(11, error.Line);
        Assert.Equal("'answer' belongs to quiz polls only.", error.Message);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("11")]
    public void A_rating_scale_outside_two_to_ten_is_an_error(string scale)
    {
        var error = PollError("id: p", "type: rating", "question: Q?", "items: [Content]", $"scale: {scale}");

        Assert.Equal(11, error.Line);
        Assert.Equal("'scale' is the top of the rating scale: a whole number from 2 to 10.", error.Message);
    }

    private static Slide PollSlide(string heading, params string[] yaml) =>
        Assert.Single(TestDecks.ParseDeck(TestDecks.WithFrontMatter([heading, "", "```poll", .. yaml, "```"])).Slides);

    private static DeckProblem PollError(params string[] yaml) => TestDecks.SingleError(TestDecks.WithPoll(yaml));
}
