using System.Text;
using OpenHealthLive.Core.Slides;
using OpenHealthLive.Core.Tests.Infrastructure;

namespace OpenHealthLive.Core.Tests.Slides;

/// <summary>Loading decks from real folders, and the checks on the images they show.</summary>
public sealed class DeckLoadingTests : IDisposable
{
    private const string Slug = "image-talk";
    private static readonly byte[] TinyPng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private readonly TempDirectory _temp = new();

    private string DeckFolder => _temp.Combine(Slug);

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Load_reads_deck_md_and_names_the_deck_after_its_folder()
    {
        var file = WriteDeck("# One");

        var result = DeckParser.Load(DeckFolder + Path.DirectorySeparatorChar);

        Assert.True(result.Succeeded);
        Assert.Equal(Slug, result.Slug);
        Assert.Equal(Slug, result.Deck!.Slug);
        Assert.Equal(file, result.Deck.SourcePath);
        Assert.Equal("One", Assert.Single(result.Deck.Slides).Title);
    }

    [Fact]
    public void Load_accepts_a_deck_saved_with_a_byte_order_mark()
    {
        File.WriteAllText(Path.Combine(Directory.CreateDirectory(DeckFolder).FullName, DeckParser.DeckFileName),
            TestDecks.WithFrontMatter("# One"), new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        var result = DeckParser.Load(DeckFolder);

        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Problems));
        Assert.Equal("Test talk", result.Deck!.Metadata.Title);
    }

    [Fact]
    public void Load_of_a_folder_without_deck_md_is_an_error_naming_the_file()
    {
        Directory.CreateDirectory(DeckFolder);

        var result = DeckParser.Load(DeckFolder);

        var error = Assert.Single(result.Errors);
        Assert.Equal(Path.Combine(DeckFolder, DeckParser.DeckFileName), error.File);
        Assert.Equal(0, error.Line);
        Assert.StartsWith("Cannot read the deck", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_image_beside_the_deck_is_served_from_the_deck_media_url_and_recorded_with_the_first_slide_showing_it()
    {
        WriteImage("photo.png");
        WriteImage("img/chart.svg");
        WriteDeck(
            "# Title slide",
            "---",
            "# Photo",
            "![A photo](photo.png)",
            "",
            "---",
            "# Chart and photo again",
            "![Chart](img/chart.svg) ![Photo again](photo.png)");

        var deck = Load();

        Assert.Equal(new Dictionary<string, int> { ["photo.png"] = 1, ["img/chart.svg"] = 2 }, deck.Media);
        Assert.Contains("<img src=\"/decks/image-talk/media/photo.png\" alt=\"A photo\" />", deck.Slides[1].Html, StringComparison.Ordinal);
        Assert.Contains("<img src=\"/decks/image-talk/media/img/chart.svg\" alt=\"Chart\" />", deck.Slides[2].Html, StringComparison.Ordinal);
        Assert.DoesNotContain("src=\"photo.png\"", deck.Slides[2].Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("./photo.png", "photo.png", "photo.png")]
    [InlineData("img/Photo.PNG", "img/Photo.PNG", "img/Photo.PNG")]
    [InlineData("my%20photo.png", "my photo.png", "my%20photo.png")]
    [InlineData("<my photo.png>", "my photo.png", "my%20photo.png")]
    [InlineData("photo.jpeg?v=2", "photo.jpeg", "photo.jpeg")]
    public void An_image_path_is_normalised_to_its_file_in_the_deck_folder(string written, string file, string urlPath)
    {
        WriteImage(file);
        WriteDeck("# One", "", $"![Picture]({written})");

        var deck = Load();

        Assert.Equal(file, Assert.Single(deck.Media).Key);
        Assert.Contains($"src=\"/decks/image-talk/media/{urlPath}\"", deck.Slides[0].Html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_image_is_an_error_on_its_line()
    {
        WriteDeck("# One", "---", "# Two", "", "Some text", "and ![Lost](lost.png) inline");

        var error = LoadError();

        Assert.Equal(9, error.Line);
        Assert.Equal(Path.Combine(DeckFolder, DeckParser.DeckFileName), error.File);
        Assert.StartsWith("Image 'lost.png' does not exist", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://example.com/photo.png")]
    [InlineData("https://cdn.example.org/photo.png")]
    public void A_remote_image_is_an_error_because_every_phone_would_fetch_it(string url)
    {
        WriteDeck("# One", "", $"![Remote]({url})");

        var error = LoadError();

        Assert.Equal(6, error.Line);
        Assert.Contains($"Image '{url}' is not in the deck folder", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_image_path_that_climbs_out_of_the_deck_folder_is_an_error()
    {
        _temp.WriteFile("outside.png", "not really a png");
        WriteDeck("# One", "", "![Escape](img/../../outside.png)");

        var error = LoadError();

        Assert.Equal(6, error.Line);
        Assert.Contains("points outside the deck folder", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_image_path_starting_with_dot_dot_does_not_load_the_file_outside_the_deck_folder()
    {
        _temp.WriteFile("outside.png", "not really a png");
        WriteDeck("# One", "", "![Escape](../outside.png)");

        var error = LoadError();

        Assert.Equal(6, error.Line);
    }

    [Fact]
    public void An_image_path_starting_with_dot_dot_is_reported_as_outside_the_deck_folder()
    {
        _temp.WriteFile("logo.png", "the shared logo, outside the deck");
        WriteImage("logo.png");
        WriteDeck("# One", "", "![Logo](../logo.png)");

        var error = LoadError();

        Assert.Contains("points outside the deck folder", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(".assets/photo.png")]
    [InlineData(".hidden.png")]
    [InlineData("img/.hidden.png")]
    public void An_image_whose_name_starts_with_a_dot_is_found(string path)
    {
        WriteImage(path);
        WriteDeck("# One", "", $"![Photo]({path})");

        var deck = Load();

        Assert.Equal(path, Assert.Single(deck.Media).Key);
        Assert.Contains($"src=\"/decks/image-talk/media/{path}\"", deck.Slides[0].Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a%00.png")]
    [InlineData("a%01b.png")]
    public void An_image_path_with_a_control_character_is_an_error_not_an_exception(string url)
    {
        WriteDeck("# One", "", $"![Odd]({url})");

        var error = LoadError();

        Assert.Equal(6, error.Line);
        Assert.Equal($"Image '{url}' has a control character in its file name.", error.Message);
    }

    [Theory]
    [InlineData("handout.pdf")]
    [InlineData("clip.mp4")]
    [InlineData("notes.txt")]
    public void A_file_that_is_not_a_served_picture_type_is_an_error(string file)
    {
        _temp.WriteFile(Path.Combine(Slug, file), "content");
        WriteDeck("# One", "", $"![Not a picture]({file})");

        var error = LoadError();

        Assert.Equal(6, error.Line);
        Assert.Equal($"Image '{file}' is not a picture this site serves (.png, .jpg, .jpeg, .gif, .svg, .webp, .avif).", error.Message);
    }

    [Theory]
    [InlineData("photo.png")]
    [InlineData("photo.jpg")]
    [InlineData("photo.jpeg")]
    [InlineData("photo.gif")]
    [InlineData("photo.svg")]
    [InlineData("photo.webp")]
    [InlineData("photo.avif")]
    [InlineData("PHOTO.PNG")]
    public void Every_served_picture_type_loads_whatever_the_case_of_its_extension(string file)
    {
        WriteImage(file);
        WriteDeck("# One", "", $"![A photo]({file})");

        var deck = Load();

        Assert.Equal(new Dictionary<string, int> { [file] = 0 }, deck.Media);
    }

    [Fact]
    public void A_file_without_an_extension_is_not_a_served_picture()
    {
        _temp.WriteFile(Path.Combine(Slug, "photo"), "content");
        WriteDeck("# One", "", "![A photo](photo)");

        Assert.StartsWith("Image 'photo' is not a picture this site serves", LoadError().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_bad_image_is_reported_in_line_order()
    {
        WriteDeck("# One", "![a](a.png)", "", "---", "# Two", "![b](https://example.com/b.png)", "![c](c.pdf)");

        var result = DeckParser.Load(DeckFolder);

        Assert.Null(result.Deck);
        Assert.Equal([5, 9, 10], result.Errors.Select(e => e.Line));
    }

    [Fact]
    public void A_missing_image_in_the_speaker_notes_is_reported()
    {
        WriteDeck("# One", "", "::: notes", "![Cheat sheet](cheat-sheet.png)", ":::");

        var error = LoadError();

        Assert.Equal(7, error.Line);
    }

    [Fact]
    public void An_image_without_alt_text_is_a_warning_on_its_line()
    {
        WriteImage("chart.png");
        WriteDeck("# One", "", "Some text", "![](chart.png)");

        var deck = Load();

        var warning = Assert.Single(deck.Warnings);
        Assert.Equal(7, warning.Line);
        Assert.Equal("Image 'chart.png' has no alt text; describe it in the brackets: ![what it shows](file).", warning.Message);
    }

    [Fact]
    public void A_background_image_beside_the_deck_becomes_a_data_attribute_with_its_media_url()
    {
        WriteImage("img/bench.png");
        WriteDeck("# One", "---", "# Two {background-image=\"img/bench.png\"}", "", "Text");

        var deck = Load();

        Assert.Equal(new Dictionary<string, int> { ["img/bench.png"] = 1 }, deck.Media);
        Assert.Equal("<div class=\"slide-body\" data-background-image=\"/decks/image-talk/media/img/bench.png\">\n<h1>Two</h1>\n<p>Text</p>\n</div>", deck.Slides[1].Html);
    }

    [Fact]
    public void A_background_image_is_unlocked_for_the_room_from_the_first_step_of_its_slide()
    {
        WriteImage("img/bench.png");
        WriteDeck("# One", "---", "# Two {background-image=\"img/bench.png\"}", "", "Text", "", ". . .", "", "More");

        var slide = Load().Slides[1];

        Assert.Equal(1, slide.FragmentCount);
        Assert.Equal(["img/bench.png"], slide.MediaAt(0));
        Assert.Equal(["img/bench.png"], slide.MediaAt(1));
    }

    [Fact]
    public void A_missing_background_image_is_an_error_on_the_heading_line()
    {
        WriteDeck("# One", "---", "# Two {background-image=\"lost.png\"}");

        var error = LoadError();

        Assert.Equal(6, error.Line);
        Assert.StartsWith("Image 'lost.png' does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_image_without_a_file_name_is_an_error_on_its_line()
    {
        WriteDeck("# One", "", "![A photo]()");

        var error = LoadError();

        Assert.Equal((6, "An image has no file name."), (error.Line, error.Message));
    }

    [Fact]
    public void A_remote_background_image_is_an_error()
    {
        WriteDeck("# One {background-image=\"https://example.com/bg.png\"}");

        var error = LoadError();

        Assert.Equal(4, error.Line);
        Assert.Contains("is not in the deck folder", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_remote_image_in_the_speaker_notes_is_an_error()
    {
        WriteDeck("# One", "", "::: notes", "![Cheat sheet](https://example.com/cheat-sheet.png)", ":::");

        var error = LoadError();

        Assert.Equal(7, error.Line);
        Assert.Contains("is not in the deck folder", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_image_in_the_speaker_notes_is_served_to_the_presenter_only()
    {
        WriteImage("cheat-sheet.png");
        WriteImage("photo.png");
        WriteDeck(
            "# One",
            "",
            "---",
            "# Two",
            "",
            "![A photo](photo.png)",
            "",
            ":::: columns",
            "::: notes",
            "![Cheat sheet](cheat-sheet.png) ![The photo again](photo.png)",
            ":::",
            "::::");

        var deck = Load();

        Assert.Equal(new Dictionary<string, int> { ["photo.png"] = 1 }, deck.Media);
        Assert.Equal(new Dictionary<string, int> { ["cheat-sheet.png"] = 1, ["photo.png"] = 1 }, deck.NotesMedia);
        var slide = deck.Slides[1];
        Assert.Contains("<img src=\"/decks/image-talk/media/cheat-sheet.png\" alt=\"Cheat sheet\" />", slide.NotesHtml, StringComparison.Ordinal);
        Assert.All(deck.Slides.SelectMany(s => s.Steps.Append(s.Html)), html => Assert.DoesNotContain("cheat-sheet", html, StringComparison.Ordinal));
    }

    private string WriteDeck(params string[] body) =>
        _temp.WriteFile(Path.Combine(Slug, DeckParser.DeckFileName), TestDecks.WithFrontMatter(body));

    private void WriteImage(string relativePath)
    {
        var path = _temp.Combine(Path.Combine(Slug, relativePath));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, TinyPng);
    }

    private Deck Load()
    {
        var result = DeckParser.Load(DeckFolder);
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Problems));
        return result.Deck!;
    }

    private DeckProblem LoadError()
    {
        var result = DeckParser.Load(DeckFolder);
        Assert.Null(result.Deck);
        return Assert.Single(result.Errors);
    }
}
