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
