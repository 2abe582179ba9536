using OpenHealthLive.Core.Polls;
using OpenHealthLive.Core.Slides;

namespace OpenHealthLive.Core.Tests.Polls;

public sealed class PollTallyTests
{
    public static TheoryData<PollType> AllTypes => new(Enum.GetValues<PollType>());

    [Theory]
    [InlineData(PollType.SingleChoice)]
    [InlineData(PollType.Quiz)]
    public void A_single_choice_tally_counts_each_option_as_a_share_of_voters(PollType type)
    {
        var tally = new PollTally(TestPolls.ByType(type));

        foreach (var option in new[] { 0, 1, 1, 3, 1, 0, 3, 1 })
        {
            tally.Add(new PollAnswer(Option: option));
        }

        var results = tally.Snapshot();
        Assert.Equal(8, results.Voters);
        Assert.Equal(8, tally.Voters);
        Assert.Equal(type, results.Type);
        Assert.Equal(TestPolls.ByType(type).Id, results.PollId);
        Assert.Equal(
            [
                new OptionResult(0, TestPolls.Pillars[0], 2, 25),
                new OptionResult(1, TestPolls.Pillars[1], 4, 50),
                new OptionResult(2, TestPolls.Pillars[2], 0, 0),
                new OptionResult(3, TestPolls.Pillars[3], 2, 25),
                new OptionResult(4, TestPolls.Pillars[4], 0, 0),
            ],
            results.Options);
        Assert.Empty(results.Ranking);
        Assert.Empty(results.Ratings);
        Assert.Empty(results.Words);
    }

    [Fact]
    public void Percentages_are_not_rounded()
    {
        var tally = new PollTally(TestPolls.Single);

        tally.Add(new PollAnswer(Option: 0));
        tally.Add(new PollAnswer(Option: 1));
        tally.Add(new PollAnswer(Option: 1));

        var options = tally.Snapshot().Options;
        Assert.Equal(100.0 / 3, options[0].Percent);
        Assert.Equal(200.0 / 3, options[1].Percent);
    }

    [Fact]
    public void Multiple_choice_percentages_are_of_voters_and_can_sum_above_100()
    {
        var tally = new PollTally(TestPolls.Multi(3));

        // Four voters: option 0 is picked by 3 of 4 (75%), option 1 by 3 (75%), options 2 and 4 by 1 (25%).
        tally.Add(new PollAnswer(Options: [0, 1]));
        tally.Add(new PollAnswer(Options: [0, 2]));
        tally.Add(new PollAnswer(Options: [0, 1, 4]));
        tally.Add(new PollAnswer(Options: [1]));

        var results = tally.Snapshot();
        Assert.Equal(4, results.Voters);
        Assert.Equal([3, 3, 1, 0, 1], results.Options.Select(o => o.Count));
        Assert.Equal([75.0, 75.0, 25.0, 0.0, 25.0], results.Options.Select(o => o.Percent));
        Assert.Equal(200.0, results.Options.Sum(o => o.Percent));
    }

    [Fact]
    public void Borda_scores_and_average_ranks_match_a_worked_example()
    {
        var poll = new PollDefinition
        {
            Id = "open-what",
            Type = PollType.Ranking,
            Question = "What should a hospital open first?",
            Options = ["Open data", "Open code", "Open standards", "Open access"],
        };
        var tally = new PollTally(poll);

        // Four options: 1st place = 3 points, 2nd = 2, 3rd = 1, 4th = 0. Options: D = data, C = code, S = standards, A = access.
        //                       D    C    S    A      (points)
        // voter 1: D C S A      3    2    1    0
        // voter 2: C D A S      2    3    0    1
        // voter 3: C S D A      1    3    2    0
        // voter 4: S C D A      1    2    3    0
        // voter 5: D S C A      3    1    2    0
        // Borda:               10   11    8    1      (total 30 = 5 voters x (3+2+1+0))
        // Places (1-based):    1,2,3,3,1 = 10 -> 2.0;  2,1,1,2,3 = 9 -> 1.8;  3,4,2,1,2 = 12 -> 2.4;  4,3,4,4,4 = 19 -> 3.8
        // Sorted by score: code (11), data (10), standards (8), access (1).
        int[][] ballots = [[0, 1, 2, 3], [1, 0, 3, 2], [1, 2, 0, 3], [2, 1, 0, 3], [0, 2, 1, 3]];
        foreach (var ballot in ballots)
        {
            tally.Add(new PollAnswer(Ranking: ballot));
        }

        var results = tally.Snapshot();
        Assert.Equal(5, results.Voters);
        Assert.Equal([1, 0, 2, 3], results.Ranking.Select(r => r.Index));
        Assert.Equal(["Open code", "Open data", "Open standards", "Open access"], results.Ranking.Select(r => r.Label));
        Assert.Equal([11, 10, 8, 1], results.Ranking.Select(r => r.BordaScore));
        Assert.Equal(1.8, results.Ranking[0].AverageRank, 12);
        Assert.Equal(2.0, results.Ranking[1].AverageRank, 12);
        Assert.Equal(2.4, results.Ranking[2].AverageRank, 12);
        Assert.Equal(3.8, results.Ranking[3].AverageRank, 12);
        Assert.Empty(results.Options);
    }

