using OpenHealthLive.Core.Polls;
using OpenHealthLive.Core.Slides;

namespace OpenHealthLive.Core.Tests.Polls;

/// <summary>Results as values: relabelled for a translation by position, compared and printed element by element.</summary>
public sealed class PollResultsTests
{
    private static readonly PollDefinition Spanish = new()
    {
        Id = "colour",
        Type = PollType.SingleChoice,
        Question = "¿Qué color?",
        Options = ["Rojo", "Verde"],
        Items = ["Contenido"],
    };

    [Fact]
    public void Relabelled_results_take_the_translations_labels_by_position_and_keep_the_counts()
    {
        var results = new PollResults("colour", PollType.SingleChoice, 3,
            [new OptionResult(0, "Red", 2, 200.0 / 3), new OptionResult(1, "Green", 1, 100.0 / 3)],
            [new RankResult(1, "Green", 1, 2)],
            [new RatingResult(0, "Content", 4, 1, 2, [0, 0, 1, 0, 1])],
            [new WordResult("open", 2)]);

        var spanish = results.LabelledAs(Spanish);

        Assert.Equal([new OptionResult(0, "Rojo", 2, 200.0 / 3), new OptionResult(1, "Verde", 1, 100.0 / 3)], spanish.Options);
        Assert.Equal([new RankResult(1, "Verde", 1, 2)], spanish.Ranking);
        Assert.Equal([new RatingResult(0, "Contenido", 4, 1, 2, [0, 0, 1, 0, 1])], spanish.Ratings);
        Assert.Equal([new WordResult("open", 2)], spanish.Words);
        Assert.Equal(3, spanish.Voters);
    }

    [Fact]
    public void A_position_the_translation_does_not_have_keeps_its_label()
    {
        var results = new PollResults("colour", PollType.SingleChoice, 1,
            [new OptionResult(-1, "Minus", 0, 0), new OptionResult(2, "Blue", 1, 100)], [],
            [new RatingResult(1, "Slides", 2, 0, 1, [0, 1, 0, 0, 0])], []);

        var spanish = results.LabelledAs(Spanish);

        Assert.Equal(["Minus", "Blue"], spanish.Options.Select(o => o.Label));
        Assert.Equal("Slides", Assert.Single(spanish.Ratings).Item);
    }

    [Fact]
    public void Results_of_another_poll_cannot_be_relabelled()
    {
        var results = new PollResults("other", PollType.SingleChoice, 0, [], [], [], []);

        var refused = Assert.Throws<ArgumentException>(() => results.LabelledAs(Spanish));

        Assert.Equal("translation", refused.ParamName);
        Assert.StartsWith("The results are of poll 'other', not 'colour'.", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Results_with_the_same_counts_in_other_lists_are_equal_with_the_same_hash_and_any_difference_counts()
    {
        static PollResults Make(string id = "p", PollType type = PollType.Rating, int voters = 2, int option = 1, int borda = 3, int rated = 1, string word = "open") =>
            new(id, type, voters, [new OptionResult(0, "A", option, 50)], [new RankResult(0, "A", borda, 1)],
                [new RatingResult(0, "I", 2, 0, 1, [0, rated, 0])], [new WordResult(word, 1)]);

        var one = Make();
        var same = Make();

        Assert.Equal(one, same);
        Assert.Equal(one.GetHashCode(), same.GetHashCode());
        Assert.False(one.Equals(null));
        Assert.NotEqual(one, Make(id: "q"));
        Assert.NotEqual(one, Make(type: PollType.Ranking));
        Assert.NotEqual(one, Make(voters: 3));
        Assert.NotEqual(one, Make(option: 2));
        Assert.NotEqual(one, Make(borda: 4));
        Assert.NotEqual(one, Make(rated: 2));
        Assert.NotEqual(one, Make(word: "trust"));
    }

    [Fact]
    public void Results_print_their_values_not_type_names()
    {
        var results = new PollResults("p", PollType.WordCloud, 1, [], [], [], [new WordResult("open", 1)]);

        Assert.Equal(
            "PollResults { PollId = p, Type = WordCloud, Voters = 1, Options = [], Ranking = [], Ratings = [], Words = [WordResult { Word = open, Count = 1 }] }",
            results.ToString());
    }

    [Fact]
    public void A_rating_result_compares_every_field_and_its_distribution_by_element()
    {
        var one = new RatingResult(0, "Content", 2.5, 0.5, 2, [0, 1, 1]);

        Assert.Equal(one, new RatingResult(0, "Content", 2.5, 0.5, 2, [0, 1, 1]));
        Assert.Equal(one.GetHashCode(), new RatingResult(0, "Content", 2.5, 0.5, 2, [0, 1, 1]).GetHashCode());
        Assert.False(one.Equals(null));
        Assert.NotEqual(one, new RatingResult(1, "Content", 2.5, 0.5, 2, [0, 1, 1]));
        Assert.NotEqual(one, new RatingResult(0, "Slides", 2.5, 0.5, 2, [0, 1, 1]));
        Assert.NotEqual(one, new RatingResult(0, "Content", 2.6, 0.5, 2, [0, 1, 1]));
        Assert.NotEqual(one, new RatingResult(0, "Content", 2.5, 0.6, 2, [0, 1, 1]));
        Assert.NotEqual(one, new RatingResult(0, "Content", 2.5, 0.5, 3, [0, 1, 1]));
        Assert.NotEqual(one, new RatingResult(0, "Content", 2.5, 0.5, 2, [1, 0, 1]));
        Assert.Equal("RatingResult { Index = 0, Item = Content, Average = 2.5, StandardDeviation = 0.5, Count = 2, Distribution = [0, 1, 1] }", one.ToString());
    }
}
