using OpenHealthLive.Core.Questions;

namespace OpenHealthLive.Core.Tests.Questions;

public sealed class PostcodeRuleTests
{
    [Theory]
    [InlineData("She lives at SW1A 1AA, is travel a problem?")]
    [InlineData("Referred from NW1 2DB")]
    [InlineData("M1 1AE")]
    [InlineData("The family is in B33 8TH")]
    [InlineData("CR2 6XH")]
    [InlineData("DN55 1PT")]
    [InlineData("sw1a1aa")]
    [InlineData("ec1a 1bb")]
    [InlineData("W1A 0AX")]
    [InlineData("EH1 1YZ, Edinburgh")]
    [InlineData("BT1 5GS")]
    [InlineData("LS1 4AP.")]
    [InlineData("M11AE")]
    [InlineData("Lives at CB2 0QQ")]
    [InlineData("(E1W 1AA)")]
    [InlineData("g2 3ab")]
    [InlineData("N1 1ST")]
    [InlineData("W1C 1DX")]
    [InlineData("EC1M 1AA")]
    public void A_full_uk_postcode_is_caught(string question)
    {
        Assert.Contains(GuardRules.Postcode, Guard.Rules(question));
    }

    [Theory]
    [InlineData("Is the NW1 clinic open?")]
    [InlineData("In the SW1A area")]
    [InlineData("T1 2nd echo")]
    [InlineData("B12 4mg daily")]
    [InlineData("v2 1st stage")]
    [InlineData("In the e2 3rd trimester cohort")]
    [InlineData("n1 1st scan")]
    [InlineData("At 3T and 1.5T")]
    [InlineData("covid19 cohort")]
    [InlineData("ISO 13485")]
    [InlineData("E1")]
    [InlineData("A1 1AA")]
    [InlineData("QQ1 1AA")]
    [InlineData("MRI at 3T")]
    [InlineData("FID 7.04")]
    [InlineData("GA 20+6")]
    [InlineData("Stuck on the M1 motorway")]
    [InlineData("SW1I 1AA")]
    [InlineData("EC1C 1AA")]
    [InlineData("W1M 1AA")]
    [InlineData("NW1 2CB")]
    public void Partial_codes_and_look_alikes_are_not_postcodes(string question)
    {
        Assert.DoesNotContain(GuardRules.Postcode, Guard.Rules(question));
    }

    [Fact]
    public void The_reason_shows_only_the_outward_code()
    {
        var finding = Guard.Finding(Guard.Default, "She lives in nw1 2db", GuardRules.Postcode);

        Assert.Equal("a full UK postcode (NW1 …)", finding.Reason);
    }
}
