using OpenHealthLive.Core.Refusals;
using OpenHealthLive.Core.Sessions;
using OpenHealthLive.Core.Slides;
using OpenHealthLive.Core.Tests.Slides;

namespace OpenHealthLive.Core.Tests.Sessions;

/// <summary>
/// Where a step forward or back lands in a deck with fragments (<see cref="LiveSessionService.Move"/>): a slide's
/// reveals one at a time, then the next slide from nothing revealed; back, the previous slide with all of them.
/// </summary>
public sealed class MoveTests
{
    // Slide 1 has no fragments, slide 2 has two, slide 3 has one.
    private static readonly Deck Deck = TestDecks.ParseDeck(TestDecks.WithFrontMatter(
        "# One", "", "---", "", "# Two", "", "Intro", "", ". . .", "", "First", "", ". . .", "", "Second", "", "---", "", "# Three", "", ". . .", "", "Last"));

    [Fact]
    public void The_test_deck_has_the_fragments_these_tests_count_on()
    {
        Assert.Equal([0, 2, 1], Deck.Slides.Select(s => s.FragmentCount));
    }

    [Theory]
    [InlineData(0, 0, 1, 0)]
    [InlineData(1, 0, 1, 1)]
    [InlineData(1, 1, 1, 2)]
    [InlineData(1, 2, 2, 0)]
    [InlineData(2, 1, 2, 1)]
    public void Next_reveals_the_next_fragment_then_moves_to_the_next_slide_and_stays_at_the_very_end(int slide, int fragment, int toSlide, int toFragment)
    {
        Assert.Equal((toSlide, toFragment), LiveSessionService.Move(Deck, slide, fragment, new Navigation(NavigationKind.Next)));
    }

    [Theory]
    [InlineData(2, 1, 2, 0)]
    [InlineData(2, 0, 1, 2)]
    [InlineData(1, 2, 1, 1)]
    [InlineData(1, 1, 1, 0)]
    [InlineData(1, 0, 0, 0)]
    [InlineData(0, 0, 0, 0)]
    public void Previous_hides_the_last_fragment_then_moves_to_the_previous_slide_with_all_of_its_fragments(int slide, int fragment, int toSlide, int toFragment)
    {
        Assert.Equal((toSlide, toFragment), LiveSessionService.Move(Deck, slide, fragment, new Navigation(NavigationKind.Previous)));
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(1, 2)]
    public void Going_to_any_step_of_a_slide_from_none_to_all_of_its_fragments_is_allowed(int slide, int fragment)
    {
        Assert.Equal((slide, fragment), LiveSessionService.Move(Deck, 0, 0, Navigation.GoTo(slide, fragment)));
    }

    [Fact]
    public void A_navigation_of_no_known_kind_is_refused_by_name()
    {
        var refused = Assert.Throws<RequestRefusedException>(() => LiveSessionService.Move(Deck, 0, 0, new Navigation((NavigationKind)99)));

        Assert.Equal("Unknown navigation '99'.", refused.Message);
    }
}
