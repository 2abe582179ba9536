using OpenHealthLive.Core.Polls;
using OpenHealthLive.Core.Refusals;
using OpenHealthLive.Core.Slides;

namespace OpenHealthLive.Core.Tests.Polls;

public sealed class PollAnswersTests
{
    public static TheoryData<PollType> AllTypes => new(Enum.GetValues<PollType>());

    [Theory]
    [InlineData(PollType.SingleChoice)]
    [InlineData(PollType.Quiz)]
    public void A_single_choice_is_kept_as_its_option_index(PollType type)
    {
        var answer = PollAnswers.Normalize(TestPolls.ByType(type), new PollAnswer(Option: 4));

        Assert.Equal(new PollAnswer(Option: 4), answer);
        Assert.Null(answer.Options);
    }

    [Fact]
    public void Multiple_choices_are_sorted()
    {
        var poll = TestPolls.Multi(3);

        var answer = PollAnswers.Normalize(poll, new PollAnswer(Options: [4, 0, 2]));

        Assert.Equal([0, 2, 4], answer.Options!);
        Assert.Null(answer.Option);
        Assert.Null(answer.Text);
    }

    [Fact]
    public void Ratings_and_rankings_keep_their_order()
    {
        var rating = PollAnswers.Normalize(TestPolls.Rating, new PollAnswer(Ratings: [5, 1]));
        var ranking = PollAnswers.Normalize(TestPolls.Ranking, new PollAnswer(Ranking: [3, 0, 4, 1, 2]));

        Assert.Equal([5, 1], rating.Ratings!);
        Assert.Equal([3, 0, 4, 1, 2], ranking.Ranking!);
    }

    [Fact]
    public void Word_cloud_text_is_normalised()
    {
        var answer = PollAnswers.Normalize(TestPolls.WordCloud, new PollAnswer(Text: "  Open   Communities! "));

        Assert.Equal(new PollAnswer(Text: "open community"), answer);
    }

    [Fact]
    public void The_normal_form_does_not_share_the_callers_lists()
    {
        int[] options = [3, 1];
        int[] ratings = [2, 4];
        int[] ranking = [0, 1, 2, 3, 4];

        var multiple = PollAnswers.Normalize(TestPolls.Multiple, new PollAnswer(Options: options));
        var rating = PollAnswers.Normalize(TestPolls.Rating, new PollAnswer(Ratings: ratings));
        var ranked = PollAnswers.Normalize(TestPolls.Ranking, new PollAnswer(Ranking: ranking));
        options[0] = 0;
        ratings[0] = 5;
        ranking[0] = 4;

        Assert.Equal([1, 3], multiple.Options!);
        Assert.Equal([2, 4], rating.Ratings!);
        Assert.Equal([0, 1, 2, 3, 4], ranked.Ranking!);
        Assert.IsNotType<int[]>(multiple.Options);
    }

    [Fact]
    public void Answers_with_the_same_values_are_equal_and_different_values_are_not()
    {
        Assert.Equal(new PollAnswer(Options: [1, 2]), new PollAnswer(Options: new List<int> { 1, 2 }));
        Assert.Equal(new PollAnswer(Options: [1, 2]).GetHashCode(), new PollAnswer(Options: new List<int> { 1, 2 }).GetHashCode());
        Assert.NotEqual(new PollAnswer(Options: [1, 2]), new PollAnswer(Options: [2, 1]));
        Assert.NotEqual(new PollAnswer(Options: [1, 2]), new PollAnswer(Ranking: [1, 2]));
        Assert.NotEqual(new PollAnswer(Text: "open"), new PollAnswer(Text: "Open"));
        Assert.Equal("PollAnswer { Options = [1, 2] }", new PollAnswer(Options: [1, 2]).ToString());
    }

    [Theory]
    [InlineData(PollType.SingleChoice, 5, "Option 5 does not exist; this poll has 5 options.")]
    [InlineData(PollType.SingleChoice, 7, "Option 7 does not exist; this poll has 5 options.")]
    [InlineData(PollType.SingleChoice, -1, "Option -1 does not exist; this poll has 5 options.")]
    [InlineData(PollType.Quiz, 7, "Option 7 does not exist; this poll has 5 options.")]
    public void A_choice_that_does_not_exist_is_refused(PollType type, int option, string message)
    {
        AssertRefused(TestPolls.ByType(type), new PollAnswer(Option: option), message);
    }

