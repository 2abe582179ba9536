using OpenHealthLive.Core.Questions;

namespace OpenHealthLive.Core.Tests.Questions;

/// <summary>
/// The guard's word lists, one word at a time: a unit after a number, the prefix of a public identifier, an image's
/// file extension, the months. Each theory has a control that shows the same sentence is held without the word, so
/// a word that drops out of its list fails its own case.
/// </summary>
public sealed class GuardWordListTests
{
    /// <summary>Units a clinician writes after a dose, a duration or a measurement.</summary>
    public static TheoryData<string> Units => Words(
        "weeks week wks wk w days day d hours hrs hr h min mins ms s years yrs yr y mm cm m kg g mg mcg ml l % mmhg bpm");

    /// <summary>Prefixes of paper, trial and standard identifiers, which are public and never a patient's.</summary>
    public static TheoryData<string> PublicIdentifierPrefixes => Words(
        "nct isrctn pmid pmcid pmc doi arxiv isbn issn eudract ctri actrn drks chictr iso iec en bs ieee rfc orcid");

    /// <summary>Extensions of image and document files, as in "image@2x.png".</summary>
    public static TheoryData<string> FileExtensions => Words("png jpg jpeg gif svg webp bmp tif tiff dcm nii gz pdf");

    [Fact]
    public void Control_a_date_shaped_triple_followed_by_a_word_that_is_no_unit_is_a_date()
    {
        Assert.Contains(GuardRules.DateOfBirth, Guard.Rules("Was it 10.12.24 then, in the trial?"));
        Assert.Contains(GuardRules.DateOfBirth, Guard.Rules("Was it 10.12.24 mgs in the trial?"));
    }

    [Theory]
    [MemberData(nameof(Units))]
    public void A_date_shaped_triple_followed_by_a_unit_is_a_measurement_not_a_date(string unit)
    {
        Assert.DoesNotContain(GuardRules.DateOfBirth, Guard.Rules($"Was it 10.12.24 {unit} in the trial?"));
        Assert.DoesNotContain(GuardRules.DateOfBirth, Guard.Rules($"Was it 10.12.24 {unit.ToUpperInvariant()} in the trial?"));
    }

    [Fact]
    public void Control_a_long_number_after_a_word_that_is_no_identifier_prefix_is_a_hospital_number()
    {
        Assert.Contains(GuardRules.HospitalNumber, Guard.Rules("Is it ref 5512345 in the paper?"));
        Assert.Contains(GuardRules.HospitalNumber, Guard.Rules("Is it pmids 5512345 in the paper?"));
    }

    [Theory]
    [MemberData(nameof(PublicIdentifierPrefixes))]
    public void A_long_number_after_a_public_identifier_prefix_is_not_a_hospital_number(string prefix)
    {
        Assert.DoesNotContain(GuardRules.HospitalNumber, Guard.Rules($"Is it {prefix} 5512345 in the paper?"));
        Assert.DoesNotContain(GuardRules.HospitalNumber, Guard.Rules($"Is it {prefix.ToUpperInvariant()}:5512345 in the paper?"));
    }

    [Fact]
    public void Control_an_address_at_a_domain_that_is_no_file_extension_is_an_email()
    {
        Assert.Contains(GuardRules.Email, Guard.Rules("Is the image@2x.org asset the retina one?"));
        Assert.Contains(GuardRules.Email, Guard.Rules("Is the image@2x.pngs asset the retina one?"));
    }

    [Theory]
    [MemberData(nameof(FileExtensions))]
    public void A_file_name_with_an_at_sign_is_not_an_email(string extension)
    {
        Assert.DoesNotContain(GuardRules.Email, Guard.Rules($"Is the image@2x.{extension} asset the retina one?"));
        Assert.DoesNotContain(GuardRules.Email, Guard.Rules($"Is the image@2x.{extension.ToUpperInvariant()} asset the retina one?"));
    }

    [Theory]
    [InlineData("Jan")]
    [InlineData("February")]
    [InlineData("Mar")]
    [InlineData("april")]
    [InlineData("MAY")]
    [InlineData("June")]
    [InlineData("Jul")]
    [InlineData("August")]
    [InlineData("Sept")]
    [InlineData("Oct")]
    [InlineData("November")]
    [InlineData("dec")]
    public void A_day_a_month_word_and_a_two_digit_year_after_a_keyword_are_a_date_of_birth(string month)
    {
        // 14 and 20 cannot both be a day and a month: only the month word between them makes this a date.
        var finding = Guard.Finding(Guard.Default, $"DOB 14 {month} 20, is that relevant?", GuardRules.DateOfBirth);

        Assert.Equal("a date of birth after “DOB” (year 20)", finding.Reason);
    }

    [Theory]
    [InlineData("Baby born at 34+2, was the scan reliable?")]
    [InlineData("She was born 14/20 on the chart")]
    public void After_a_keyword_numbers_that_cannot_be_a_day_and_month_without_a_month_word_are_not_a_date(string question)
    {
        Assert.DoesNotContain(GuardRules.DateOfBirth, Guard.Rules(question));
    }

    [Fact]
    public void A_day_and_month_without_a_month_word_after_a_keyword_have_no_year()
    {
        var finding = Guard.Finding(Guard.Default, "DOB 3/4, is that relevant?", GuardRules.DateOfBirth);

        Assert.Equal("a date of birth after “DOB” (day and month)", finding.Reason);
    }

    private static TheoryData<string> Words(string words) => [.. words.Split(' ')];
}
