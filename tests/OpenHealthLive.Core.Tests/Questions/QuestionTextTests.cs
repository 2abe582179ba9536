using OpenHealthLive.Core.Questions;

namespace OpenHealthLive.Core.Tests.Questions;

/// <summary>How a typed question and name are cleaned before anything else looks at them.</summary>
public sealed class QuestionTextTests
{
    [Theory]
    [InlineData("What  about\t\tsafety?", "What about safety?")]
    [InlineData("   Leading and trailing   ", "Leading and trailing")]
    [InlineData("Line one\nLine two", "Line one\nLine two")]
    [InlineData("Line one\r\nLine two", "Line one\nLine two")]
    [InlineData("Line one\n\n\n\n\nLine two", "Line one\n\nLine two")]
    [InlineData("Line one \n   \n  Line two", "Line one\n\nLine two")]
    [InlineData("\n\n\nStarts late", "Starts late")]
    [InlineData("Ends early\n\n\n", "Ends early")]
    [InlineData("Zero\u200Bwidth", "Zerowidth")]
    [InlineData("Bell\u0007 and escape\u001B", "Bell and escape")]
    [InlineData("Line\u2028separator", "Lineseparator")]
    [InlineData("Paragraph\u2029separator", "Paragraphseparator")]
    [InlineData("Right\u202Eto left", "Rightto left")]
    [InlineData("Cafe\u0301", "Café")]
    [InlineData("Nurse 👩\u200D⚕️ asks", "Nurse 👩\u200D⚕️ asks")]
    public void A_question_keeps_its_words_and_single_line_breaks_and_loses_the_rest(string typed, string expected)
    {
        Assert.Equal(expected, QuestionText.Clean(typed));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \t\n\r ")]
    [InlineData("\u200B\u200E")]
    public void Nothing_but_blanks_is_an_empty_question(string? typed)
    {
        Assert.Equal(string.Empty, QuestionText.Clean(typed));
    }

    [Fact]
    public void A_text_far_beyond_the_limit_is_cut_before_it_is_cleaned_so_it_is_still_refused_as_too_long()
    {
        var pasted = new string('x', 1_000_000);

        var cleaned = QuestionText.Clean(pasted);

        Assert.Equal(4_000, cleaned.Length);
        Assert.True(cleaned.Length > QuestionText.MaxLength);
    }

    [Fact]
    public void A_text_of_eight_times_the_limit_is_kept_whole()
    {
        Assert.Equal(4_000, QuestionText.Clean(new string('y', 4_000)).Length);
        Assert.Equal(3_999, QuestionText.Clean(new string('y', 3_999)).Length);
    }

    [Theory]
    [InlineData("  Ana  ", "Ana")]
    [InlineData("Ana\nMaría", "Ana María")]
    [InlineData("Dr\tLee", "Dr Lee")]
    public void A_name_is_one_clean_line(string typed, string expected)
    {
        Assert.Equal(expected, QuestionText.CleanAuthor(typed));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u200B")]
    public void A_blank_name_is_no_name(string? typed)
    {
        Assert.Null(QuestionText.CleanAuthor(typed));
    }
}
