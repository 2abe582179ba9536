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
    [InlineData("\tHJK-789\n", "HJK789")]
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
}
