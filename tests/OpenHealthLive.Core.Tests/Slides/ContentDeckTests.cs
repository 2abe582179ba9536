using OpenHealthLive.Core.Slides;

namespace OpenHealthLive.Core.Tests.Slides;

/// <summary>
/// Lints the real decks under the repository's <c>content/</c> folder: each one must load with no error and no
/// warning, so a deck that ships is a deck the parser is happy with.
/// </summary>
public sealed class ContentDeckTests
{
    private static readonly string ContentDirectory = Path.Combine(FindRepositoryRoot(), "content");

    public static TheoryData<string> Decks() => new(DeckFolders());

    [Fact]
    public void The_content_folder_holds_the_talk_and_the_getting_started_deck()
    {
        var decks = DeckFolders();

        Assert.Contains("open-healthcare", decks);
        Assert.Contains("getting-started", decks);
    }

    [Theory]
    [MemberData(nameof(Decks))]
    public void A_deck_in_content_loads_with_no_error_and_no_warning(string slug)
    {
        var result = DeckParser.Load(Path.Combine(ContentDirectory, slug));

        Assert.True(result.Problems.Count == 0, $"content/{slug} has problems:{Environment.NewLine}{string.Join(Environment.NewLine, result.Problems)}");
        Assert.True(result.Succeeded);
        Assert.True(DeckCatalog.IsValidSlug(slug), $"'{slug}' is not a valid deck folder name.");
    }

    [Fact]
    public void The_talk_ships_complete_in_spanish_with_notes_and_polls_in_spanish()
    {
        var deck = DeckParser.Load(Path.Combine(ContentDirectory, "open-healthcare")).Deck!;

        Assert.Equal(["en-GB", "es"], deck.Languages);
        var spanish = deck.In("es");
        Assert.Equal(deck.Slides.Count, spanish.Slides.Count);
        for (var i = 0; i < deck.Slides.Count; i++)
        {
            Assert.True(deck.Slides[i].NotesHtml.Length == 0 || spanish.Slides[i].NotesHtml.Length > 0, $"Slide {i + 1} has notes in English but none in Spanish.");
            Assert.True(deck.Slides[i].Title != spanish.Slides[i].Title, $"Slide {i + 1}'s title '{deck.Slides[i].Title}' is not translated.");
            Assert.True(deck.Slides[i].NotesHtml != spanish.Slides[i].NotesHtml, $"Slide {i + 1}'s notes are not translated.");
        }

        foreach (var poll in deck.Polls)
        {
            var translated = spanish.Polls.Single(p => p.Id == poll.Id);
            Assert.NotEqual(poll.Question, translated.Question);
            Assert.Empty(poll.Options.Intersect(translated.Options));
            Assert.Empty(poll.Items.Intersect(translated.Items));
        }
    }

    [Fact]
    public void The_talk_asks_the_room_to_rank_the_five_pillars()
    {
        var deck = DeckParser.Load(Path.Combine(ContentDirectory, "open-healthcare")).Deck!;

        var ranking = Assert.Single(deck.Polls, p => p.Type == PollType.Ranking);
        Assert.Equal(
            ["Collaboration and community", "Security and transparency", "Customisation and flexibility",
                "Cost-effectiveness, sustainability and scalability", "Rapid innovation and future-proofing"],
            ranking.Options);
    }

    private static List<string> DeckFolders() =>
        Directory.EnumerateDirectories(ContentDirectory)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Order(StringComparer.Ordinal)
            .ToList();

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "OpenHealthLive.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No OpenHealthLive.sln above {AppContext.BaseDirectory}.");
    }
}
