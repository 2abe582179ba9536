using System.Collections.ObjectModel;
using OpenHealthLive.Core.Refusals;
using OpenHealthLive.Core.Slides;

namespace OpenHealthLive.Core.Polls;

/// <summary>
/// Running counts for one round of one poll. It holds counts only, never who gave which answer.
/// Not thread-safe: the caller serialises access.
/// </summary>
/// <remarks>
/// Everything is kept as whole-number counts and every average is worked out from them when a snapshot is
/// taken, so <see cref="Remove"/> after <see cref="Add"/> gives back exactly the same results, to the last bit.
/// </remarks>
public sealed class PollTally
{
    /// <summary>Most words a word-cloud snapshot holds.</summary>
    public const int MaxWords = 60;

    // Single, multiple and quiz: voters per option.
    private readonly int[] _optionCounts = [];

    // Ranking: _places[option][place] = voters who put the option at that 0-based place.
    // Rating: _places[item][value - 1] = voters who gave the item that value.
    private readonly int[][] _places = [];

    private readonly Dictionary<string, int> _words = new(StringComparer.Ordinal);

    /// <summary>Creates an empty tally for <paramref name="poll"/>.</summary>
    public PollTally(PollDefinition poll)
    {
        ArgumentNullException.ThrowIfNull(poll);
        Poll = poll;
        switch (poll.Type)
        {
            case PollType.SingleChoice or PollType.MultipleChoice or PollType.Quiz:
                _optionCounts = new int[poll.Options.Count];
                break;
            case PollType.Ranking:
                _places = Enumerable.Range(0, poll.Options.Count).Select(_ => new int[poll.Options.Count]).ToArray();
                break;
            case PollType.Rating:
                ArgumentOutOfRangeException.ThrowIfLessThan(poll.Scale, 1, nameof(poll));
                _places = Enumerable.Range(0, poll.Items.Count).Select(_ => new int[poll.Scale]).ToArray();
                break;
            case PollType.WordCloud:
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(poll), poll.Type, "Unknown poll type.");
        }
    }

    /// <summary>The poll being counted.</summary>
    public PollDefinition Poll { get; }

    /// <summary>How many answers are counted.</summary>
    public int Voters { get; private set; }

    /// <summary>Counts one answer.</summary>
    /// <param name="answer">An answer as returned by <see cref="PollAnswers.Normalize"/> for this poll.</param>
    /// <exception cref="ArgumentException">The answer is not in normal form for this poll.</exception>
    public void Add(PollAnswer answer)
    {
        CheckNormalized(answer);
        Apply(answer, +1);
        Voters++;
    }

    /// <summary>Takes back one answer counted by <see cref="Add"/>, for example when a phone changes its vote.</summary>
    /// <param name="answer">The answer exactly as it was added.</param>
    /// <exception cref="ArgumentException">The answer is not in normal form for this poll.</exception>
    /// <exception cref="InvalidOperationException">The answer was not counted; the tally is left unchanged.</exception>
    public void Remove(PollAnswer answer)
    {
        CheckNormalized(answer);
        if (Voters == 0 || !CanRemove(answer))
        {
            throw new InvalidOperationException("This answer is not in the tally, so it cannot be removed.");
        }

        Apply(answer, -1);
        Voters--;
    }

    /// <summary>The results so far. The snapshot is independent of the tally: later changes do not affect it.</summary>
    public PollResults Snapshot() => new(
        Poll.Id,
        Poll.Type,
        Voters,
        Poll.Type is PollType.SingleChoice or PollType.MultipleChoice or PollType.Quiz ? OptionResults() : [],
        Poll.Type == PollType.Ranking ? RankResults() : [],
        Poll.Type == PollType.Rating ? RatingResults() : [],
        Poll.Type == PollType.WordCloud ? WordResults() : []);

    private void CheckNormalized(PollAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        bool normalized;
        try
        {
            normalized = PollAnswers.Normalize(Poll, answer).Equals(answer);
        }
        catch (RequestRefusedException)
        {
            normalized = false;
        }

        if (!normalized)
        {
            // The answer itself stays out of the message: it is one person's vote, and messages end up in logs.
            throw new ArgumentException($"The answer is not a normalised answer to poll '{Poll.Id}'; pass it through PollAnswers.Normalize first.", nameof(answer));
        }
    }

    private bool CanRemove(PollAnswer answer) => Poll.Type switch
    {
        PollType.SingleChoice or PollType.Quiz => _optionCounts[answer.Option!.Value] > 0,
        PollType.MultipleChoice => answer.Options!.All(o => _optionCounts[o] > 0),
        PollType.Ranking => answer.Ranking!.Select((option, place) => _places[option][place]).All(c => c > 0),
        PollType.Rating => answer.Ratings!.Select((value, item) => _places[item][value - 1]).All(c => c > 0),
        _ => _words.ContainsKey(answer.Text!),
    };

    private void Apply(PollAnswer answer, int delta)
    {
        switch (Poll.Type)
        {
            case PollType.SingleChoice or PollType.Quiz:
                _optionCounts[answer.Option!.Value] += delta;
                break;
            case PollType.MultipleChoice:
                foreach (var option in answer.Options!)
                {
                    _optionCounts[option] += delta;
                }

                break;
            case PollType.Ranking:
                for (var place = 0; place < answer.Ranking!.Count; place++)
                {
                    _places[answer.Ranking[place]][place] += delta;
                }

                break;
            case PollType.Rating:
                for (var item = 0; item < answer.Ratings!.Count; item++)
                {
                    _places[item][answer.Ratings[item] - 1] += delta;
                }

                break;
            default:
                var count = _words.GetValueOrDefault(answer.Text!) + delta;
                if (count == 0)
                {
                    // A word nobody gives any more leaves the cloud, as if it had never been added.
                    _words.Remove(answer.Text!);
                }
                else
                {
                    _words[answer.Text!] = count;
                }

                break;
        }
    }

    private ReadOnlyCollection<OptionResult> OptionResults() => Array.AsReadOnly(
        Poll.Options.Select((label, index) => new OptionResult(index, label, _optionCounts[index], Percent(_optionCounts[index]))).ToArray());

    private ReadOnlyCollection<RankResult> RankResults()
    {
        var n = Poll.Options.Count;
        var results = new RankResult[n];
        for (var option = 0; option < n; option++)
        {
            long borda = 0;
            long placeSum = 0;
            for (var place = 0; place < n; place++)
            {
                borda += (long)_places[option][place] * (n - 1 - place);
                placeSum += (long)_places[option][place] * (place + 1);
            }

            results[option] = new RankResult(option, Poll.Options[option], checked((int)borda), Voters == 0 ? 0 : (double)placeSum / Voters);
        }

        // OrderByDescending is a stable sort, so equal scores keep deck order.
        return Array.AsReadOnly(results.OrderByDescending(r => r.BordaScore).ToArray());
    }

    private ReadOnlyCollection<RatingResult> RatingResults()
    {
        var results = new RatingResult[Poll.Items.Count];
        for (var item = 0; item < results.Length; item++)
        {
            var distribution = (int[])_places[item].Clone();
            long count = 0;
            long sum = 0;
            for (var k = 0; k < distribution.Length; k++)
            {
                count += distribution[k];
                sum += (long)distribution[k] * (k + 1);
            }

            double average = 0;
            double deviation = 0;
            if (count > 0)
            {
                average = (double)sum / count;
                double squares = 0;
                for (var k = 0; k < distribution.Length; k++)
                {
                    var difference = k + 1 - average;
                    squares += distribution[k] * difference * difference;
                }

                deviation = Math.Sqrt(squares / count);
            }

            results[item] = new RatingResult(item, Poll.Items[item], average, deviation, checked((int)count), Array.AsReadOnly(distribution));
        }

        return Array.AsReadOnly(results);
    }

    private ReadOnlyCollection<WordResult> WordResults() => Array.AsReadOnly(
        _words
            .OrderByDescending(w => w.Value)
            .ThenBy(w => w.Key, StringComparer.Ordinal)
            .Take(MaxWords)
            .Select(w => new WordResult(w.Key, w.Value))
            .ToArray());

    private double Percent(int count) => Voters == 0 ? 0 : count * 100.0 / Voters;
}
