using OpenHealthLive.Core.Questions;

namespace OpenHealthLive.Core.Tests.Questions;

public sealed class NhsNumberRuleTests
{
    [Theory]
    [InlineData("9434765919")]
    [InlineData("4010232137")]
    [InlineData("3260181598")]
    [InlineData("7301661312")]
    [InlineData("6091390996")]
    [InlineData("3308246287")]
    [InlineData("3482199353")]
    [InlineData("5190937860")]
    [InlineData("7975432318")]
    [InlineData("7875749115")]
    [InlineData("7252760189")]
    [InlineData("5559797111")]
    [InlineData("3104974659")]
    [InlineData("4529170349")]
    public void Numbers_with_a_valid_check_digit_pass_the_modulus_11_check(string number)
    {
        Assert.True(NhsNumber.IsValid(number));
    }

    [Theory]
    [InlineData("9434765918")]
    [InlineData("9434765910")]
    [InlineData("4010232138")]
    [InlineData("3260181599")]
    [InlineData("7301661313")]
    [InlineData("6091390997")]
    [InlineData("3308246288")]
    [InlineData("9437465919")]
    [InlineData("5798682820")]
    [InlineData("8983478870")]
    [InlineData("5040008830")]
    [InlineData("1234567890")]
    [InlineData("0000000000")]
    [InlineData("1111111111")]
    [InlineData("943476591")]
    [InlineData("94347659190")]
    [InlineData("943476591X")]
    [InlineData("")]
    public void Numbers_with_a_wrong_or_impossible_check_digit_or_length_fail_the_check(string number)
    {
        Assert.False(NhsNumber.IsValid(number));
    }

    [Theory]
    [InlineData("My patient, NHS 943 476 5919, what would you do?")]
    [InlineData("NHS number 9434765919 had the same anomaly")]
    [InlineData("Her number is 943-476-5919")]
    [InlineData("Try 401 023 2137 in your demo")]
    [InlineData("Ref 401-023-2137.")]
    [InlineData("(3260181598)")]
    [InlineData("In 2019 943 476 5919 was referred to us")]
    [InlineData("Number 943 4765919 came back")]
    [InlineData("Number 943.476.5919 came back")]
    [InlineData("nhs:7301661312")]
    [InlineData("NHS9434765919")]
    [InlineData("Two of them: 943 476 5919 and 401 023 2137")]
    [InlineData("Patient 6091390996's scan")]
    [InlineData("Baby 3308 246 287")]
    [InlineData("see 3482199353, then 5190937860")]
    [InlineData("9 4 3 4 7 6 5 9 1 9")]
    [InlineData("Sizes 94 34 76 59 19")]
    [InlineData("Number 9434 765 919 came back")]
    [InlineData("943•476•5919")]
    [InlineData("943/476/5919")]
    [InlineData("943_476_5919")]
    [InlineData("943,476,5919")]
    [InlineData("943|476|5919")]
    [InlineData("943·476·5919")]
    [InlineData("943‧476‧5919")]
    [InlineData("943 / 476 / 5919")]
    [InlineData("9̶4̶3̶ 476 5919")]
    [InlineData("4O1 023 2137")]
    [InlineData("943 476 59l9")]
    public void A_valid_nhs_number_is_caught_however_it_is_grouped(string question)
    {
        Assert.Contains(GuardRules.NhsNumber, Guard.Rules(question));
    }

    [Theory]
    [InlineData("My patient, NHS 943 476 5918, what would you do?")]
    [InlineData("NHS number 9434765910")]
    [InlineData("Her number is 943-476-5910")]
    [InlineData("Try 401 023 2138 in your demo")]
    [InlineData("5798682820 has check digit 10")]
    [InlineData("Counts were 10 20 30 40 50")]
    [InlineData("The cohort had 12,400 images")]
    [InlineData("Call +1 415 555 0132")]
    [InlineData("0.9434765919 is the AUC?")]
    [InlineData("Version 1.943.476.5919")]
    [InlineData("943 476 59190")]
    [InlineData("ISO 13485 and IEC 62304")]
    [InlineData("FID 7.04 at 256×256")]
    [InlineData("0000000000")]
    public void Invalid_or_differently_shaped_numbers_are_not_nhs_numbers(string question)
    {
        Assert.DoesNotContain(GuardRules.NhsNumber, Guard.Rules(question));
    }

    [Fact]
    public void The_reason_shows_only_the_last_digits()
    {
        var finding = Guard.Finding(Guard.Default, "NHS 943 476 5919", GuardRules.NhsNumber);

        Assert.Equal("an NHS number with a valid check digit (ending …919)", finding.Reason);
    }

    [Fact]
    public void Several_nhs_numbers_make_one_finding_that_counts_them()
    {
        var findings = Guard.Default.Check("943 476 5919, 401 023 2137 and 9434765919 again");

        var finding = Assert.Single(findings);
        Assert.Equal("an NHS number with a valid check digit (ending …919), and 1 more", finding.Reason);
    }
}