    [Fact]
    public void Equal_borda_scores_keep_deck_order()
    {
        var tally = new PollTally(TestPolls.Ranking);

        // Options 3 and 1 swap the top two places: 4 + 3 = 7 points each; 4 gets 2 + 2, 0 gets 1 + 1, 2 gets 0.
        tally.Add(new PollAnswer(Ranking: [3, 1, 4, 0, 2]));
        tally.Add(new PollAnswer(Ranking: [1, 3, 4, 0, 2]));

        var results = tally.Snapshot();
        Assert.Equal([1, 3, 4, 0, 2], results.Ranking.Select(r => r.Index));
        Assert.Equal([7, 7, 4, 2, 0], results.Ranking.Select(r => r.BordaScore));
        Assert.Equal([1.5, 1.5, 3, 4, 5], results.Ranking.Select(r => r.AverageRank));
    }

    [Fact]
    public void Rating_averages_and_population_standard_deviations_match_a_worked_example()
    {
        var tally = new PollTally(TestPolls.Rating);

        // Item 0 rated 5, 4, 4, 3: mean 16/4 = 4; squared deviations 1, 0, 0, 1 = 2; variance 2/4 = 0.5; SD = sqrt(0.5) ≈ 0.7071.
        // Item 1 rated 1, 5, 2, 4: mean 12/4 = 3; squared deviations 4, 4, 1, 1 = 10; variance 10/4 = 2.5; SD = sqrt(2.5) ≈ 1.5811.
        tally.Add(new PollAnswer(Ratings: [5, 1]));
        tally.Add(new PollAnswer(Ratings: [4, 5]));
        tally.Add(new PollAnswer(Ratings: [4, 2]));
        tally.Add(new PollAnswer(Ratings: [3, 4]));

        var results = tally.Snapshot();
        Assert.Equal(4, results.Voters);
        Assert.Equal(2, results.Ratings.Count);

        var first = results.Ratings[0];
        Assert.Equal((0, TestPolls.Rating.Items[0], 4), (first.Index, first.Item, first.Count));
        Assert.Equal(4.0, first.Average, 12);
        Assert.Equal(0.70710678118654757, first.StandardDeviation, 12);
        Assert.Equal([0, 0, 1, 2, 1], first.Distribution);

        var second = results.Ratings[1];
        Assert.Equal((1, TestPolls.Rating.Items[1], 4), (second.Index, second.Item, second.Count));
        Assert.Equal(3.0, second.Average, 12);
        Assert.Equal(1.5811388300841898, second.StandardDeviation, 12);
        Assert.Equal([1, 1, 0, 1, 1], second.Distribution);
    }

    [Fact]
    public void Identical_ratings_have_no_spread_and_the_distribution_spans_the_whole_scale()
    {
        var tally = new PollTally(TestPolls.Rating with { Scale = 10 });

        tally.Add(new PollAnswer(Ratings: [7, 10]));
        tally.Add(new PollAnswer(Ratings: [7, 10]));

        var results = tally.Snapshot().Ratings;
        Assert.Equal([7.0, 10.0], results.Select(r => r.Average));
        Assert.Equal([0.0, 0.0], results.Select(r => r.StandardDeviation));
        Assert.Equal([0, 0, 0, 0, 0, 0, 2, 0, 0, 0], results[0].Distribution);
        Assert.Equal([0, 0, 0, 0, 0, 0, 0, 0, 0, 2], results[1].Distribution);
    }

    [Fact]
    public void A_word_cloud_counts_normalised_words_most_frequent_first_then_alphabetically()
    {
        var tally = new PollTally(TestPolls.WordCloud);

        foreach (var typed in new[] { "trust", "Communities", "  Open   Science ", "community", "open science!", "Trust.", "café", "Collaboration!", "trust" })
        {
            tally.Add(PollAnswers.Normalize(TestPolls.WordCloud, new PollAnswer(Text: typed)));
        }

        var results = tally.Snapshot();
        Assert.Equal(9, results.Voters);
        Assert.Equal(
            [
                new WordResult("trust", 3),
                new WordResult("community", 2),
                new WordResult("open science", 2),
                new WordResult("cafe", 1),
                new WordResult("collaboration", 1),
            ],
            results.Words);
    }

