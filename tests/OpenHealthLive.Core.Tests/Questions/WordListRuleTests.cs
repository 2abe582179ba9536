using OpenHealthLive.Core.Questions;

namespace OpenHealthLive.Core.Tests.Questions;

public sealed class WordListRuleTests
{
    private static readonly PatientDataGuard HeldGuard = Guard.WithWords("bed 4", "ward", "Smith", "Müller", "O'Brien", "St Elsewhere");

    [Theory]
    [InlineData("The baby in bed 4 had the same anomaly")]
    [InlineData("BED 4")]
    [InlineData("bed  4")]
    [InlineData("bed\u00A04")]
    [InlineData("Ward 7 asked about this")]
    [InlineData("Which ward?")]
    [InlineData("Mrs SMITH was worried")]
    [InlineData("Smith's scan")]
    [InlineData("Mr Muller asked")]
    [InlineData("MÜLLER")]
    [InlineData("Mrs O’Brien")]
    [InlineData("Mrs O'BRIEN")]
    [InlineData("ｗａｒｄ")]
    [InlineData("wa\u200Brd")]
    [InlineData("Transferred from St. Elsewhere?")]
    [InlineData("st elsewhere")]
    [InlineData("(ward)")]
    public void A_held_word_is_caught_ignoring_case_accents_and_invisible_characters(string question)
    {
        Assert.Contains(GuardRules.WordList, HeldGuard.Check(question).Select(f => f.Rule));
    }

    [Theory]
    [InlineData("Moving towards better care")]
    [InlineData("She was awarded a prize")]
    [InlineData("bed 40")]
    [InlineData("bedside 4")]
    [InlineData("embed 4 layers")]
    [InlineData("Smithfield market")]
    [InlineData("The goldsmith")]
    [InlineData("Müllerian duct anomalies")]
    [InlineData("Mullerian ducts")]
    [InlineData("A word about training")]
    [InlineData("Forward planning")]
    [InlineData("Wardrobe")]
    [InlineData("Brien")]
    [InlineData("Elsewhere in the UK")]
    [InlineData("bed")]
    public void Words_that_merely_contain_a_held_word_are_not_caught(string question)
    {
        Assert.DoesNotContain(GuardRules.WordList, HeldGuard.Check(question).Select(f => f.Rule));
    }

    /// <summary>Letters whose accent is part of the letter are written with plain letters by people without the key.</summary>
    [Theory]
    [InlineData("Grossmann", "Mr Großmann asked")]
    [InlineData("Aeriksen", "Ærikşen's scan")]
    [InlineData("Boeuf", "Mme Bœuf")]
    [InlineData("Sorensen", "Sørensen")]
    [InlineData("Lodz", "Transferred from Łódź")]
    [InlineData("Dordevic", "Dr Đorđević")]
    [InlineData("Gudrun", "Guðrun")]
    [InlineData("Thorsson", "Þorsson")]
    [InlineData("Yildiz", "Nurse Yıldız asked")]
    public void A_held_word_written_with_plain_letters_catches_the_name_written_with_its_own_letters(string held, string question)
    {
        Assert.Contains(GuardRules.WordList, Guard.WithWords(held).Check(question).Select(f => f.Rule));
    }

    [Theory]
    [InlineData("Großmann", "Mr GROSSMANN asked")]
    [InlineData("Sørensen", "Sorensen")]
    [InlineData("Łódź", "Lodz")]
    public void A_held_word_written_with_its_own_letters_catches_the_name_written_plainly(string held, string question)
    {
        Assert.Contains(GuardRules.WordList, Guard.WithWords(held).Check(question).Select(f => f.Rule));
    }

    [Fact]
    public void Without_held_words_the_rule_never_fires()
    {
        Assert.DoesNotContain(GuardRules.WordList, Guard.Rules("ward bed 4 Smith"));
    }

    [Fact]
    public void Blank_entries_in_the_list_are_ignored()
    {
        var guard = Guard.WithWords("", "  ", "\u200B");

        Assert.Empty(guard.Check("An ordinary question about the ward round"));
    }

    [Fact]
    public void The_list_is_read_once_when_the_guard_is_created()
    {
        var options = new PatientDataGuardOptions();
        options.HeldWords.Add("ward");
        var guard = new PatientDataGuard(options);

        options.HeldWords.Clear();

        Assert.Single(guard.Check("Which ward?"));
    }

    [Fact]
    public void The_reason_shows_only_the_first_letter_and_counts_the_others()
    {
        var finding = Guard.Finding(HeldGuard, "Mrs Smith on the ward", GuardRules.WordList);

        Assert.Equal("a word or phrase on the held list (“w…”), and 1 more", finding.Reason);
    }
}