    [Theory]
    [InlineData(PollType.SingleChoice)]
    [InlineData(PollType.Quiz)]
    public void A_single_choice_poll_refuses_an_empty_answer_a_list_and_text(PollType type)
    {
        var poll = TestPolls.ByType(type);

        AssertRefused(poll, new PollAnswer(), "Pick one option.");
        AssertRefused(poll, new PollAnswer(Options: [1]), "This poll takes one choice, not a list.");
        AssertRefused(poll, new PollAnswer(Option: 1, Options: [1]), "This poll takes one choice, not a list.");
        AssertRefused(poll, new PollAnswer(Ratings: [1]), "This poll takes one choice, not ratings.");
        AssertRefused(poll, new PollAnswer(Ranking: [0, 1, 2, 3, 4]), "This poll takes one choice, not a ranking.");
        AssertRefused(poll, new PollAnswer(Option: 1, Text: "open"), "This poll takes one choice, not text.");
    }

    [Fact]
    public void A_multiple_choice_answer_is_refused_with_a_message_for_each_mistake()
    {
        var poll = TestPolls.Multi(2);

        AssertRefused(poll, new PollAnswer(), "Pick at least one option.");
        AssertRefused(poll, new PollAnswer(Options: []), "Pick at least one option.");
        AssertRefused(poll, new PollAnswer(Options: [0, 1, 2]), "Pick at most 2 options.");
        AssertRefused(poll, new PollAnswer(Options: [0, 7]), "Option 7 does not exist; this poll has 5 options.");
        AssertRefused(poll, new PollAnswer(Options: [-2]), "Option -2 does not exist; this poll has 5 options.");
        AssertRefused(poll, new PollAnswer(Options: [3, 3]), "Pick each option once.");
        AssertRefused(poll, new PollAnswer(Option: 1), "This poll takes a list, not one choice.");
        AssertRefused(poll, new PollAnswer(Text: "open"), "This poll takes a list, not text.");
        AssertRefused(TestPolls.Multi(1), new PollAnswer(Options: [0, 1]), "Pick at most 1 option.");
    }

    [Fact]
    public void A_rating_answer_must_rate_every_item_within_the_scale()
    {
        var poll = TestPolls.Rating;
        const string Message = "Rate every item from 1 to 5.";

        AssertRefused(poll, new PollAnswer(), Message);
        AssertRefused(poll, new PollAnswer(Ratings: []), Message);
        AssertRefused(poll, new PollAnswer(Ratings: [3]), Message);
        AssertRefused(poll, new PollAnswer(Ratings: [3, 4, 5]), Message);
        AssertRefused(poll, new PollAnswer(Ratings: [0, 3]), Message);
        AssertRefused(poll, new PollAnswer(Ratings: [3, 6]), Message);
        AssertRefused(poll with { Scale = 10 }, new PollAnswer(Ratings: [3, 11]), "Rate every item from 1 to 10.");
        AssertRefused(poll, new PollAnswer(Options: [3, 4]), "This poll takes ratings, not a list.");
    }

    [Fact]
    public void A_ranking_must_put_every_option_in_order_once()
    {
        var poll = TestPolls.Ranking;
        const string Message = "Put all 5 options in order, each once.";

        AssertRefused(poll, new PollAnswer(), Message);
        AssertRefused(poll, new PollAnswer(Ranking: [0, 1, 2, 3]), Message);
        AssertRefused(poll, new PollAnswer(Ranking: [0, 1, 2, 3, 3]), Message);
        AssertRefused(poll, new PollAnswer(Ranking: [0, 1, 2, 3, 5]), Message);
        AssertRefused(poll, new PollAnswer(Ranking: [-1, 0, 1, 2, 3]), Message);
        AssertRefused(poll, new PollAnswer(Ranking: [0, 1, 2, 3, 4, 0]), Message);
        AssertRefused(poll, new PollAnswer(Options: [0, 1, 2, 3, 4]), "This poll takes a ranking, not a list.");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("    ")]
    [InlineData("!?!")]
    [InlineData("🎉🎉🎉")]
    [InlineData("an answer far too long to fit in a word cloud")]
    public void A_word_cloud_answer_must_leave_a_short_word_or_phrase(string? text)
    {
        AssertRefused(TestPolls.WordCloud, new PollAnswer(Text: text), "Type a word or a short phrase (at most 40 characters).");
    }

    [Fact]
    public void The_word_cloud_length_limit_applies_to_the_normalised_text_up_to_a_bound_on_what_is_typed()
    {
        var forty = new string('a', 40);
        var spaced = "  " + forty + new string(' ', 100) + "!!!";
        var tooMuchTyping = forty + new string(' ', PollAnswers.MaxTypedLength);
        // The bound on typing is 200 characters (docs/polls.md): 200 are read, 201 are not.
        var atTheBound = forty + new string(' ', 200 - 40);
        var overTheBound = atTheBound + " ";

        Assert.Equal(forty, PollAnswers.Normalize(TestPolls.WordCloud, new PollAnswer(Text: forty)).Text);
        Assert.Equal(forty, PollAnswers.Normalize(TestPolls.WordCloud, new PollAnswer(Text: spaced)).Text);
        AssertRefused(TestPolls.WordCloud, new PollAnswer(Text: forty + "b"), "Type a word or a short phrase (at most 40 characters).");
        AssertRefused(TestPolls.WordCloud, new PollAnswer(Text: tooMuchTyping), "Type a word or a short phrase (at most 40 characters).");
        Assert.Equal(forty, PollAnswers.Normalize(TestPolls.WordCloud, new PollAnswer(Text: atTheBound)).Text);
        AssertRefused(TestPolls.WordCloud, new PollAnswer(Text: overTheBound), "Type a word or a short phrase (at most 40 characters).");
        AssertRefused(TestPolls.WordCloud, new PollAnswer(Option: 1), "This poll takes text, not one choice.");
    }