    [Fact]
    public void A_word_cloud_shows_at_most_60_words()
    {
        var tally = new PollTally(TestPolls.WordCloud);

        // Word w00 is given once, w01 twice, ... w69 seventy times (digits keep the plural rule out of it).
        for (var i = 0; i < 70; i++)
        {
            for (var n = 0; n <= i; n++)
            {
                tally.Add(new PollAnswer(Text: $"w{i:00}"));
            }
        }

        // Ties: two words given 70 times each, the later one in the alphabet must come second.
        tally.Add(new PollAnswer(Text: "a69"));
        for (var n = 0; n < 69; n++)
        {
            tally.Add(new PollAnswer(Text: "a69"));
        }

        var words = tally.Snapshot().Words;
        Assert.Equal(PollTally.MaxWords, words.Count);
        Assert.Equal(new WordResult("a69", 70), words[0]);
        Assert.Equal(new WordResult("w69", 70), words[1]);
        Assert.Equal(new WordResult("w68", 69), words[2]);
        Assert.Equal(new WordResult("w11", 12), words[^1]);
    }

    [Theory]
    [MemberData(nameof(AllTypes))]
    public void With_no_voters_every_figure_is_zero(PollType type)
    {
        var poll = TestPolls.ByType(type);

        var results = new PollTally(poll).Snapshot();

        Assert.Equal(0, results.Voters);
        Assert.All(results.Options, o => Assert.Equal((0, 0.0), (o.Count, o.Percent)));
        Assert.All(results.Ranking, r => Assert.Equal((0, 0.0), (r.BordaScore, r.AverageRank)));
        Assert.All(results.Ratings, r => Assert.Equal((0, 0.0, 0.0), (r.Count, r.Average, r.StandardDeviation)));
        Assert.All(results.Ratings, r => Assert.Equal(new int[poll.Scale], r.Distribution));
        Assert.Empty(results.Words);
        var expectedEntries = type switch
        {
            PollType.SingleChoice or PollType.MultipleChoice or PollType.Quiz => (poll.Options.Count, 0, 0),
            PollType.Ranking => (0, poll.Options.Count, 0),
            PollType.Rating => (0, 0, poll.Items.Count),
            _ => (0, 0, 0),
        };
        Assert.Equal(expectedEntries, (results.Options.Count, results.Ranking.Count, results.Ratings.Count));
        Assert.Equal(Enumerable.Range(0, results.Ranking.Count), results.Ranking.Select(r => r.Index));
    }

    [Theory]
    [MemberData(nameof(AllTypes))]
    public void Removing_restores_exactly_what_a_tally_recomputed_from_scratch_shows(PollType type)
    {
        var poll = TestPolls.ByType(type);
        var random = new Random(20261128 + (int)type);
        var tally = new PollTally(poll);
        var counted = new List<PollAnswer>();

        for (var step = 0; step < 1500; step++)
        {
            var roll = random.Next(100);
            if (counted.Count == 0 || roll < 50)
            {
                var answer = TestPolls.RandomAnswer(poll, random);
                tally.Add(answer);
                counted.Add(answer);
            }
            else
            {
                // A phone withdraws its vote, or (one time in three) changes it.
                var index = random.Next(counted.Count);
                tally.Remove(counted[index]);
                counted.RemoveAt(index);
                if (roll >= 85)
                {
                    var changed = TestPolls.RandomAnswer(poll, random);
                    tally.Add(changed);
                    counted.Add(changed);
                }
            }

            Assert.Equal(Recomputed(poll, counted), tally.Snapshot());
        }

        Assert.True(counted.Count > 10, "The sequence should leave a good number of votes counted.");
        foreach (var answer in counted)
        {
            tally.Remove(answer);
        }

        Assert.Equal(new PollTally(poll).Snapshot(), tally.Snapshot());
    }

    [Theory]
    [MemberData(nameof(AllTypes))]
    public void Snapshots_of_different_counts_are_not_equal(PollType type)
    {
        var poll = TestPolls.ByType(type);
        var tally = new PollTally(poll);
        var empty = tally.Snapshot();

        tally.Add(TestPolls.RandomAnswer(poll, new Random(7)));

        Assert.NotEqual(empty, tally.Snapshot());
        Assert.Equal(0, empty.Voters);
    }

