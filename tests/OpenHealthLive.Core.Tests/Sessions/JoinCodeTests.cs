using OpenHealthLive.Core.Sessions;

namespace OpenHealthLive.Core.Tests.Sessions;

public sealed class JoinCodeTests
{
    [Fact]
    public void The_alphabet_has_no_look_alike_characters()
    {
        Assert.Equal(31, JoinCode.Alphabet.Length);
        Assert.Equal(JoinCode.Alphabet.Length, JoinCode.Alphabet.Distinct().Count());
        Assert.All("0O1IL", c => Assert.DoesNotContain(c, JoinCode.Alphabet));
        Assert.All(JoinCode.Alphabet, c => Assert.True(char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c), $"'{c}'"));
    }

    [Fact]
    public void A_generated_code_has_six_characters_from_the_alphabet()
    {
        var code = JoinCode.Generate();

        Assert.Equal(6, code.Length);
        Assert.All(code, c => Assert.Contains(c, JoinCode.Alphabet));
        Assert.True(JoinCode.IsNormalized(code));
    }

    [Fact]
    public void Generated_codes_are_distinct_and_use_the_whole_alphabet()
    {
        var codes = Enumerable.Range(0, 2000).Select(_ => JoinCode.Generate()).ToList();

        // 2,000 draws from 31^6 codes collide with a probability of about 0.2%; a handful of repeats means a weak generator.
        Assert.InRange(codes.Distinct().Count(), 1995, 2000);
        Assert.Equal(JoinCode.Alphabet.Order(), codes.SelectMany(c => c).Distinct().Order());
    }

    [Theory]
    [InlineData("ABCDEF", "ABCDEF")]
    [InlineData("abcdef", "ABCDEF")]
    [InlineData("xYz234", "XYZ234")]
    [InlineData("ABC DEF", "ABCDEF")]
    [InlineData("abc-def", "ABCDEF")]
    [InlineData("  a b-c d e-f  ", "ABCDEF")]
    [InlineData("HJK-789", "HJK789")]
    [InlineData("-HJK 789-", "HJK789")]
    public void A_typed_code_is_normalised_ignoring_case_spaces_and_dashes(string typed, string expected)
    {
        Assert.True(JoinCode.TryNormalize(typed, out var code, out var error));

        Assert.Equal(expected, code);
        Assert.Equal(string.Empty, error);
        Assert.True(JoinCode.IsNormalized(code));
    }

    [Theory]
    [InlineData("ABCDE0", '0')]
    [InlineData("ABCDEO", 'O')]
    [InlineData("ABCDEo", 'O')]
    [InlineData("ABCDE1", '1')]
    [InlineData("ABCDEI", 'I')]
    [InlineData("ABCDEi", 'I')]
    [InlineData("ABCDEL", 'L')]
    [InlineData("abcdel", 'L')]
    public void A_look_alike_character_is_refused_with_a_message_saying_codes_never_contain_it(string typed, char refused)
    {
        Assert.False(JoinCode.TryNormalize(typed, out var code, out var error));

        Assert.Equal(string.Empty, code);
        Assert.Equal($"Codes never contain '{refused}' (it is too easy to confuse); check the code on the screen.", error);
    }

    [Fact]
    public void Another_character_outside_the_alphabet_is_named_in_the_message()
    {
        Assert.False(JoinCode.TryNormalize("ABC?EF", out _, out var error));

        Assert.Equal("'?' cannot appear in a code; check the code on the screen.", error);
    }

    [Theory]
    [InlineData("TESTA\0", "U+0000")]
    [InlineData("\0TESTA", "U+0000")]
    [InlineData("TES\0TA", "U+0000")]
    [InlineData("TESTAB\0", "U+0000")]
    [InlineData("TEST\tAB", "U+0009")]
    [InlineData("\tHJK-789\n", "U+0009")]
    [InlineData("TESTAB\n", "U+000A")]
    [InlineData("TEST\rAB", "U+000D")]
    [InlineData("TESTAB\u000B", "U+000B")]
    [InlineData("TESTAB\u000C", "U+000C")]
    [InlineData("TEST\u001BAB", "U+001B")]
    [InlineData("TEST\u007FAB", "U+007F")]
    [InlineData("TEST\u0085AB", "U+0085")]
    [InlineData("TEST\u00A0AB", "U+00A0")]
    [InlineData("TEST\u2003AB", "U+2003")]
    [InlineData("TEST\u3000AB", "U+3000")]
    [InlineData("TEST\u2028AB", "U+2028")]
    [InlineData("TEST\u2029AB", "U+2029")]
    [InlineData("TEST\u200BAB", "U+200B")]
    [InlineData("TEST\u200DAB", "U+200D")]
    [InlineData("\uFEFFTESTAB", "U+FEFF")]
    [InlineData("TEST\u202EAB", "U+202E")]
    [InlineData("TEST\u00ADAB", "U+00AD")]
    [InlineData("TESTA\u0301", "U+0301")]
    [InlineData("TESTA\uE000", "U+E000")]
    public void A_code_with_an_invisible_character_is_refused_naming_the_character_by_number(string typed, string named)
    {
        Assert.False(JoinCode.TryNormalize(typed, out var code, out var error));

        Assert.Equal(string.Empty, code);
        Assert.Equal($"The code contains an invisible character ({named}); type it again from the screen, using only letters and digits.", error);
    }

    [Fact]
    public void Half_of_a_surrogate_pair_is_refused_as_an_invisible_character()
    {
        // Not in InlineData: xUnit's theory serialisation turns a lone surrogate into U+FFFD.
        Assert.False(JoinCode.TryNormalize("TESTA\uD800", out var code, out var error));

        Assert.Equal(string.Empty, code);
        Assert.Equal("The code contains an invisible character (U+D800); type it again from the screen, using only letters and digits.", error);
    }

    [Theory]
    [InlineData("TESTA\u017F", "\u017F", "U+017F")]
    [InlineData("TESTA\u0131", "\u0131", "U+0131")]
    [InlineData("TESTA\u212A", "\u212A", "U+212A")]
    [InlineData("TESTA\uFF22", "\uFF22", "U+FF22")]
    [InlineData("TEST\u0410B", "\u0410", "U+0410")]
    [InlineData("TESTA\u00B5", "\u00B5", "U+00B5")]
    [InlineData("TESTA\u00C9", "\u00C9", "U+00C9")]
    [InlineData("TEST\u2013AB", "\u2013", "U+2013")]
    [InlineData("TEST\u2011AB", "\u2011", "U+2011")]
    [InlineData("TEST\u2212AB", "\u2212", "U+2212")]
    [InlineData("TESTA\uD83D\uDE00", "\uD83D\uDE00", "U+1F600")]
    [InlineData("TESTA\u0662", "\u0662", "U+0662")]
    public void A_character_that_only_looks_like_a_letter_digit_or_dash_is_refused_naming_it(string typed, string shown, string named)
    {
        Assert.False(JoinCode.TryNormalize(typed, out var code, out var error));

        Assert.Equal(string.Empty, code);
        Assert.Equal($"'{shown}' ({named}) cannot appear in a code: codes use only the letters A to Z and the digits 2 to 9; check the code on the screen.", error);
    }

    [Theory]
    [InlineData("TEST.AB", '.')]
    [InlineData("TEST_AB", '_')]
    [InlineData("TEST/AB", '/')]
    [InlineData("TEST%AB", '%')]
    [InlineData("TESTA'", '\'')]
    [InlineData("TEST+AB", '+')]
    public void Ascii_punctuation_other_than_the_dash_is_refused_naming_it(string typed, char refused)
    {
        Assert.False(JoinCode.TryNormalize(typed, out var code, out var error));

        Assert.Equal(string.Empty, code);
        Assert.Equal($"'{refused}' cannot appear in a code; check the code on the screen.", error);
    }

    [Theory]
    [InlineData("ABCDE", 5)]
    [InlineData("ABCDEFG", 7)]
    [InlineData("A-B", 2)]
    [InlineData("---", 0)]
    public void A_code_of_the_wrong_length_is_refused_with_the_count_typed(string typed, int count)
    {
        Assert.False(JoinCode.TryNormalize(typed, out var code, out var error));

        Assert.Equal(string.Empty, code);
        Assert.Equal($"A code has 6 characters; you typed {count}.", error);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Nothing_typed_asks_for_the_code_on_the_screen(string? typed)
    {
        Assert.False(JoinCode.TryNormalize(typed, out var code, out var error));

        Assert.Equal(string.Empty, code);
        Assert.Equal("Type the code shown on the screen.", error);
    }

    [Fact]
    public void A_very_long_input_is_refused_without_being_processed()
    {
        var typed = "ABCDEF" + new string(' ', 100_000);

        Assert.False(JoinCode.TryNormalize(typed, out var code, out var error));

        Assert.Equal(string.Empty, code);
        Assert.Equal("A code has 6 characters.", error);
    }

    [Theory]
    [InlineData("ABCDEF", true)]
    [InlineData("abcdef", false)]
    [InlineData("ABC-DEF", false)]
    [InlineData("ABCDE0", false)]
    [InlineData(null, false)]
    public void Only_an_upper_case_code_from_the_alphabet_is_normalised(string? input, bool expected)
    {
        Assert.Equal(expected, JoinCode.IsNormalized(input));
    }

    [Fact]
    public void A_code_typed_with_spaces_up_to_thirty_two_characters_is_read_and_one_character_more_is_refused()
    {
        var typed = "ABC-DEF".PadRight(32);

        Assert.True(JoinCode.TryNormalize(typed, out var code, out _));
        Assert.Equal("ABCDEF", code);
        Assert.False(JoinCode.TryNormalize(typed + " ", out code, out var error));
        Assert.Equal(string.Empty, code);
        Assert.Equal($"A code has {JoinCode.Length} characters.", error);
    }
}
