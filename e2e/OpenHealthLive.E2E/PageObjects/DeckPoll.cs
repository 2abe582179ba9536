namespace OpenHealthLive.E2E.PageObjects;

/// <summary>A poll of a shipped deck, one of each type.</summary>
/// <param name="Deck">The deck's slug.</param>
/// <param name="Slide">The poll's slide, 1-based.</param>
/// <param name="Id">The poll's id, as in <c>/p/{code}/{id}</c>.</param>
/// <param name="Type">The poll's type, as in the deck.</param>
/// <param name="Question">The question, as the phone and the console show it.</param>
/// <param name="AutoOpen">Whether it opens by itself when its slide is reached.</param>
public sealed record DeckPoll(string Deck, int Slide, string Id, string Type, string Question, bool AutoOpen)
{
    public static DeckPoll SingleChoice { get; } = new(TalkDeck.Slug, TalkDeck.PillarMost, "pillar-most", "single", "Which pillar matters most in your work?", AutoOpen: true);

    public static DeckPoll MultipleChoice { get; } = new(GettingStartedDeck.Slug, 6, "features-used", "multiple", "Which of these will you use?", AutoOpen: false);

    public static DeckPoll Rating { get; } = new(TalkDeck.Slug, TalkDeck.PillarRating, "pillar-rating", "rating", "Rate each pillar in your own work", AutoOpen: false);

    public static DeckPoll Ranking { get; } = new(GettingStartedDeck.Slug, 7, "features-ranked", "ranking", "Put them in order, most useful first", AutoOpen: true);

    public static DeckPoll WordCloud { get; } = new(TalkDeck.Slug, TalkDeck.OpenHealthWord, "open-health-word", "wordcloud", "One word for open healthcare?", AutoOpen: true);

    public static DeckPoll Quiz { get; } = new(TalkDeck.Slug, TalkDeck.FidQuiz, "fid-quiz", "quiz", "Which generator came closest to real images?", AutoOpen: false);

    /// <summary>The talk's ranking of the five pillars (not in <see cref="All"/>: the getting-started deck's stands for the type).</summary>
    public static DeckPoll PillarRanking { get; } = new(TalkDeck.Slug, TalkDeck.PillarRanking, "pillar-ranking", "ranking", "Rank the five pillars, most important first", AutoOpen: true);

    public static IReadOnlyList<DeckPoll> All { get; } = [SingleChoice, MultipleChoice, Rating, Ranking, WordCloud, Quiz];

    public static DeckPoll OfType(string type) => All.Single(p => p.Type == type);

    /// <summary>How many different people <see cref="VoteAsync"/> can play.</summary>
    public const int Voters = 5;

    private static readonly string[][] s_choices =
    [
        ["Collaboration and community"], ["Collaboration and community"], ["Security and transparency"],
        ["Rapid innovation and future-proofing"], ["Collaboration and community"],
    ];

    private static readonly string[][] s_features =
    [
        ["Live slides on phones", "Polls"], ["Live slides on phones", "Questions from the audience"], ["Polls"],
        ["Live slides on phones", "Questions from the audience", "Polls"], ["The print view"],
    ];

    private static readonly int[][] s_ratings = [[5, 4, 3, 2, 4], [4, 5, 2, 3, 5], [5, 3, 4, 2, 4], [3, 4, 3, 1, 5], [4, 4, 2, 3, 4]];

    private static readonly string[][] s_rankings =
    [
        ["Live slides on phones", "Polls", "Questions from the audience"], ["Questions from the audience", "Live slides on phones", "Polls"],
        ["Live slides on phones", "Questions from the audience", "Polls"], ["Polls", "Live slides on phones", "Questions from the audience"],
        ["Live slides on phones", "Polls", "Questions from the audience"],
    ];

    private static readonly string[] s_words = ["Collaboration", "Transparency", "collaboration", "Trust", "Open data"];

    private static readonly string[] s_quiz =
    [
        "DSR-GAN (diffusion + super-resolution)", "TB-GAN (transformer-based StyleSwin)", "DSR-GAN (diffusion + super-resolution)",
        "A tie, within one FID point", "DSR-GAN (diffusion + super-resolution)",
    ];

    /// <summary>Answers this poll on <paramref name="phone"/> as voter number <paramref name="voter"/> (0 to 4) would.</summary>
    public Task VoteAsync(AudiencePage phone, int voter)
    {
        ArgumentNullException.ThrowIfNull(phone);
        return Type switch
        {
            "single" => phone.VoteAsync(s_choices[voter]),
            "multiple" => phone.VoteAsync(s_features[voter]),
            "rating" => phone.RateAsync(s_ratings[voter]),
            "ranking" => phone.RankAsync(s_rankings[voter]),
            "wordcloud" => phone.SendWordAsync(s_words[voter]),
            "quiz" => phone.VoteAsync(s_quiz[voter]),
            _ => throw new InvalidOperationException($"No answers for a {Type} poll."),
        };
    }
}
