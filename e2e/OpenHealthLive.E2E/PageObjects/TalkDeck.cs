namespace OpenHealthLive.E2E.PageObjects;

/// <summary>
/// What the tests expect of <c>content/open-healthcare/deck.md</c>, the talk (the app's default deck; the
/// suite's start-up session runs <see cref="GettingStartedDeck"/>, so a test starts a session for this one).
/// </summary>
public static class TalkDeck
{
    public const string Slug = "open-healthcare";

    public const int SlideCount = 35;

    /// <summary>The title slide.</summary>
    public const int Title = 1;

    /// <summary>A table, then a paragraph after a pause (<c>. . .</c>).</summary>
    public const int MoreThanCode = 4;

    /// <summary>A table with a citation footer.</summary>
    public const int FourHurdles = 5;

    /// <summary>An SVG diagram (the road from bench to bedside).</summary>
    public const int BenchToBedside = 7;

    /// <summary>Two columns with a footer.</summary>
    public const int TwoFrameworks = 8;

    /// <summary>The xfetus pipeline diagram.</summary>
    public const int XfetusPipeline = 12;

    /// <summary>The quiz <c>fid-quiz</c>.</summary>
    public const int FidQuiz = 13;

    /// <summary>The only slide whose text says "WebRTC".</summary>
    public const int ReadyUnderTheHood = 23;

    /// <summary>The five pillars as a diagram (drawn again in Spanish for <c>deck.es.md</c>).</summary>
    public const int FivePillars = 25;

    /// <summary>The single-choice poll <c>pillar-most</c> (opens by itself when reached).</summary>
    public const int PillarMost = 27;

    /// <summary>The rating poll <c>pillar-rating</c>.</summary>
    public const int PillarRating = 28;

    /// <summary>The ranking poll <c>pillar-ranking</c> of the five pillars (opens by itself when reached).</summary>
    public const int PillarRanking = 29;

    /// <summary>The word cloud <c>open-health-word</c> (opens by itself when reached).</summary>
    public const int OpenHealthWord = 30;

    /// <summary>Four bullets in <c>::: incremental</c>.</summary>
    public const int Takeaways = 31;

    private static readonly Dictionary<int, string> s_headings = new()
    {
        [Title] = "How Open-Source Software is Shaping the Future of Healthcare",
        [MoreThanCode] = "Open source is more than code",
        [FourHurdles] = "Four hurdles on the way to the clinic",
        [BenchToBedside] = "Regulation and innovation pull together",
        [TwoFrameworks] = "Two frameworks, up close",
        [XfetusPipeline] = "From DCGAN to diffusion and transformers",
        [FidQuiz] = "Quiz: which generator came closest to real images?",
        [ReadyUnderTheHood] = "READY under the hood",
        [FivePillars] = "Five pillars of open healthcare",
        [PillarMost] = "Which pillar matters most in your work?",
        [PillarRating] = "Rate each pillar in your own work",
        [PillarRanking] = "Rank the five pillars",
        [OpenHealthWord] = "One word for open healthcare?",
        [Takeaways] = "Takeaways",
    };

    /// <summary>The bullets of <see cref="Takeaways"/>, in the order they are revealed.</summary>
    public static IReadOnlyList<string> TakeawayItems { get; } =
    [
        "Getting research from the bench to the bedside is hard, and standards are part of the journey",
        "Synthetic data and real-time AI diagnosis show what open tools can already do",
        "Share code, data and models in a form that meets quality standards",
        "Invest in good educational and training material",
    ];

    /// <summary>Headings of slides the tests name in the Spanish translation (<c>deck.es.md</c>).</summary>
    private static readonly Dictionary<int, string> s_spanishHeadings = new()
    {
        [Title] = "Cómo el software de código abierto está dando forma al futuro de la salud",
        [MoreThanCode] = "El código abierto es más que código",
        [FivePillars] = "Cinco pilares de la salud abierta",
        [PillarMost] = "¿Qué pilar importa más en su trabajo?",
        [PillarRanking] = "Ordenen los cinco pilares",
    };

    /// <summary>The heading of a slide in Spanish (1-based).</summary>
    public static string SpanishHeading(int number) => s_spanishHeadings[number];

    /// <summary>The heading of a slide the tests name (1-based).</summary>
    public static string Heading(int number) => s_headings[number];

    /// <summary>"Slide 27 of 35".</summary>
    public static string Position(int number) => $"Slide {number} of {SlideCount}";
}
