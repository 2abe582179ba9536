using OpenHealthLive.Core.Pen;
using OpenHealthLive.Core.Refusals;

namespace OpenHealthLive.Core.Tests.Pen;

/// <summary>The rules for a stroke, and the drawing the printed deck and the archive get.</summary>
public sealed class InkTests
{
    private static readonly int[] Line = [0, 0, 10000, 10000];

    [Fact]
    public void A_piece_within_every_limit_passes() => Ink.Check("a-1_B", "#d62828", 5, Line);

    [Theory]
    [InlineData("", "#d62828", 5, "stroke id")]
    [InlineData("has space", "#d62828", 5, "stroke id")]
    [InlineData("abcdefghijabcdefghijabcdefghijabc", "#d62828", 5, "stroke id")]
    [InlineData("ok", "#D62828", 5, "colours")]
    [InlineData("ok", "red", 5, "colours")]
    [InlineData("ok", "#d62828", 0, "width")]
    [InlineData("ok", "#d62828", 61, "width")]
    public void A_piece_with_a_bad_id_colour_or_width_is_refused_with_what_to_do(string id, string colour, int width, string said)
    {
        var refused = Assert.Throws<RequestRefusedException>(() => Ink.Check(id, colour, width, Line));
        Assert.Contains(said, refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "#d62828", 5)]
    [InlineData("ok", "red", 5)]
    [InlineData("ok", "#d62828", 0)]
    public void A_bad_piece_is_refused_with_the_bad_stroke_code(string id, string colour, int width)
    {
        Assert.Equal("bad-stroke", Assert.Throws<RequestRefusedException>(() => Ink.Check(id, colour, width, Line)).Code);
        Assert.Equal("bad-stroke", Assert.Throws<RequestRefusedException>(() => Ink.Check("ok", "#111111", 5, [1, 2, 3])).Code);
    }

    [Fact]
    public void Points_come_in_pairs_within_the_slide_and_at_most_250_a_piece()
    {
        Assert.Contains("pairs", Assert.Throws<RequestRefusedException>(() => Ink.Check("ok", "#111111", 5, [1, 2, 3])).Message, StringComparison.Ordinal);
        Assert.Contains("pairs", Assert.Throws<RequestRefusedException>(() => Ink.Check("ok", "#111111", 5, [])).Message, StringComparison.Ordinal);
        Assert.Contains("0 to 10000", Assert.Throws<RequestRefusedException>(() => Ink.Check("ok", "#111111", 5, [10001, 0])).Message, StringComparison.Ordinal);
        Assert.Contains("0 to 10000", Assert.Throws<RequestRefusedException>(() => Ink.Check("ok", "#111111", 5, [0, -1])).Message, StringComparison.Ordinal);
        Ink.Check("ok", "#111111", 5, [.. Enumerable.Repeat(10000, 500)]);
        Assert.Contains("250 points", Assert.Throws<RequestRefusedException>(() => Ink.Check("ok", "#111111", 5, [.. Enumerable.Repeat(1, 502)])).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_the_pen_and_the_highlighter_draw()
    {
        Assert.Equal(StrokeTool.Pen, Ink.ParseTool("pen"));
        Assert.Equal(StrokeTool.Highlighter, Ink.ParseTool("highlighter"));
        Assert.Throws<RequestRefusedException>(() => Ink.ParseTool("Pen"));
        Assert.Throws<RequestRefusedException>(() => Ink.ParseTool(null));
    }

    [Fact]
    public void Stored_points_read_back_as_written_and_stale_text_is_cut_at_the_first_bad_value()
    {
        Assert.Equal("0,5,10000,9999", Ink.Format([0, 5, 10000, 9999]));
        Assert.Equal([0, 5, 10000, 9999], Ink.Parse("0,5,10000,9999"));
        Assert.Equal([1, 2], Ink.Parse("1,2,3"));
        Assert.Equal([1, 2], Ink.Parse("1,2,x,4"));
        Assert.Equal([1, 2], Ink.Parse("1,2,3,10001"));
        Assert.Empty(Ink.Parse(null));
    }

    [Fact]
    public void The_drawing_scales_the_points_to_a_16_by_9_stage_with_one_path_per_stroke()
    {
        var at = new DateTimeOffset(2026, 12, 5, 9, 0, 0, TimeSpan.Zero);
        var strokes = new[]
        {
            new Stroke("a", "TALK", 0, StrokeTool.Pen, "#d62828", 5, [1000, 2000, 3000, 4000], at),
            new Stroke("b", "TALK", 0, StrokeTool.Highlighter, "#facc15", 24, [5000, 5000], at),
        };

        Assert.Equal(
            "<svg class=\"ink\" viewBox=\"0 0 1600 900\" preserveAspectRatio=\"none\" aria-hidden=\"true\" focusable=\"false\">"
            + "<path d=\"M160 180L480 360\" fill=\"none\" stroke=\"#d62828\" stroke-width=\"8\" stroke-linecap=\"round\" stroke-linejoin=\"round\"/>"
            + "<path d=\"M800 450L800 450\" fill=\"none\" stroke=\"#facc15\" stroke-width=\"38.4\" stroke-linecap=\"round\" stroke-linejoin=\"round\" stroke-opacity=\"0.4\"/>"
            + "</svg>",
            StrokeSvg.Render(strokes));
        Assert.Equal(string.Empty, StrokeSvg.Render([]));
    }

    [Fact]
    public void A_colour_not_in_the_palette_never_reaches_the_page()
    {
        var tampered = new Stroke("a", "TALK", 0, StrokeTool.Pen, "\"/><script>alert(1)</script>", 5, [1, 1, 2, 2], DateTimeOffset.UnixEpoch);
        var svg = StrokeSvg.Render([tampered]);
        Assert.DoesNotContain("script", svg, StringComparison.Ordinal);
        Assert.Contains("stroke=\"#111111\"", svg, StringComparison.Ordinal);
    }
}
