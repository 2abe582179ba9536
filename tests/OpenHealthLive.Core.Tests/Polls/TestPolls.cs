using OpenHealthLive.Core.Polls;
using OpenHealthLive.Core.Slides;

namespace OpenHealthLive.Core.Tests.Polls;

/// <summary>Poll definitions of the talk, and random valid answers to them.</summary>
internal static class TestPolls
{
    public static readonly string[] Pillars =
    [
        "Collaboration and community",
        "Security and transparency",
        "Customisation and flexibility",
        "Cost-effectiveness, sustainability and scalability",
        "Rapid innovation and future-proofing",
    ];

    public static PollDefinition Single { get; } = new()
    {
        Id = "pillar-most",
        Type = PollType.SingleChoice,
        Question = "Which pillar matters most in your work?",
        Options = Pillars,
    };

    public static PollDefinition Quiz { get; } = new()
    {
        Id = "pillar-quiz",
        Type = PollType.Quiz,
        Question = "Which pillar lets anyone read the code that handles patient data?",
        Options = Pillars,
        Answer = "Security and transparency",
    };

    public static PollDefinition Multiple { get; } = Multi(2);

    public static PollDefinition Ranking { get; } = new()
    {
        Id = "pillar-rank",
        Type = PollType.Ranking,
        Question = "Put the pillars in order of importance for your hospital.",
        Options = Pillars,
    };

    public static PollDefinition Rating { get; } = new()
    {
        Id = "pillar-rating",
        Type = PollType.Rating,
        Question = "How well does your organisation do on each?",
        Items = ["Security and transparency", "Cost-effectiveness, sustainability and scalability"],
        Scale = 5,
    };

    public static PollDefinition WordCloud { get; } = new()
    {
        Id = "one-word",
        Type = PollType.WordCloud,
        Question = "One word for open source in health?",
    };

    /// <summary>Words people type, raw: several normalise to the same word.</summary>
    public static readonly string[] TypedWords =
    [
        "open", "Open", "OPEN!", "trust", "Trust.", "Communities", "community", "Collaboration!", "collaboration",
        "  Open   Science ", "open science", "café", "Cafe", "tools", "tool", "access", "security", "Sécurité", "data",
        "🚀 innovation", "innovation 🚀", "free", "FREE", "transparency", "analyses",
    ];

    public static PollDefinition ByType(PollType type) => type switch
    {
        PollType.SingleChoice => Single,
        PollType.MultipleChoice => Multiple,
        PollType.Rating => Rating,
        PollType.Ranking => Ranking,
        PollType.WordCloud => WordCloud,
        PollType.Quiz => Quiz,
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    public static PollDefinition Multi(int maxChoices) => new()
    {
        Id = "pillars-top",
        Type = PollType.MultipleChoice,
        Question = "Which pillars does your team rely on?",
        Options = Pillars,
        MaxChoices = maxChoices,
    };

    /// <summary>A random answer as a phone would send it, already normalised.</summary>
    public static PollAnswer RandomAnswer(PollDefinition poll, Random random)
    {
        var raw = poll.Type switch
        {
            PollType.SingleChoice or PollType.Quiz => new PollAnswer(Option: random.Next(poll.Options.Count)),
            PollType.MultipleChoice => new PollAnswer(Options: Shuffled(poll.Options.Count, random).Take(random.Next(1, poll.MaxChoices + 1)).ToArray()),
            PollType.Rating => new PollAnswer(Ratings: poll.Items.Select(_ => random.Next(1, poll.Scale + 1)).ToArray()),
            PollType.Ranking => new PollAnswer(Ranking: Shuffled(poll.Options.Count, random)),
            _ => new PollAnswer(Text: TypedWords[random.Next(TypedWords.Length)]),
        };
        return PollAnswers.Normalize(poll, raw);
    }

    private static int[] Shuffled(int count, Random random)
    {
        var indexes = Enumerable.Range(0, count).ToArray();
        random.Shuffle(indexes);
        return indexes;
    }
}
