using OpenHealthLive.Core.Questions;

namespace OpenHealthLive.Core.Tests.Questions;

/// <summary>
/// How the guard reads a question before its rules run: characters that look like others, characters that cannot
/// be seen, signs that make a number a quantity, and letters that stand in for digits.
/// </summary>
public sealed class GuardReadingTests
{
    // 943 476 5919 has a valid NHS check digit; so do 943 476 5900 and 012 345 6789.
    [Theory]
    [InlineData('\'')]
    [InlineData('\u2018')] // left single quotation mark
    [InlineData('\u2019')] // right single quotation mark
    [InlineData('\u201B')] // single high-reversed-9 quotation mark
    [InlineData('\u02BC')] // modifier letter apostrophe
    [InlineData('\u2032')] // prime
    [InlineData('`')]
    [InlineData('\u00B4')] // acute accent
    public void Every_apostrophe_marks_a_two_digit_year(char apostrophe)
    {
        var finding = Guard.Finding(Guard.Default, $"DOB Apr {apostrophe}61, is that relevant?", GuardRules.DateOfBirth);

        Assert.Equal("a date of birth after “DOB” (year 61)", finding.Reason);
    }

    [Fact]
    public void Control_without_an_apostrophe_a_month_and_a_number_have_no_year()
    {
        var finding = Guard.Finding(Guard.Default, "DOB Apr 6, is that relevant?", GuardRules.DateOfBirth);

        Assert.Equal("a date of birth after “DOB” (day and month)", finding.Reason);
    }

    [Theory]
    [InlineData(0x0007)] // a control character that is not white space
    [InlineData(0x200B)] // zero-width space (a format character)
    [InlineData(0xFE00)] // the first variation selector
    [InlineData(0xFE0F)] // the last of the first block (emoji keycap digits)
    [InlineData(0xE0100)] // the first supplementary variation selector
    [InlineData(0xE01EF)] // the last
    public void An_invisible_character_inside_an_address_does_not_hide_it(int codePoint)
    {
        var invisible = char.ConvertFromUtf32(codePoint);

        Assert.Contains(GuardRules.Email, Guard.Rules($"Her GP is jane{invisible}@nhs.net, can I send it?"));
        Assert.Contains(GuardRules.NhsNumber, Guard.Rules($"Her number is 9434{invisible}765919, right?"));
    }

    [Fact]
    public void Control_a_visible_mark_inside_an_address_breaks_it()
    {
        Assert.DoesNotContain(GuardRules.Email, Guard.Rules("Her GP is jane#@nhs.net, can I send it?"));
    }

    [Theory]
    [InlineData('%')]
    [InlineData('‰')]
    [InlineData('°')]
    [InlineData('£')]
    [InlineData('$')]
    [InlineData('€')]
    [InlineData('¥')]
    [InlineData('±')]
    [InlineData('×')]
    [InlineData('÷')]
    [InlineData('µ')]
    public void A_quantity_sign_between_numbers_keeps_them_apart(char sign)
    {
        Assert.Empty(Guard.Default.Check($"Was it 943 476{sign}5919 in the end?"));
    }

    [Fact]
    public void Control_a_separator_between_the_same_numbers_joins_them_into_an_nhs_number()
    {
        Assert.Contains(GuardRules.NhsNumber, Guard.Rules("Was it 943 476-5919 in the end?"));
    }

    [Theory]
    [InlineData("Her number is 943 476 59 O 0, right?")]
    [InlineData("Her number is 0 I 2 345 6789, right?")]
    public void A_look_alike_letter_standing_alone_between_two_numbers_is_read_as_a_digit(string question)
    {
        Assert.Contains(GuardRules.NhsNumber, Guard.Rules(question));
    }

    [Theory]
    [InlineData("Her number is 943 476 590 O, right?")] // a number before it, a word after
    [InlineData("Her number, O 123 456 789, right?")] // a word before it, a number after
    [InlineData("Was it 12 ... O 123 456 789?")] // a number after it, but the one before is five characters away
    [InlineData("Her number is 943 476 590 O ... 1 right?")] // a number before it, but the one after is five away
    [InlineData("Was it slide 12 or slide 13 I?")] // the last word of the question
    public void A_look_alike_letter_without_a_number_close_on_each_side_stays_a_letter(string question)
    {
        Assert.DoesNotContain(GuardRules.NhsNumber, Guard.Rules(question));
    }
}
