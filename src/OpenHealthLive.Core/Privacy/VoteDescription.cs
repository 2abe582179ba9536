using System.Globalization;
using OpenHealthLive.Core.Polls;
using OpenHealthLive.Core.Slides;

namespace OpenHealthLive.Core.Privacy;

/// <summary>A stored poll answer in words, for the phone that gave it.</summary>
internal static class VoteDescription
{
    public static string Of(PollDefinition? poll, PollAnswer answer)
    {
        string Option(int index) => poll is not null && index >= 0 && index < poll.Options.Count ? poll.Options[index] : $"option {index + 1}";
        string Item(int index) => poll is not null && index >= 0 && index < poll.Items.Count ? poll.Items[index] : $"item {index + 1}";

        if (answer.Text is { } text)
        {
            return text;
        }

        if (answer.Option is { } option)
        {
            return Option(option);
        }

        if (answer.Options is { } options)
        {
            return string.Join(", ", options.Select(Option));
        }

        if (answer.Ranking is { } ranking)
        {
            return string.Join(" > ", ranking.Select(Option));
        }

        if (answer.Ratings is { } ratings)
        {
            return string.Join(", ", ratings.Select((value, item) => string.Create(CultureInfo.InvariantCulture, $"{Item(item)}: {value}")));
        }

        return string.Empty;
    }
}
