using OpenHealthLive.Core.Sessions;

namespace OpenHealthLive.Core.Tests.Sessions;

public sealed class ShownSlidesTests
{
    [Fact]
    public void A_slide_is_shown_up_to_the_furthest_fragment_seen_on_it()
    {
        var shown = ShownSlides.None.With(0, 0).With(4, 2).With(4, 1);

        Assert.Equal([0, 4], shown.Slides);
        Assert.Equal(2, shown.FurthestFragment(4));
        Assert.True(shown.Contains(4, 2));
        Assert.False(shown.Contains(4, 3));
        Assert.False(shown.Contains(2));
        Assert.Null(shown.FurthestFragment(2));
    }

    [Fact]
    public void The_stored_form_reads_back_as_the_same_slides()
    {
        var shown = ShownSlides.None.With(7, 0).With(0, 0).With(1, 2);

        Assert.Equal("0:0,1:2,7:0", shown.ToString());
        Assert.Equal(shown, ShownSlides.Parse("0:0,1:2,7:0"));
    }

    [Theory]
    [InlineData(null, "")]
    [InlineData("", "")]
    [InlineData("x,1:1,:3,4:,-1:2,5:-1,2:1:1,3:0", "1:1,3:0")]
    [InlineData("2:1,2:3,2:0", "2:3")]
    public void Entries_that_are_not_two_numbers_are_skipped_and_a_repeated_slide_keeps_its_furthest_fragment(string? stored, string expected)
    {
        Assert.Equal(expected, ShownSlides.Parse(stored).ToString());
    }

    [Fact]
    public void A_session_stored_before_shown_slides_existed_keeps_every_slide_up_to_its_furthest_point()
    {
        var legacy = ShownSlides.UpTo(3, 1);

        Assert.Equal([0, 1, 2, 3], legacy.Slides);
        Assert.True(legacy.Contains(2, 99));
        Assert.True(legacy.Contains(3, 1));
        Assert.False(legacy.Contains(3, 2));
        Assert.False(legacy.Contains(4));
    }

    [Fact]
    public void Showing_a_slide_again_at_the_fragment_it_already_reached_changes_nothing()
    {
        var shown = ShownSlides.None.With(4, 2);

        Assert.Same(shown, shown.With(4, 2));
        Assert.Same(shown, shown.With(4, 1));
        Assert.Equal("4:3", shown.With(4, 3).ToString());
    }

    [Theory]
    [InlineData(-1, 0)]
    [InlineData(0, -1)]
    public void A_negative_slide_or_fragment_is_refused(int slide, int fragment)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ShownSlides.None.With(slide, fragment));
    }

    [Fact]
    public void Before_shown_slides_existed_the_furthest_slide_itself_is_kept_at_its_fragment_not_wholly_shown()
    {
        var legacy = ShownSlides.UpTo(2, 0);

        Assert.Equal("0:2147483647,1:2147483647,2:0", legacy.ToString());
        Assert.False(legacy.Contains(2, 1));
    }

    [Theory]
    [InlineData("0:1", "0:1")]
    [InlineData(":1,0:2", "0:2")]
    [InlineData(" 3:1 , 5:0 ", "3:1,5:0")]
    public void An_entry_for_slide_zero_is_read_and_one_with_no_slide_number_is_not(string stored, string expected)
    {
        Assert.Equal(expected, ShownSlides.Parse(stored).ToString());
    }

    [Fact]
    public void Shown_slides_are_equal_only_to_the_same_slides_at_the_same_fragments()
    {
        var shown = ShownSlides.None.With(1, 2);

        Assert.True(shown.Equals(ShownSlides.Parse("1:2")));
        Assert.False(shown.Equals(ShownSlides.Parse("1:3")));
        Assert.False(shown.Equals((ShownSlides?)null));
    }
}