    [Fact]
    public void A_snapshot_does_not_change_when_the_tally_does()
    {
        var tally = new PollTally(TestPolls.Rating);
        tally.Add(new PollAnswer(Ratings: [2, 3]));
        var before = tally.Snapshot();

        tally.Add(new PollAnswer(Ratings: [4, 5]));

        Assert.Equal(1, before.Voters);
        Assert.Equal([0, 1, 0, 0, 0], before.Ratings[0].Distribution);
        Assert.Equal(2.0, before.Ratings[0].Average);
    }

    [Fact]
    public void Removing_an_answer_that_was_not_counted_fails_and_changes_nothing()
    {
        var single = new PollTally(TestPolls.Single);
        single.Add(new PollAnswer(Option: 1));
        var multiple = new PollTally(TestPolls.Multiple);
        multiple.Add(new PollAnswer(Options: [0, 1]));
        var words = new PollTally(TestPolls.WordCloud);
        words.Add(new PollAnswer(Text: "trust"));
        var ranking = new PollTally(TestPolls.Ranking);
        ranking.Add(new PollAnswer(Ranking: [0, 1, 2, 3, 4]));
        var singleBefore = single.Snapshot();
        var multipleBefore = multiple.Snapshot();

        Assert.Throws<InvalidOperationException>(() => single.Remove(new PollAnswer(Option: 2)));
        Assert.Throws<InvalidOperationException>(() => multiple.Remove(new PollAnswer(Options: [1, 2])));
        Assert.Throws<InvalidOperationException>(() => words.Remove(new PollAnswer(Text: "open")));
        Assert.Throws<InvalidOperationException>(() => ranking.Remove(new PollAnswer(Ranking: [1, 0, 2, 3, 4])));
        Assert.Throws<InvalidOperationException>(() => new PollTally(TestPolls.Rating).Remove(new PollAnswer(Ratings: [1, 1])));
        // Half of it was counted (3 for the first item), half was not (5 for the second): still not removable.
        var rating = new PollTally(TestPolls.Rating);
        rating.Add(new PollAnswer(Ratings: [3, 4]));
        Assert.Throws<InvalidOperationException>(() => rating.Remove(new PollAnswer(Ratings: [3, 5])));

        Assert.Equal(singleBefore, single.Snapshot());
        Assert.Equal(multipleBefore, multiple.Snapshot());
        Assert.Equal(1, single.Voters);
        Assert.Equal(1, multiple.Voters);
    }

    [Fact]
    public void Answers_that_are_not_normalised_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new PollTally(TestPolls.Multiple).Add(new PollAnswer(Options: [2, 0])));
        Assert.Throws<ArgumentException>(() => new PollTally(TestPolls.WordCloud).Add(new PollAnswer(Text: "Communities")));
        Assert.Throws<ArgumentException>(() => new PollTally(TestPolls.Single).Add(new PollAnswer(Option: 9)));
        Assert.Throws<ArgumentException>(() => new PollTally(TestPolls.Single).Add(new PollAnswer(Options: [1])));
        Assert.Throws<ArgumentException>(() => new PollTally(TestPolls.Rating).Remove(new PollAnswer(Ratings: [6, 1])));
    }

    [Fact]
    public void Five_thousand_answers_to_the_pillar_poll_match_an_independent_count()
    {
        var poll = TestPolls.Single;
        var random = new Random(5000);
        // A skewed room: weights 30, 25, 20, 15, 10 out of 100.
        int[] weights = [30, 25, 20, 15, 10];
        var expected = new int[poll.Options.Count];
        var tally = new PollTally(poll);

        for (var i = 0; i < 5000; i++)
        {
            var roll = random.Next(100);
            var option = 0;
            while (roll >= weights[option])
            {
                roll -= weights[option];
                option++;
            }

            expected[option]++;
            tally.Add(PollAnswers.Normalize(poll, new PollAnswer(Option: option)));
        }

        var results = tally.Snapshot();
        Assert.Equal(5000, results.Voters);
        Assert.Equal(5000, expected.Sum());
        Assert.Equal(TestPolls.Pillars, results.Options.Select(o => o.Label));
        Assert.Equal(Enumerable.Range(0, 5).ToArray(), results.Options.Select(o => o.Index));
        Assert.Equal(expected, results.Options.Select(o => o.Count));
        Assert.Equal(expected.Select(c => c / 50.0), results.Options.Select(o => o.Percent));
        Assert.Equal(100.0, results.Options.Sum(o => o.Percent), 9);
        Assert.All(expected, c => Assert.InRange(c, 300, 1700));
    }

    private static PollResults Recomputed(PollDefinition poll, IEnumerable<PollAnswer> answers)
    {
        var fresh = new PollTally(poll);
        foreach (var answer in answers)
        {
            fresh.Add(answer);
        }

        return fresh.Snapshot();
    }
}
