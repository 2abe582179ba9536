using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using OpenHealthLive.Core.Slides;
using OpenHealthLive.Core.Tests.Infrastructure;

namespace OpenHealthLive.Core.Tests.Slides;

public sealed class DeckCatalogTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly DeckCatalog _catalog;

    public DeckCatalogTests()
    {
        _catalog = new DeckCatalog(_temp.Combine("content"), watchForChanges: false, NullLogger<DeckCatalog>.Instance, new FakeTimeProvider());
    }

    public void Dispose()
    {
        _catalog.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public void Only_well_named_folders_holding_a_deck_md_are_listed_in_order()
    {
        WriteDeck("zeta-2", "Zeta");
        WriteDeck("alpha", "Alpha");
        WriteDeck("Upper-Case", "Ignored");
        WriteDeck("under_score", "Ignored");
        WriteDeck("-leading-dash", "Ignored");
        _temp.WriteFile("content/no-deck/notes.md", "# Not a deck");
        _temp.WriteFile("content/loose.md", "# Not a folder");

        Assert.Equal(["alpha", "zeta-2"], _catalog.ListSlugs());
    }

    [Fact]
    public void A_missing_content_folder_lists_no_decks()
    {
        Assert.Empty(_catalog.ListSlugs());
    }

    [Fact]
    public void A_deck_is_parsed_once_and_the_same_result_is_returned_afterwards()
    {
        var file = WriteDeck("alpha", "Alpha");

        var first = _catalog.Get("alpha");
        File.WriteAllText(file, TestDecks.Lines("---", "title: Edited", "---", "# Changed"));
        var second = _catalog.Get("alpha");

        Assert.True(first.Succeeded);
        Assert.Same(first, second);
        Assert.Equal("Alpha", second.Deck!.Metadata.Title);
    }

    [Fact]
    public void A_deck_once_read_is_served_from_memory_even_when_its_folder_goes_away()
    {
        // Every phone's join and every slide change asks for the deck: once read, no file-system call is made for it
        // (in Development the watcher drops a changed or removed deck; a talk in progress keeps its slides).
        var file = WriteDeck("alpha", "Alpha");
        var first = _catalog.Get("alpha");
        Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);

        var second = _catalog.Get("alpha");

        Assert.True(second.Succeeded);
        Assert.Same(first, second);
    }

    [Fact]
    public void A_deck_with_errors_is_returned_as_a_cached_failure()
    {
        _temp.WriteFile("content/broken/deck.md", "# No front matter\n");

        var first = _catalog.Get("broken");

        Assert.False(first.Succeeded);
        Assert.Contains(first.Errors, e => e.Message.Contains("front matter", StringComparison.Ordinal));
        Assert.Same(first, _catalog.Get("broken"));
    }

    [Fact]
    public void Getting_a_deck_that_does_not_exist_is_a_failure_not_an_exception()
    {
        var result = _catalog.Get("nowhere");

        Assert.False(result.Succeeded);
        Assert.StartsWith("Cannot read the deck", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../alpha")]
    [InlineData("Alpha")]
    [InlineData("")]
    public void Getting_a_badly_named_deck_is_a_failure_that_explains_deck_names(string slug)
    {
        WriteDeck("alpha", "Alpha");

        var result = _catalog.Get(slug);

        Assert.False(result.Succeeded);
        Assert.Contains("lower-case letters, digits and dashes", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_deck_exists_only_when_its_folder_holds_a_deck_md()
    {
        WriteDeck("alpha", "Alpha");
        _temp.WriteFile("content/no-deck/readme.md", "# Not a deck");

        Assert.True(_catalog.Exists("alpha"));
        Assert.False(_catalog.Exists("no-deck"));
        Assert.False(_catalog.Exists("nowhere"));
        Assert.False(_catalog.Exists("../content/alpha"));
    }

    [Theory]
    [InlineData("a")]
    [InlineData("getting-started")]
    [InlineData("2026-keynote")]
    [InlineData("trailing-")]
    public void Lower_case_letters_digits_and_dashes_make_a_valid_slug(string slug)
    {
        Assert.True(DeckCatalog.IsValidSlug(slug));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("-leading")]
    [InlineData("Upper")]
    [InlineData("under_score")]
    [InlineData("with space")]
    [InlineData("a/b")]
    [InlineData("..")]
    [InlineData("café")]
    public void Anything_else_is_not_a_valid_slug(string? slug)
    {
        Assert.False(DeckCatalog.IsValidSlug(slug));
    }

    [Fact]
    public void A_slug_with_a_trailing_newline_is_not_valid()
    {
        Assert.False(DeckCatalog.IsValidSlug("deck\n"));
    }

    [Fact]
    public void A_deck_that_did_not_exist_is_found_once_its_folder_appears()
    {
        Assert.False(_catalog.Get("late").Succeeded);
        WriteDeck("late", "Late");

        Assert.True(_catalog.Get("late").Succeeded);
    }

    [Fact]
    public void A_slug_may_have_up_to_sixty_four_characters()
    {
        Assert.True(DeckCatalog.IsValidSlug(new string('a', 64)));
        Assert.False(DeckCatalog.IsValidSlug(new string('a', 65)));
    }

    private string WriteDeck(string slug, string title) =>
        _temp.WriteFile($"content/{slug}/deck.md", TestDecks.Lines("---", $"title: {title}", "---", $"# {title}"));
}
