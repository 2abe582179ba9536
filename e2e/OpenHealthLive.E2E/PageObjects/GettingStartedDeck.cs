namespace OpenHealthLive.E2E.PageObjects;

/// <summary>What the tests expect of <c>content/getting-started/deck.md</c>, the start-up deck.</summary>
public static class GettingStartedDeck
{
    public const string Slug = "getting-started";

    public const string Title = "Presenting with OpenHealthLive";

    private static readonly string[] s_headings =
    [
        "Presenting with OpenHealthLive",
        "Write your talk in Markdown",
        "Start the site",
        "Drive the talk",
        "The audience joins",
        "Which of these will you use?",
        "Put them in order",
        "Questions?",
    ];

    public static int SlideCount => s_headings.Length;

    /// <summary>The heading of slide <paramref name="number"/> (1-based, as people count slides).</summary>
    public static string Heading(int number) => s_headings[number - 1];

    /// <summary>The position text the audience and the presenter see, e.g. "Slide 2 of 6".</summary>
    public static string Position(int number) => $"Slide {number} of {SlideCount}";
}