    [Theory]
    [MemberData(nameof(AllTypes))]
    public void A_normalised_answer_of_every_type_survives_storage_unchanged(PollType type)
    {
        var poll = TestPolls.ByType(type);
        var random = new Random(1234 + (int)type);

        for (var i = 0; i < 200; i++)
        {
            var answer = TestPolls.RandomAnswer(poll, random);

            var stored = PollAnswers.Serialize(answer);
            var read = PollAnswers.Deserialize(stored);

            Assert.Equal(answer, read);
            Assert.Equal(answer, PollAnswers.Normalize(poll, read));
            Assert.Equal(stored, PollAnswers.Serialize(read));
        }
    }

    [Fact]
    public void The_stored_form_is_compact_json_with_one_property()
    {
        Assert.Equal("""{"option":3}""", PollAnswers.Serialize(PollAnswers.Normalize(TestPolls.Single, new(Option: 3))));
        Assert.Equal("""{"option":1}""", PollAnswers.Serialize(PollAnswers.Normalize(TestPolls.Quiz, new(Option: 1))));
        Assert.Equal("""{"options":[0,3]}""", PollAnswers.Serialize(PollAnswers.Normalize(TestPolls.Multiple, new(Options: [3, 0]))));
        Assert.Equal("""{"ratings":[5,2]}""", PollAnswers.Serialize(PollAnswers.Normalize(TestPolls.Rating, new(Ratings: [5, 2]))));
        Assert.Equal("""{"ranking":[4,0,1,3,2]}""", PollAnswers.Serialize(PollAnswers.Normalize(TestPolls.Ranking, new(Ranking: [4, 0, 1, 3, 2]))));
        Assert.Equal("""{"text":"open science"}""", PollAnswers.Serialize(PollAnswers.Normalize(TestPolls.WordCloud, new(Text: "Open Science!"))));
    }

    [Theory]
    [InlineData("データ", """{"text":"データ"}""")]
    [InlineData("r&d", """{"text":"r\u0026d"}""")]
    [InlineData("a\"b", """{"text":"a\u0022b"}""")]
    public void Stored_text_keeps_letters_of_every_script_readable_and_escapes_the_rest(string text, string stored)
    {
        var answer = new PollAnswer(Text: text);

        Assert.Equal(stored, PollAnswers.Serialize(answer));
        Assert.Equal(answer, PollAnswers.Deserialize(stored));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("""{"option":"2"}""")]
    [InlineData("""{"option":1.5}""")]
    [InlineData("""{"options":3}""")]
    [InlineData("""{"options":[[1]]}""")]
    [InlineData("""{"text":3}""")]
    [InlineData("""{"vote":3}""")]
    [InlineData("""{"option":1,"option":2}""")]
    public void Stored_text_that_is_not_an_answer_is_refused(string stored)
    {
        Assert.Throws<FormatException>(() => PollAnswers.Deserialize(stored));
    }

    private static void AssertRefused(PollDefinition poll, PollAnswer answer, string message)
    {
        var error = Assert.Throws<RequestRefusedException>(() => PollAnswers.Normalize(poll, answer));
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void A_held_answer_is_stored_masked_and_is_never_read_back_as_one_to_count()
    {
        var stored = PollAnswers.SerializeHeld(new HeldPollAnswer("[NHS number ending …919]", "Held for the presenter: an NHS number."));

        Assert.Equal("{\"text\":\"[NHS number ending …919]\",\"held\":\"Held for the presenter: an NHS number.\"}", stored);
        Assert.Throws<FormatException>(() => PollAnswers.Deserialize(stored));
        var read = PollAnswers.ReadStored(stored);
        Assert.Null(read.Counted);
        Assert.Equal(new HeldPollAnswer("[NHS number ending …919]", "Held for the presenter: an NHS number."), read.Held);
        Assert.Equal("[NHS number ending …919]", read.AsSeenByVoter.Text);
    }

    [Fact]
    public void A_counted_answer_reads_back_as_counted()
    {
        var read = PollAnswers.ReadStored(PollAnswers.Serialize(new PollAnswer(Text: "open science")));

        Assert.Equal(new PollAnswer(Text: "open science"), read.Counted);
        Assert.Null(read.Held);
    }
}
