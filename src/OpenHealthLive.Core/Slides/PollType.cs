using System.Text.Json.Serialization;

namespace OpenHealthLive.Core.Slides;

/// <summary>The kinds of poll a deck can declare. In JSON, the names authors write in decks.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PollType>))]
public enum PollType
{
    /// <summary>Pick one option.</summary>
    [JsonStringEnumMemberName("single")]
    SingleChoice,

    /// <summary>Pick up to <see cref="PollDefinition.MaxChoices"/> options.</summary>
    [JsonStringEnumMemberName("multiple")]
    MultipleChoice,

    /// <summary>Rate each item on a 1..<see cref="PollDefinition.Scale"/> scale.</summary>
    [JsonStringEnumMemberName("rating")]
    Rating,

    /// <summary>Put every option in order.</summary>
    [JsonStringEnumMemberName("ranking")]
    Ranking,

    /// <summary>A short free-text answer, normalised and counted.</summary>
    [JsonStringEnumMemberName("wordcloud")]
    WordCloud,

    /// <summary>Pick one option; the correct one is revealed later.</summary>
    [JsonStringEnumMemberName("quiz")]
    Quiz,
}
